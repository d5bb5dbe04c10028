import * as vscode from 'vscode';
import { inertText } from '../../core/view/inertText';
import type { CategoryId } from '../../core/categories/category';
import type { Claim } from '../../core/claims/claim';
import type { Paper } from '../../core/library/paper';
import { explainGroup, groupPapers, PAPER_GROUPINGS, sortGroupPapers, type PaperGroup, type PaperGrouping } from '../../core/view/paperGrouping';
import { citedInDescription } from '../../core/view/citedIn';
import { paperTooltipMarkdown } from '../../core/view/paperTooltip';
import { escapeMarkdownText } from '../../core/view/markdownText';
import { displayText } from '../../core/text/readingText';

/** What the tree needs from the core: the papers, already categorised. The provider does no I/O. */
export interface PaperTreeSource {
  readonly papers: readonly Paper[];
}

export type PaperTreeNode =
  | { readonly kind: 'category'; readonly id: string; readonly label: string; readonly papers: readonly Paper[]; readonly group: PaperGroup }
  | { readonly kind: 'paper'; readonly paper: Paper; readonly key: string; readonly parentId: string };

export interface PaperTreeOptions {
  /** Display name of a category (the taxonomy's label). */
  readonly labelOf: (id: CategoryId) => string;
  /** The paper's claims, for the tooltip's top claims. */
  readonly claimsOf?: (paper: Paper) => readonly Claim[];
  /** The grouping to start with (the last one the user chose). */
  readonly grouping?: PaperGrouping;
  /** Called after each burst of tree requests (a render, an expand) with the extension time it took. */
  readonly onRender?: (timing: PaperTreeRenderTiming) => void;
  /** Whether the paper has a literature note; such papers show a note icon and "note" in their description. */
  readonly hasNote?: (key: string) => boolean;
  /** How many workspace notes cite the paper (an index lookup, never a scan); shown as "cited in N notes". */
  readonly citedInCount?: (key: string) => number;
}

/** Requests closer together than this belong to one render. */
const RENDER_BURST_GAP_MS = 250;

/** Item refreshes (e.g. citation counts while the user types citations) closer together than this make one redraw. */
const ITEM_REFRESH_DELAY_MS = 500;

/** The context key the view title menu reads to show which grouping is active. */
export const GROUPING_CONTEXT_KEY = 'paperNotes.papersGrouping';

const GROUP_ICONS: Readonly<Record<PaperGrouping, string>> = {
  method: 'folder-library',
  domain: 'folder-library',
  year: 'calendar',
  all: 'library',
};

const GROUPING_NAMES: Readonly<Record<PaperGrouping, string>> = {
  method: 'method family',
  domain: 'application domain',
  year: 'year',
  all: 'title (all papers)',
};

/** Where the extension spent its time on the tree's latest render, for the performance figures. */
export interface PaperTreeRenderTiming {
  readonly grouping: PaperGrouping;
  readonly papers: number;
  /** Grouping the library (done once per refresh). */
  readonly groupMs: number;
  /** Total time inside getChildren and getTreeItem since the refresh. */
  readonly providerMs: number;
  readonly itemsServed: number;
}

/**
 * The Papers view: categories with paper counts, then papers; grouped by method family, application domain,
 * year, or a flat list of all papers. Tooltips are built lazily in resolveTreeItem, so a 10,000-paper library
 * costs nothing until the user hovers.
 */
