import * as vscode from 'vscode';
import type { CategoryId, Facet } from '../../core/categories/category';
import type { Paper } from '../../core/library/paper';

/** What the tree needs from the core: the papers, already categorised. The provider does no I/O. */
export interface PaperTreeSource {
  readonly papers: readonly Paper[];
}

export type PaperTreeNode =
  | { readonly kind: 'category'; readonly id: CategoryId | 'uncategorised'; readonly label: string; readonly papers: readonly Paper[] }
  | { readonly kind: 'paper'; readonly paper: Paper; readonly parentId: string };

export interface PaperTreeOptions {
  /** The facet whose categories form the first level. */
  readonly facet: Facet;
  /** Display name of a category (the taxonomy's label). */
  readonly labelOf: (id: CategoryId) => string;
  /** Whether the paper has a literature note; such papers show a note icon and "note" in their description. */
  readonly hasNote?: (key: string) => boolean;
}

/** Groups papers by the categories of one facet, in the order the facet's categories first appear, largest first. */
export function groupByCategory(papers: readonly Paper[], options: PaperTreeOptions): PaperTreeNode[] {
  const groups = new Map<CategoryId, Paper[]>();
  const uncategorised: Paper[] = [];
  for (const paper of papers) {
    const ids = paper.categories.filter((category) => category.facet === options.facet).map((category) => category.id);
    if (ids.length === 0) uncategorised.push(paper);
    for (const id of ids) {
      const group = groups.get(id);
      if (group) group.push(paper);
      else groups.set(id, [paper]);
    }
  }
  const nodes: PaperTreeNode[] = [...groups]
    .sort(([, a], [, b]) => b.length - a.length)
    .map(([id, members]) => ({ kind: 'category', id, label: options.labelOf(id), papers: members }));
  // Never hide a paper: whatever the facet does not cover is listed, not dropped.
  if (uncategorised.length > 0) nodes.push({ kind: 'category', id: 'uncategorised', label: 'Uncategorised', papers: uncategorised });
  return nodes;
}

/** The Papers view: categories with paper counts, then papers. */
export class PaperTreeProvider implements vscode.TreeDataProvider<PaperTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PaperTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: PaperTreeNode[];

  constructor(
    private readonly source: () => PaperTreeSource,
    private readonly options: PaperTreeOptions,
  ) {
    this.roots = groupByCategory(source().papers, options);
  }

  /** How many categories the first level shows (for timings and the output log). */
  get rootCount(): number {
    return this.roots.length;
  }

  /** Rebuilds the grouping from the source, e.g. after the library reloaded. */
  refresh(): void {
    this.roots = groupByCategory(this.source().papers, this.options);
    this.changed.fire(undefined);
  }

  getChildren(node?: PaperTreeNode): PaperTreeNode[] {
    if (!node) return this.roots;
    if (node.kind === 'category') return node.papers.map((paper) => ({ kind: 'paper', paper, parentId: node.id }));
    return [];
  }

  getTreeItem(node: PaperTreeNode): vscode.TreeItem {
    if (node.kind === 'category') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `category:${node.id}`;
      item.description = String(node.papers.length);
      item.tooltip = `${node.label}: ${node.papers.length} paper${node.papers.length === 1 ? '' : 's'}`;
      item.contextValue = 'category';
      item.iconPath = new vscode.ThemeIcon('folder-library');
      return item;
    }
    const { paper } = node;
    const item = new vscode.TreeItem(paper.title, vscode.TreeItemCollapsibleState.None);
    item.id = `paper:${node.parentId}:${paper.key}`;
    const hasNote = this.options.hasNote?.(paper.key) === true;
    item.description = [paper.key, paper.year, hasNote ? 'note' : undefined].filter((part) => part !== undefined).join(' · ');
    item.tooltip = [paper.title, paper.authors.join(', '), paper.venue].filter(Boolean).join('\n');
    item.contextValue = 'paper';
    item.iconPath = new vscode.ThemeIcon(hasNote ? 'notebook' : 'book');
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
