import * as vscode from 'vscode';
import type { CategoryId } from './core/categories/category';
import { DEFAULT_TAXONOMY } from './core/categories/classifier';
import type { Claim } from './core/claims/claim';
import { extractClaims } from './core/claims/extractClaims';
import type { Library } from './core/library/library';
import type { Paper } from './core/library/paper';
import { pandocCitation } from './core/notes/noteTemplate';
import { ActivationTimings } from './vscode/activationTimings';
import { registerCitations, type CitationServices } from './vscode/citations/registerCitations';
import { showOutputCommand } from './vscode/commands/showOutput';
import { NoteService } from './vscode/notes/noteService';
import { comparePapersCommand, openNoteCommand } from './vscode/notes/paperCommands';
import { PaperTreeProvider } from './vscode/tree/paperTreeProvider';
import { WorkspaceLibraryService, type LibraryLoadState } from './vscode/workspaceLibrary/workspaceLibraryService';

/** What the extension exports to other extensions and to integration tests. */
export interface PaperNotesApi {
  /** The current library; empty until the first load finishes. */
  library(): Library;
  /** Resolves once the first load has finished (successfully or not). */
  readonly ready: Promise<Library>;
  /** Milliseconds from activate() start to each milestone: activated, library loaded, tree items ready. */
  readonly timings: ActivationTimings['elapsedMs'];
  /** Fires with the new library whenever a library file is added, changed or deleted. */
  readonly onDidChangeLibrary: vscode.Event<Library>;
  /** What the Papers view's welcome content shows (also the `paperNotes.libraryState` context key). */
  libraryState(): LibraryLoadState;
  /** Whether a paper has a literature note, and when that changes (for the tree and the paper view). */
  readonly notes: Pick<NoteService, 'hasNote' | 'noteUri' | 'onDidChangeNotes'>;
  /** Citation services: the searchable library and the workspace's "cited in N notes". */
  readonly citations: CitationServices;
}

/** Composition root: builds each service once and hands every disposable to the context. */
export function activate(context: vscode.ExtensionContext): PaperNotesApi {
  const timings = new ActivationTimings();
  const output = vscode.window.createOutputChannel('Paper Notes');
  context.subscriptions.push(output);

  const loader = new WorkspaceLibraryService(context.extensionPath, output);
  context.subscriptions.push(loader);

  const labels = new Map(DEFAULT_TAXONOMY.categories.map((category) => [category.id, category.label]));
  const claimCache = new WeakMap<Paper, Claim[]>();
  const claimsOf = (paper: Paper): Claim[] => {
    let claims = claimCache.get(paper);
    if (claims === undefined) {
      claims = extractClaims(paper.abstract);
      claimCache.set(paper, claims);
    }
    return claims;
  };
  const categoryLabel = (id: string): string => labels.get(id as CategoryId) ?? id;
  const citationOf = (paper: Paper): string => pandocCitation(paper.key);
  const notes = new NoteService({ context: (paper) => ({ claims: claimsOf(paper), citation: citationOf(paper), categoryLabel }) });
  context.subscriptions.push(notes);
  const paperCommandOptions = { library: () => loader.library, notes, claimsOf, citationOf, categoryLabel };
  const reloadLibrary = { id: 'paperNotes.reloadLibrary', execute: () => loader.reload() };

  const tree = new PaperTreeProvider(() => loader.library, { facet: 'method', labelOf: (id) => labels.get(id) ?? id, hasNote: (key) => notes.hasNote(key) });
  context.subscriptions.push(tree, vscode.window.createTreeView('paperNotes.papers', { treeDataProvider: tree, showCollapseAll: true, canSelectMany: true }));
  context.subscriptions.push(loader.onDidChangeLibrary(() => tree.refresh()), notes.onDidChangeNotes(() => tree.refresh()));

  for (const command of [showOutputCommand(output), openNoteCommand(paperCommandOptions), comparePapersCommand(paperCommandOptions), reloadLibrary]) {
    context.subscriptions.push(vscode.commands.registerCommand(command.id, command.execute));
  }

  const ready = loader.ready.then((library) => {
    timings.mark('libraryLoaded');
    tree.refresh();
    timings.mark('treeItemsReady');
    const { libraryLoaded, treeItemsReady } = timings.elapsedMs;
    output.appendLine(`Activation: library loaded after ${libraryLoaded?.toFixed(1)} ms, tree items ready after ${treeItemsReady?.toFixed(1)} ms.`);
    return library;
  });
  // Completion, hovers and citation diagnostics follow the workspace library as it reloads.
  const citations = registerCitations(context, loader);
  timings.mark('activated');
  return {
    library: () => loader.library, ready, timings: timings.elapsedMs, onDidChangeLibrary: loader.onDidChangeLibrary,
    libraryState: () => loader.loadState, notes, citations,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