export class PaperTreeProvider implements vscode.TreeDataProvider<PaperTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PaperTreeNode | PaperTreeNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: PaperTreeNode[] | undefined;
  private current: PaperGrouping;
  private timing = { groupMs: 0, providerMs: 0, itemsServed: 0 };
  private burstTimer: ReturnType<typeof setTimeout> | undefined;
  private itemRefreshTimer: ReturnType<typeof setTimeout> | undefined;
  /** Keys waiting for the next item refresh. */
  private readonly staleKeys = new Set<string>();
  /** Each opened category's paper nodes, kept so a refresh can name the very nodes VS Code holds. */
  private readonly childrenOf = new Map<string, PaperTreeNode[]>();

  constructor(
    private readonly source: () => PaperTreeSource,
    private readonly options: PaperTreeOptions,
  ) {
    this.current = options.grouping ?? 'method';
    void vscode.commands.executeCommand('setContext', GROUPING_CONTEXT_KEY, this.current);
  }

  get grouping(): PaperGrouping {
    return this.current;
  }

  /** Switches the grouping and redraws. */
  setGrouping(grouping: PaperGrouping): void {
    if (!PAPER_GROUPINGS.includes(grouping)) return;
    this.current = grouping;
    void vscode.commands.executeCommand('setContext', GROUPING_CONTEXT_KEY, grouping);
    this.refresh();
  }

  /** How many nodes the first level shows (for timings and the output log). */
  get rootCount(): number {
    return this.rootNodes().length;
  }

  /** The current render's extension time so far. */
  get renderTiming(): PaperTreeRenderTiming {
    return { grouping: this.current, papers: this.source().papers.length, ...this.timing };
  }

  /** Reports a burst of requests once VS Code stops asking, then starts counting the next one. */
  private noteRequest(): void {
    if (!this.options.onRender) return;
    if (this.burstTimer !== undefined) clearTimeout(this.burstTimer);
    this.burstTimer = setTimeout(() => {
      this.burstTimer = undefined;
      this.options.onRender?.(this.renderTiming);
      this.timing = { groupMs: 0, providerMs: 0, itemsServed: 0 };
    }, RENDER_BURST_GAP_MS);
  }

  /** Rebuilds the grouping from the source, e.g. after the library reloaded. */
  refresh(): void {
    // A burst still pending belongs to the old library; its figures would be reported against the new one.
    if (this.burstTimer !== undefined) clearTimeout(this.burstTimer);
    this.burstTimer = undefined;
    this.roots = undefined;
    this.childrenOf.clear();
    this.timing = { groupMs: 0, providerMs: 0, itemsServed: 0 };
    this.changed.fire(undefined);
  }

  /**
   * Redraws the shown items of these papers only (the grouping and every other row stay, tooltips being hovered
   * included), after a short delay that merges a burst of calls: for per-paper details such as citation counts.
   */
  refreshPapers(keys: Iterable<string>): void {
    for (const key of keys) this.staleKeys.add(key);
    if (this.itemRefreshTimer !== undefined || this.staleKeys.size === 0) return;
    this.itemRefreshTimer = setTimeout(() => {
      this.itemRefreshTimer = undefined;
      const shown = [...(this.current === 'all' ? [this.roots ?? []] : []), ...this.childrenOf.values()].flat();
      const stale = shown.filter((node) => node.kind === 'paper' && this.staleKeys.has(node.key));
      this.staleKeys.clear();
      if (stale.length > 0) this.changed.fire(stale);
    }, ITEM_REFRESH_DELAY_MS);
  }

  private rootNodes(): PaperTreeNode[] {
    if (!this.roots) {
      const started = performance.now();
      // Counts and terms are all the first level needs; a category's papers are sorted when it is opened.
      const groups = groupPapers(this.source().papers, this.current, this.options.labelOf, { sortPapers: this.current === 'all' });
      this.roots =
        this.current === 'all'
          ? (groups[0]?.papers ?? []).map((paper) => ({ kind: 'paper', paper, key: paper.key, parentId: 'all' }))
          : groups.map((group) => ({ kind: 'category', id: group.id, label: group.label, papers: group.papers, group }));
      this.timing.groupMs = performance.now() - started;
    }
    return this.roots;
  }

  getChildren(node?: PaperTreeNode): PaperTreeNode[] {
    const started = performance.now();
    let children: PaperTreeNode[] = [];
    if (!node) children = this.rootNodes();
    else if (node.kind === 'category') {
      const parentId = `${this.current}:${node.id}`;
      let cached = this.childrenOf.get(parentId);
      if (!cached) this.childrenOf.set(parentId, (cached = sortGroupPapers(node.papers, this.current).map((paper) => ({ kind: 'paper', paper, key: paper.key, parentId }))));
      children = cached;
    }
    this.timing.providerMs += performance.now() - started;
    this.noteRequest();
    return children;
  }

  getParent(node: PaperTreeNode): PaperTreeNode | undefined {
    if (node.kind === 'category' || this.current === 'all') return undefined;
    return this.rootNodes().find((root) => root.kind === 'category' && `${this.current}:${root.id}` === node.parentId);
  }

  getTreeItem(node: PaperTreeNode): vscode.TreeItem {
    const started = performance.now();
    const item = node.kind === 'category' ? this.categoryItem(node) : this.paperItem(node);
    this.timing.providerMs += performance.now() - started;
    this.timing.itemsServed++;
    this.noteRequest();
    return item;
  }

  private categoryItem(node: Extract<PaperTreeNode, { kind: 'category' }>): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `category:${this.current}:${node.id}`;
    item.description = String(node.papers.length);
    const tooltip = new vscode.MarkdownString(undefined, false);
    tooltip.appendMarkdown(`**${escapeMarkdownText(node.label)}**: ${node.papers.length} paper${node.papers.length === 1 ? '' : 's'}, filed by ${GROUPING_NAMES[this.current]}\n\n`);
    tooltip.appendMarkdown(escapeMarkdownText(explainGroup(node.group)));
    item.tooltip = tooltip;
    item.contextValue = 'category';
    item.iconPath = new vscode.ThemeIcon(GROUP_ICONS[this.current]);
    item.accessibilityInformation = { label: `${node.label}, ${node.papers.length} papers. ${explainGroup(node.group)}`, role: 'treeitem' };
    return item;
  }

  private paperItem(node: Extract<PaperTreeNode, { kind: 'paper' }>): vscode.TreeItem {
    const { paper } = node;
    const item = new vscode.TreeItem(inertText(displayText(paper.title)), vscode.TreeItemCollapsibleState.None);
    item.id = `paper:${node.parentId}:${paper.key}`;
    const hasNote = this.options.hasNote?.(paper.key) === true;
    const citedIn = this.options.citedInCount && citedInDescription(this.options.citedInCount(paper.key));
    item.description = inertText([paper.key, paper.year, hasNote ? 'note' : undefined, citedIn].filter((part) => part !== undefined).join(' · '));
    item.contextValue = 'paper';
    item.iconPath = new vscode.ThemeIcon(hasNote ? 'notebook' : 'book');
    item.command = { command: 'paperNotes.openPaper', title: 'Open Paper', arguments: [paper.key] };
    return item;
  }

  /** Builds a paper's Markdown tooltip only when it is about to show. */
  resolveTreeItem(item: vscode.TreeItem, node: PaperTreeNode): vscode.TreeItem {
    if (node.kind === 'paper' && item.tooltip === undefined) {
      const claims = this.options.claimsOf?.(node.paper) ?? [];
      const citedIn = this.options.citedInCount?.(node.paper.key);
      item.tooltip = new vscode.MarkdownString(paperTooltipMarkdown(node.paper, claims, this.options.labelOf, { citedIn }), false);
    }
    return item;
  }

  dispose(): void {
    if (this.burstTimer !== undefined) clearTimeout(this.burstTimer);
    if (this.itemRefreshTimer !== undefined) clearTimeout(this.itemRefreshTimer);
    this.changed.dispose();
  }
}
