import * as vscode from 'vscode';
import { DEFAULT_TAXONOMY } from './core/categories/classifier';
import type { Library } from './core/library/library';
import { ActivationTimings } from './vscode/activationTimings';
import { showOutputCommand } from './vscode/commands/showOutput';
import { EmbeddedLibraryLoader } from './vscode/library/embeddedLibraryLoader';
import { PaperTreeProvider } from './vscode/tree/paperTreeProvider';

/** What the extension exports to other extensions and to integration tests. */
export interface PaperNotesApi {
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

  const labels = new Map(DEFAULT_TAXONOMY.categories.map((category) => [category.id, category.label]));
  const tree = new PaperTreeProvider(() => loader.library, { facet: 'method', labelOf: (id) => labels.get(id) ?? id });
  context.subscriptions.push(tree, vscode.window.createTreeView('paperNotes.papers', { treeDataProvider: tree, showCollapseAll: true }));

  for (const command of [showOutputCommand(output)]) {
    context.subscriptions.push(vscode.commands.registerCommand(command.id, command.execute));
  }

  const ready = loader.load().then((library) => {
    timings.mark('libraryLoaded');
    tree.refresh();
    timings.mark('treeItemsReady');
    const { libraryLoaded, treeItemsReady } = timings.elapsedMs;
    output.appendLine(`Activation: library loaded after ${libraryLoaded?.toFixed(1)} ms, tree items ready after ${treeItemsReady?.toFixed(1)} ms.`);
    return library;
  });
  timings.mark('activated');
  return { library: () => loader.library, ready, timings: timings.elapsedMs };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
