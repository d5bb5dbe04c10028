import * as vscode from 'vscode';
import { registerCitations } from './vscode/citations/registerCitations';
import { LibraryService } from './vscode/library/libraryService';

/** Composition root: builds each service once and hands every disposable to the context. */
export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('Paper Notes');
  context.subscriptions.push(output);
  const libraryService = new LibraryService(context.extensionUri, output);
  context.subscriptions.push(libraryService);
  void libraryService.reload();
  registerCitations(context, libraryService);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
