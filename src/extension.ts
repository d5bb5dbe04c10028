import * as vscode from 'vscode';
import type { CategoryId } from './core/categories/category';
import { DEFAULT_TAXONOMY } from './core/categories/classifier';
import { extractClaimsWithReport } from './core/claims/extractClaims';
import type { Library } from './core/library/library';
import type { Paper } from './core/library/paper';
import { ActivationTimings } from './vscode/activationTimings';
import { registerCitations, type CitationServices } from './vscode/citations/registerCitations';
import { showOutputCommand } from './vscode/commands/showOutput';
import { registerImport } from './vscode/import/registerImport';
import { CslStyleService } from './vscode/csl/cslStyleService';
import { NoteService } from './vscode/notes/noteService';
import { comparePapersCommand, openNoteCommand } from './vscode/notes/paperCommands';
import { LibraryPaperSource } from './vscode/papers/libraryPaperSource';
import { registerPaperViews, type PaperViewsApi } from './vscode/papers/registerPaperViews';
import { registerCitationPreview, type MarkdownPreviewApi } from './vscode/preview/registerCitationPreview';
import { PaperTreeProvider, type PaperTreeRenderTiming } from './vscode/tree/paperTreeProvider';
import { PapersTreeView, savedGrouping } from './vscode/tree/papersTreeView';
import { WorkspaceLibraryService, type LibraryLoadState } from './vscode/workspaceLibrary/workspaceLibraryService';
import { trackWalkthroughContext } from './vscode/walkthrough/walkthroughContext';

/** What the extension exports to other extensions and to integration tests. */
export interface PaperNotesApi extends PaperViewsApi, MarkdownPreviewApi {
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
  /** Extension time of the Papers tree's latest render (grouping, getChildren, getTreeItem). */
  papersTreeTiming(): PaperTreeRenderTiming;
  /** The Papers tree's data, as VS Code reads it (for integration tests and other extensions). */
  readonly papersTree: Pick<PaperTreeProvider, 'getChildren' | 'getTreeItem' | 'resolveTreeItem' | 'onDidChangeTreeData'>;
}

/** Composition root: builds each service once and hands every disposable to the context. */
export function activate(context: vscode.ExtensionContext): PaperNotesApi {
  const timings = new ActivationTimings();
  const output = vscode.window.createOutputChannel('Paper Notes');
  context.subscriptions.push(output);

  const loader = new WorkspaceLibraryService(context.extensionPath, output);
  context.subscriptions.push(loader);

  const labels = new Map<string, string>(DEFAULT_TAXONOMY.categories.map((category) => [category.id, category.label]));
  const labelOf = (id: CategoryId): string => labels.get(id) ?? id;
  const papers = new LibraryPaperSource({ library: () => loader.library, onDidChangeLibrary: loader.onDidChangeLibrary, extractClaims: (abstract) => extractClaimsWithReport(abstract), categoryLabel: labelOf });
  // Completion, hovers and citation diagnostics follow the workspace library as it reloads; the tree reads its counts.
  const styles = new CslStyleService(context.extensionPath, output);
  context.subscriptions.push(styles);
  const citations = registerCitations(context, loader, styles);
  const preview = registerCitationPreview(context, styles, citations.library, output);
  const notes = new NoteService({
    context: (paper) => ({ claims: [...papers.claims(paper)], categoryLabel: (id) => labelOf(id as CategoryId) }),
    papers: () => loader.library.papers,
  });
  const tree = new PaperTreeProvider(() => loader.library, {
    labelOf,
    claimsOf: (paper) => papers.claims(paper),
    grouping: savedGrouping(context.workspaceState),
    hasNote: (key) => notes.hasNote(key),
    citedInCount: (key) => citations.workspaceIndex.citedInCount(key),
    onRender: (timing) =>
      output.appendLine(
        `Papers tree: served ${timing.itemsServed} items for ${timing.papers} papers (by ${timing.grouping}) in ${timing.providerMs.toFixed(1)} ms of extension time (grouping ${timing.groupMs.toFixed(1)} ms).`,
      ),
  });
  const papersView = new PapersTreeView(tree, context.workspaceState);
  context.subscriptions.push(
    notes,
    tree,
    papersView,
    papers,
    loader.onDidChangeLibrary((library) => {
      tree.refresh();
      papersView.showLibrary(library, loader.failure);
    }),
    notes.onDidChangeNotes(() => tree.refresh()),
    citations.workspaceIndex.onDidChangeCounts((keys) => tree.refreshPapers(keys)),
  );
  const paperViews = registerPaperViews(context, output, papers, () => ready);
  registerImport(context, { library: () => loader.library, readNow: (uri) => loader.readNow(uri), log: output });
  context.subscriptions.push(trackWalkthroughContext(loader));

  const paperCommandOptions = { library: () => loader.library, notes, claimsOf: (paper: Paper) => papers.claims(paper), categoryLabel: (id: string) => labelOf(id as CategoryId) };
  const reloadLibrary = { id: 'paperNotes.reloadLibrary', execute: () => loader.reload() };
  for (const command of [showOutputCommand(output), openNoteCommand(paperCommandOptions), comparePapersCommand(paperCommandOptions), reloadLibrary]) {
    context.subscriptions.push(vscode.commands.registerCommand(command.id, command.execute));
  }

  // Activation is measured to the first library the tree can show (the bundled papers come before the workspace search).
  const firstLibrary = new Promise<Library>((resolve) => {
    const subscription = loader.onDidChangeLibrary((library) => {
      subscription.dispose();
      resolve(library);
    });
    void loader.ready.then(resolve);
  });
  void firstLibrary.then(() => {
    timings.mark('libraryLoaded');
    tree.getChildren();
    timings.mark('treeItemsReady');
    const { libraryLoaded, treeItemsReady } = timings.elapsedMs;
    output.appendLine(`Activation: library loaded after ${libraryLoaded?.toFixed(1)} ms, tree items ready after ${treeItemsReady?.toFixed(1)} ms.`);
  });
  const ready = loader.ready.then(async (library) => {
    await firstLibrary;
    return library;
  });
  timings.mark('activated');
  return {
    library: () => loader.library,
    ready,
    timings: timings.elapsedMs,
    onDidChangeLibrary: loader.onDidChangeLibrary,
    libraryState: () => loader.loadState,
    notes,
    citations,
    papersTreeTiming: () => tree.renderTiming,
    papersTree: tree,
    ...paperViews.api,
    ...preview,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
