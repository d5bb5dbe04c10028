import type * as vscode from 'vscode';

/** Paper Notes: Show Output — reveals the "Paper Notes" channel with what was loaded and how long it took. */
export function showOutputCommand(output: vscode.OutputChannel): { id: string; execute: () => void } {
  return {
    id: 'paperNotes.showOutput',
    execute: () => output.show(true),
  };
}
