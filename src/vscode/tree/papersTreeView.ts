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
  private failure: string | undefined;
  /** The library state last put in the context key: a repeated value is not sent again. */
  private shownState: LibraryStatus['state'] | undefined;

  constructor(
    private readonly tree: PaperTreeProvider,
    private readonly state: vscode.Memento,
  ) {
    this.view = vscode.window.createTreeView('paperNotes.papers', { treeDataProvider: tree, showCollapseAll: true, canSelectMany: true });
    this.setDescription(GROUPING_DESCRIPTIONS[tree.grouping]);
    this.disposables.push(this.view);
    for (const { id, grouping } of GROUPING_COMMANDS) {
      this.disposables.push(vscode.commands.registerCommand(id, () => this.group(grouping)));
    }
    this.disposables.push(vscode.commands.registerCommand('paperNotes.showLibraryProblem', () => this.showProblem()));
    this.showState({ state: 'loading' });
  }

  /** Switches the grouping (also what the view title menu runs). */
  async group(grouping: PaperGrouping): Promise<void> {
    this.tree.setGrouping(grouping);
    this.setDescription(GROUPING_DESCRIPTIONS[grouping]);
    await this.state.update(GROUPING_STATE_KEY, grouping);
  }

  /**
   * Shows what the latest load produced. Welcome content cannot hold a dynamic reason, so a failure is announced
   * once with its reason, and the welcome content's "Show the Reason" repeats it.
   */
  showLibrary(library: Library, failure?: string): LibraryStatus {
    const status: LibraryStatus =
      failure !== undefined && library.size === 0 ? { state: 'failed', reason: failure } : libraryStatus(library.size, library.diagnostics);
    this.showState(status);
    if (status.state === 'failed') void this.showProblem();
    return status;
  }

  /** The reason the library failed to load, with the way to the full output. */
  async showProblem(): Promise<void> {
    if (this.failure === undefined) {
      void vscode.window.showInformationMessage('The library loaded without a fatal problem.');
      return;
    }
    const choice = await vscode.window.showErrorMessage(`Paper Notes could not load the library: ${this.failure}`, 'Show Output');
    if (choice === 'Show Output') await vscode.commands.executeCommand('paperNotes.showOutput');
  }

  /**
   * Called on every library change; the context key and the description are sent only when they change. Each update
   * redraws the view's header and re-evaluates its title menus, which closes a menu the user has open in it.
   */
  private showState(status: LibraryStatus): void {
    if (status.state !== this.shownState) {
      this.shownState = status.state;
      void vscode.commands.executeCommand('setContext', LIBRARY_STATE_CONTEXT_KEY, status.state);
    }
    this.failure = status.state === 'failed' ? status.reason : undefined;
    this.setDescription(status.state === 'failed' ? 'failed to load' : GROUPING_DESCRIPTIONS[this.tree.grouping]);
  }

  private setDescription(description: string): void {
    if (this.view.description !== description) this.view.description = description;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
