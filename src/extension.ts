import * as vscode from 'vscode';
import { DEFAULT_TAXONOMY } from './core/categories/classifier';
import type { CategoryId } from './core/categories/category';
import { extractClaims } from './core/claims/extractClaims';
import type { Library } from './core/library/library';
import { ActivationTimings } from './vscode/activationTimings';
import { registerCitations, type CitationServices } from './vscode/citations/registerCitations';
import { showOutputCommand } from './vscode/commands/showOutput';
import { EmbeddedLibraryLoader } from './vscode/library/embeddedLibraryLoader';
import { LibraryService } from './vscode/library/libraryService';
import { LibraryPaperSource } from './vscode/papers/libraryPaperSource';
import { registerPaperViews, type PaperViewsApi } from './vscode/papers/registerPaperViews';
import { PaperTreeProvider, type PaperTreeRenderTiming } from './vscode/tree/paperTreeProvider';
import { PapersTreeView, savedGrouping } from './vscode/tree/papersTreeView';

/** What the extension exports to other extensions and to integration tests. */
export interface PaperNotesApi extends PaperViewsApi {
  /** The current library; empty until the first load finishes. */
  library(): Library;
  /** Resolves once the first load has finished (successfully or not). */
  readonly ready: Promise<Library>;
  /** Milliseconds from activate() start to each milestone: activated, library loaded, tree items ready. */
  readonly timings: ActivationTimings['elapsedMs'];
  /** Citation services: the searchable library and the workspace's "cited in N notes". */
  readonly citations: CitationServices;
  /** Extension time of the Papers tree's latest render (grouping, getChildren, getTreeItem). */
  papersTreeTiming(): PaperTreeRenderTiming;
}

/** Composition root: builds each service once and hands every disposable to the context. */
export function activate(context: vscode.ExtensionContext): PaperNotesApi {
  const timings = new ActivationTimings();
  const output = vscode.window.createOutputChannel('Paper Notes');
  context.subscriptions.push(output);

  const loader = new EmbeddedLibraryLoader(context.extensionPath, output);
  const libraryService = new LibraryService(() => loader.load());
  context.subscriptions.push(libraryService);

  const labels = new Map<string, string>(DEFAULT_TAXONOMY.categories.map((category) => [category.id, category.label]));
  const labelOf = (id: CategoryId): string => labels.get(id) ?? id;
  const papers = new LibraryPaperSource({ library: () => libraryService.current, onDidChangeLibrary: libraryService.onDidChange, extractClaims, categoryLabel: labelOf });
  const tree = new PaperTreeProvider(() => libraryService.current, {
    labelOf,
    claimsOf: (paper) => papers.claims(paper),
    grouping: savedGrouping(context.workspaceState),
    onRender: (timing) =>
      output.appendLine(
        `Papers tree: served ${timing.itemsServed} items for ${timing.papers} papers (by ${timing.grouping}) in ${timing.providerMs.toFixed(1)} ms of extension time (grouping ${timing.groupMs.toFixed(1)} ms).`,
      ),
  });
  const papersView = new PapersTreeView(tree, context.workspaceState);
  context.subscriptions.push(
    tree,
    papersView,
    papers,
    libraryService.onDidChange((library) => {
      tree.refresh();
      papersView.showLibrary(library, loader.failure);
    }),
  );
  const paperViews = registerPaperViews(context, output, papers, () => ready);

  for (const command of [showOutputCommand(output)]) {
    context.subscriptions.push(vscode.commands.registerCommand(command.id, command.execute));
  }

  const ready = libraryService.reload().then((library) => {
    timings.mark('libraryLoaded');
    timings.mark('treeItemsReady');
    const { libraryLoaded, treeItemsReady } = timings.elapsedMs;
    output.appendLine(`Activation: library loaded after ${libraryLoaded?.toFixed(1)} ms, tree items ready after ${treeItemsReady?.toFixed(1)} ms.`);
    return library;
  });
  const citations = registerCitations(context, libraryService);
  timings.mark('activated');
  return {
    library: () => libraryService.current,
    ready,
    timings: timings.elapsedMs,
    citations,
    papersTreeTiming: () => tree.renderTiming,
    ...paperViews.api,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
