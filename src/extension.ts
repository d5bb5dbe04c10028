import * as vscode from 'vscode';

/** Composition root: builds each service once and hands every disposable to the context. */
export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('Paper Notes');
  context.subscriptions.push(output);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
