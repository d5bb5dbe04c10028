import * as vscode from 'vscode';
import { ActivationTimings } from './vscode/activationTimings';
import { showOutputCommand } from './vscode/commands/showOutput';

/** What activate() returns: other extensions and the integration tests read it through `extension.exports`. */
export interface PaperNotesApi {
  /** Milliseconds from activate() start to each milestone. */
  readonly timings: ActivationTimings['elapsedMs'];
}

/** Composition root: builds each service once and hands every disposable to the context. */
export function activate(context: vscode.ExtensionContext): PaperNotesApi {
  const timings = new ActivationTimings();
  const output = vscode.window.createOutputChannel('Paper Notes');
  context.subscriptions.push(output);

  for (const command of [showOutputCommand(output)]) {
    context.subscriptions.push(vscode.commands.registerCommand(command.id, command.execute));
  }
  timings.mark('activated');
  output.appendLine(`Paper Notes activated in ${timings.elapsedMs.activated?.toFixed(1)} ms.`);
  return { timings: timings.elapsedMs };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
