import * as vscode from 'vscode';
import type { Library } from '../../core/library/library';
import { libraryStatus, type LibraryStatus } from '../../core/view/libraryState';
import { PAPER_GROUPINGS, type PaperGrouping } from '../../core/view/paperGrouping';
import type { PaperTreeNode, PaperTreeProvider } from './paperTreeProvider';

/** The context key the `viewsWelcome` entries read: loading, ready, empty or failed. */
export const LIBRARY_STATE_CONTEXT_KEY = 'paperNotes.libraryState';

const GROUPING_COMMANDS: ReadonlyArray<{ readonly id: string; readonly grouping: PaperGrouping }> = [
  { id: 'paperNotes.groupPapersByMethod', grouping: 'method' },
  { id: 'paperNotes.groupPapersByDomain', grouping: 'domain' },
  { id: 'paperNotes.groupPapersByYear', grouping: 'year' },
  { id: 'paperNotes.showAllPapers', grouping: 'all' },
];

const GROUPING_DESCRIPTIONS: Readonly<Record<PaperGrouping, string>> = {
  method: 'by method family',
  domain: 'by application domain',
  year: 'by year',
  all: 'all papers',
};

const GROUPING_STATE_KEY = 'paperNotes.papersGrouping';

/** The grouping the user chose last in this workspace, or method family. */
export function savedGrouping(state: vscode.Memento): PaperGrouping {
  const saved = state.get<string>(GROUPING_STATE_KEY);
  return PAPER_GROUPINGS.find((grouping) => grouping === saved) ?? 'method';
}

/**
 * The Papers view around its provider: the grouping commands of the view title menu (remembered per workspace and
 * shown as the view's description), and the library state that picks the welcome content when the tree is empty.
 */
export class PapersTreeView implements vscode.Disposable {
  readonly view: vscode.TreeView<PaperTreeNode>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly tree: PaperTreeProvider,
    private readonly state: vscode.Memento,
  ) {
    this.view = vscode.window.createTreeView('paperNotes.papers', { treeDataProvider: tree, showCollapseAll: true });
    this.view.description = GROUPING_DESCRIPTIONS[tree.grouping];
    this.disposables.push(this.view);
    for (const { id, grouping } of GROUPING_COMMANDS) {
      this.disposables.push(vscode.commands.registerCommand(id, () => this.group(grouping)));
    }
    this.showState({ state: 'loading' });
  }

  /** Switches the grouping (also what the view title menu runs). */
  async group(grouping: PaperGrouping): Promise<void> {
    this.tree.setGrouping(grouping);
    this.view.description = GROUPING_DESCRIPTIONS[grouping];
    await this.state.update(GROUPING_STATE_KEY, grouping);
  }

  /** Shows what the latest load produced; a failure's reason goes into the view's message above the welcome text. */
  showLibrary(library: Library, failure?: string): LibraryStatus {
    const status: LibraryStatus =
      failure !== undefined && library.size === 0 ? { state: 'failed', reason: failure } : libraryStatus(library.size, library.diagnostics);
    this.showState(status);
    return status;
  }

  private showState(status: LibraryStatus): void {
    void vscode.commands.executeCommand('setContext', LIBRARY_STATE_CONTEXT_KEY, status.state);
    this.view.message = status.state === 'failed' ? `The library could not be loaded: ${status.reason}` : undefined;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
