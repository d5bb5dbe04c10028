import * as vscode from 'vscode';
import type { Library } from './core/library/library';
import { registerCitations, type CitationServices } from './vscode/citations/registerCitations';
import { EmbeddedLibraryLoader } from './vscode/library/embeddedLibraryLoader';
import { LibraryService } from './vscode/library/libraryService';

/** What the extension exports to other extensions and to integration tests. */
export interface PaperNotesApi {
  /** The current library; empty until the first load finishes. */
  library(): Library;
  /** Resolves once the first load has finished (successfully or not). */
  readonly ready: Promise<Library>;
  /** Citation services: the searchable library and the workspace's "cited in N notes". */
  readonly citations: CitationServices;
}

/** Composition root: builds each service once and hands every disposable to the context. */
export function activate(context: vscode.ExtensionContext): PaperNotesApi {
  const output = vscode.window.createOutputChannel('Paper Notes');
  context.subscriptions.push(output);

  const loader = new EmbeddedLibraryLoader(context.extensionPath, output);
  const libraryService = new LibraryService(() => loader.load());
  context.subscriptions.push(libraryService);
  const ready = libraryService.reload();
  const citations = registerCitations(context, libraryService);

  return { library: () => libraryService.current, ready, citations };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
