import * as vscode from 'vscode';
import type { Library } from './core/library/library';
import { EmbeddedLibraryLoader } from './vscode/library/embeddedLibraryLoader';

/** What the extension exports to other extensions and to integration tests. */
export interface PaperNotesApi {
  /** The current library; empty until the first load finishes. */
  library(): Library;
  /** Resolves once the first load has finished (successfully or not). */
  readonly ready: Promise<Library>;
}

/** Composition root: builds each service once and hands every disposable to the context. */
export function activate(context: vscode.ExtensionContext): PaperNotesApi {
  const output = vscode.window.createOutputChannel('Paper Notes');
  context.subscriptions.push(output);

  const loader = new EmbeddedLibraryLoader(context.extensionPath, output);
  const ready = loader.load();

  return { library: () => loader.library, ready };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
