import * as vscode from 'vscode';
import { DEFAULT_TAXONOMY } from './core/categories/classifier';
import { buildLibrary, type Library } from './core/library/library';
import { readEmbeddedCorpus } from './node/corpusFiles';
import { ActivationTimings } from './vscode/activationTimings';
import { showOutputCommand } from './vscode/commands/showOutput';
import { PaperTreeProvider } from './vscode/tree/paperTreeProvider';

/** What activate() returns: other extensions and the integration tests read it through `extension.exports`. */
export interface PaperNotesApi {
  /** The loaded library (the embedded corpus unless configured otherwise). */
  readonly library: Library;
  /** Milliseconds from activate() start to each milestone. */
  readonly timings: ActivationTimings['elapsedMs'];
}

/** Composition root: builds each service once and hands every disposable to the context. */
export async function activate(context: vscode.ExtensionContext): Promise<PaperNotesApi> {
  const timings = new ActivationTimings();
  const output = vscode.window.createOutputChannel('Paper Notes');
  context.subscriptions.push(output);

  const library = buildLibrary(await readEmbeddedCorpus(context.asAbsolutePath('corpus')));
  timings.mark('libraryLoaded');
  output.appendLine(`Loaded ${library.size} papers from the embedded corpus in ${timings.elapsedMs.libraryLoaded?.toFixed(1)} ms.`);
  for (const diagnostic of library.diagnostics) {
    output.appendLine(`${diagnostic.file}:${diagnostic.line}: ${diagnostic.severity}: ${diagnostic.message}`);
  }

  const labels = new Map(DEFAULT_TAXONOMY.categories.map((category) => [category.id, category.label]));
  const tree = new PaperTreeProvider(() => library, { facet: 'method', labelOf: (id) => labels.get(id) ?? id });
  timings.mark('treeItemsReady');
  context.subscriptions.push(tree, vscode.window.createTreeView('paperNotes.papers', { treeDataProvider: tree, showCollapseAll: true }));

  for (const command of [showOutputCommand(output)]) {
    context.subscriptions.push(vscode.commands.registerCommand(command.id, command.execute));
  }
  timings.mark('activated');
  output.appendLine(`Paper Notes activated in ${timings.elapsedMs.activated?.toFixed(1)} ms.`);
  return { library, timings: timings.elapsedMs };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
