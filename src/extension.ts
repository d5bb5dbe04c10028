import * as vscode from 'vscode';
import { DEFAULT_TAXONOMY } from './core/categories/classifier';
import type { Library } from './core/library/library';
import type { CategoryId } from './core/categories/category';
import { ActivationTimings } from './vscode/activationTimings';
import { showOutputCommand } from './vscode/commands/showOutput';
import { EmbeddedLibraryLoader } from './vscode/library/embeddedLibraryLoader';
import { PaperTreeProvider } from './vscode/tree/paperTreeProvider';
import { extractClaims } from './core/claims/extractClaims';
import { LibraryPaperSource } from './vscode/papers/libraryPaperSource';
import { registerPaperViews, type PaperViewsApi } from './vscode/papers/registerPaperViews';
import { PapersTreeView, savedGrouping } from './vscode/tree/papersTreeView';
import type { PaperTreeRenderTiming } from './vscode/tree/paperTreeProvider';

/** What the extension exports to other extensions and to integration tests. */
export interface PaperNotesApi extends PaperViewsApi {
  /** Extension time of the Papers tree's latest render (grouping, getChildren, getTreeItem). */
  papersTreeTiming(): PaperTreeRenderTiming;
  /** The current library; empty until the first load finishes. */
  library(): Library;
  /** Resolves once the first load has finished (successfully or not). */
  readonly ready: Promise<Library>;
  /** Milliseconds from activate() start to each milestone: activated, library loaded, tree items ready. */
  readonly timings: ActivationTimings['elapsedMs'];
}

/** Composition root: builds each service once and hands every disposable to the context. */
export function activate(context: vscode.ExtensionContext): PaperNotesApi {
  const timings = new ActivationTimings();
  const output = vscode.window.createOutputChannel('Paper Notes');
  context.subscriptions.push(output);

  const loader = new EmbeddedLibraryLoader(context.extensionPath, output);

  const labels = new Map<string, string>(DEFAULT_TAXONOMY.categories.map((category) => [category.id, category.label]));
  const labelOf = (id: CategoryId): string => labels.get(id) ?? id;
  const papers = new LibraryPaperSource({ library: () => loader.library, extractClaims, categoryLabel: labelOf });
  const tree = new PaperTreeProvider(() => loader.library, {
    labelOf,
    claimsOf: (paper) => papers.claims(paper),
    grouping: savedGrouping(context.workspaceState),
    onRender: (timing) =>
      output.appendLine(
        `Papers tree: served ${timing.itemsServed} items for ${timing.papers} papers (by ${timing.grouping}) in ${timing.providerMs.toFixed(1)} ms of extension time (grouping ${timing.groupMs.toFixed(1)} ms).`,
      ),
  });
  const papersView = new PapersTreeView(tree, context.workspaceState);
  context.subscriptions.push(tree, papersView, papers);
  const paperViews = registerPaperViews(context, output, papers, () => ready);

  for (const command of [showOutputCommand(output)]) {
    context.subscriptions.push(vscode.commands.registerCommand(command.id, command.execute));
  }

  const ready = loader.load().then((library) => {
    timings.mark('libraryLoaded');
    tree.refresh();
    papers.notifyChanged();
    papersView.showLibrary(library, loader.failure);
    timings.mark('treeItemsReady');
    const { libraryLoaded, treeItemsReady } = timings.elapsedMs;
    output.appendLine(`Activation: library loaded after ${libraryLoaded?.toFixed(1)} ms, tree items ready after ${treeItemsReady?.toFixed(1)} ms.`);
    return library;
  });
  timings.mark('activated');
  return { library: () => loader.library, ready, timings: timings.elapsedMs, papersTreeTiming: () => tree.renderTiming, ...paperViews.api };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
