import * as vscode from 'vscode';
import type { ClaimKind } from '../../core/claims/claim';
import type { BenchmarkGroup, ClaimIndex, ClaimRef } from '../../core/claims/claimIndex';
import { buildClaimIndex, type PaperClaims } from '../../core/claims/claimIndex';
import { yieldToEventLoop } from '../papers/yieldToEventLoop';
import { CLAIM_KIND_LABELS, describeClaim } from '../../core/view/claimDescription';
import { inertText } from '../../core/view/inertText';
import { escapeMarkdownText, shortTitle } from '../../core/view/markdownText';
import type { PaperSource } from '../papers/paperSource';
import { claimKindIcon } from '../papers/kindIcons';
import { displayClaims } from '../../core/text/displayClaims';
import { displayText } from '../../core/text/readingText';

export type ClaimNode =
  | { readonly type: 'kinds' }
  | { readonly type: 'benchmarks' }
  | { readonly type: 'benchmark'; readonly group: BenchmarkGroup }
  | { readonly type: 'benchmarkPaper'; readonly key: string; readonly group: BenchmarkGroup; readonly paperIndex: number }
  | { readonly type: 'kind'; readonly kind: ClaimKind; readonly claims: readonly ClaimRef[] }
  | { readonly type: 'claim'; readonly key: string; readonly ref: ClaimRef };

/** Kinds whose lists open expanded: they answer "who claims the biggest speedup?" without a click. */
const EXPANDED_KINDS: ReadonlySet<ClaimKind> = new Set(['speedup']);

function formatFactor(factor: number): string {
  return factor >= 1e6 ? '×∞' : `×${factor >= 10 ? Math.round(factor) : Number(factor.toPrecision(2))}`;
}

function clip(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/**
 * The Claims view: the library's claims by kind, speedups and reductions largest factor first, and by benchmark
 * ("Long Range Arena → S4, H3, …"). Choosing a claim opens its paper with that claim in focus.
 */
export class ClaimsTreeProvider implements vscode.TreeDataProvider<ClaimNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ClaimNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private index: ClaimIndex | undefined;
  private indexing: Promise<ClaimIndex> | undefined;
  private readonly subscription: vscode.Disposable | undefined;

  constructor(private readonly source: PaperSource) {
    this.subscription = source.onDidChange?.(() => this.refresh());
  }

  refresh(): void {
    this.index = undefined;
    this.indexing = undefined;
    this.changed.fire(undefined);
  }

  /**
   * Extracts every paper's claims in chunks (yielding between them, so the Papers tree and the editor stay
   * responsive on a large library) and indexes them; VS Code shows the view as busy meanwhile.
   */
  private async buildIndex(): Promise<ClaimIndex> {
    const papers = this.source.papers();
    const entries: PaperClaims[] = [];
    for (let i = 0; i < papers.length; i++) {
      const paper = papers[i]!;
      // The view shows what a person reads: titles and claims in their clean reading text ("5×", not "5times").
      entries.push({ key: paper.key, title: displayText(paper.title), year: paper.year, claims: displayClaims(paper.abstract, this.source.claims(paper)) });
      if ((i + 1) % 250 === 0) await yieldToEventLoop();
    }
    return buildClaimIndex(entries);
  }

  /** The index once built; tree items are only asked for after getChildren resolved, so it exists by then. */
  private claimIndex(): ClaimIndex {
    return this.index ?? buildClaimIndex([]);
  }

  async getChildren(node?: ClaimNode): Promise<ClaimNode[]> {
    if (!this.index) {
      const indexing = (this.indexing ??= this.buildIndex());
      const built = await indexing;
      if (this.indexing !== indexing) return []; // refreshed meanwhile: the new request answers
      this.index = built;
    }
    const index = this.index;
    if (!node) {
      const anyClaim = [...index.byKind.values()].some((claims) => claims.length > 0);
      // An empty tree lets the welcome content explain why there is nothing to list.
      if (!anyClaim) return [];
      return index.benchmarks.length > 0 ? [{ type: 'kinds' }, { type: 'benchmarks' }] : [{ type: 'kinds' }];
    }
    switch (node.type) {
      case 'kinds':
        return [...index.byKind.entries()].filter(([, claims]) => claims.length > 0).map(([kind, claims]) => ({ type: 'kind', kind, claims }));
      case 'benchmarks':
        return index.benchmarks.map((group) => ({ type: 'benchmark', group }));
      case 'benchmark':
        return node.group.papers.map((paper, paperIndex) => ({ type: 'benchmarkPaper', key: paper.key, group: node.group, paperIndex }));
      case 'kind':
        return node.claims.map((ref) => ({ type: 'claim', key: ref.key, ref }));
      default:
        return [];
    }
  }

  getTreeItem(node: ClaimNode): vscode.TreeItem {
    switch (node.type) {
      case 'kinds': {
        const count = [...this.claimIndex().byKind.values()].reduce((sum, claims) => sum + claims.length, 0);
        const item = new vscode.TreeItem('By kind', vscode.TreeItemCollapsibleState.Expanded);
        item.id = 'kinds';
        item.description = `${count} claim${count === 1 ? '' : 's'}`;
        item.iconPath = new vscode.ThemeIcon('symbol-enum');
        item.tooltip = 'Claims by kind; speedups and reductions with the largest factor first.';
        item.contextValue = 'claimSection';
        return item;
      }
      case 'benchmarks': {
        const count = this.claimIndex().benchmarks.length;
        const item = new vscode.TreeItem('By benchmark', vscode.TreeItemCollapsibleState.Expanded);
        item.id = 'benchmarks';
        item.description = `${count} benchmark${count === 1 ? '' : 's'}`;
        item.iconPath = new vscode.ThemeIcon('dashboard');
        item.tooltip = 'Benchmarks named in the claims, with the papers that report on them, most papers first.';
        item.contextValue = 'claimSection';
        return item;
      }
      case 'benchmark': {
        const { group } = node;
        const item = new vscode.TreeItem(inertText(group.name), vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `benchmark/${group.name}`;
        item.description = inertText(`→ ${clip(group.papers.map((paper) => shortTitle(paper.title, 24)).join(', '), 90)}`);
        item.iconPath = claimKindIcon('benchmark');
        item.accessibilityInformation = { label: inertText(`${group.name}: ${group.papers.length} papers: ${group.papers.map((paper) => paper.title).join('; ')}`), role: 'treeitem' };
        item.contextValue = 'benchmark';
        return item;
      }
      case 'benchmarkPaper': {
        const paper = node.group.papers[node.paperIndex]!;
        const item = new vscode.TreeItem(inertText(paper.title), vscode.TreeItemCollapsibleState.None); // the title is already display text (see buildIndex)
        item.id = `benchmark/${node.group.name}/${paper.key}`;
        item.description = inertText([paper.key, paper.year].filter((part) => part !== undefined).join(' · '));
        item.iconPath = new vscode.ThemeIcon('book');
        item.command = { command: 'paperNotes.openPaper', title: 'Open Paper', arguments: [paper.key, paper.claimIndices[0]] };
        item.contextValue = 'paper';
        return item;
      }
      case 'kind': {
        const item = new vscode.TreeItem(
          CLAIM_KIND_LABELS[node.kind],
          EXPANDED_KINDS.has(node.kind) ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
        );
        item.id = `kind/${node.kind}`;
        item.description = `${node.claims.length} claim${node.claims.length === 1 ? '' : 's'}${node.kind === 'speedup' || node.kind === 'reduction' ? ' · largest first' : ''}`;
        item.iconPath = claimKindIcon(node.kind);
        item.contextValue = 'claimKind';
        return item;
      }
      case 'claim': {
        const { ref } = node;
        // A ranked claim leads with its factor and paper ("×60 · Efficiently Modeling…"), so the biggest speedup
        // and who claims it read at a glance in a narrow side bar; the claim's words follow as the description.
        const ranked = ref.factor !== undefined;
        const item = new vscode.TreeItem(
          inertText(ranked ? `${formatFactor(ref.factor!)} · ${shortTitle(ref.title)}` : clip(ref.claim.text, 80)),
          vscode.TreeItemCollapsibleState.None,
        );
        item.id = `claim/${ref.key}/${ref.claimIndex}`;
        item.description = inertText(ranked ? clip(ref.claim.text, 80) : shortTitle(ref.title));
        item.iconPath = claimKindIcon(ref.claim.kind);
        item.command = { command: 'paperNotes.openPaper', title: 'Open Paper at Claim', arguments: [ref.key, ref.claimIndex] };
        item.accessibilityInformation = {
          label: inertText(`${CLAIM_KIND_LABELS[ref.claim.kind]} claim${ref.factor === undefined ? '' : ` ${formatFactor(ref.factor).replace('×', 'times ')}`}: ${ref.claim.text}, in ${ref.title}`),
          role: 'treeitem',
        };
        item.contextValue = 'claim';
        return item;
      }
    }
  }

  /** Tooltips hold corpus text as escaped Markdown; they are built only when about to show. */
  resolveTreeItem(item: vscode.TreeItem, node: ClaimNode): vscode.TreeItem {
    if (item.tooltip !== undefined) return item;
    if (node.type === 'benchmark') {
      const { group } = node;
      const tooltip = new vscode.MarkdownString(undefined, false);
      tooltip.appendMarkdown(`**${escapeMarkdownText(group.name)}**: ${group.papers.length} paper${group.papers.length === 1 ? '' : 's'}\n\n`);
      for (const paper of group.papers) tooltip.appendMarkdown(`- ${escapeMarkdownText(paper.title)}${paper.year ? ` (${paper.year})` : ''}\n`);
      item.tooltip = tooltip;
    } else if (node.type === 'claim') {
      const { ref } = node;
      const tooltip = new vscode.MarkdownString(undefined, false);
      tooltip.appendMarkdown(`**${CLAIM_KIND_LABELS[ref.claim.kind]}** in *${escapeMarkdownText(ref.title)}*\n\n`);
      tooltip.appendMarkdown(`> ${escapeMarkdownText(clip(ref.claim.sentence || ref.claim.text, 600))}\n\n`);
      for (const line of describeClaim(ref.claim).slice(1)) tooltip.appendMarkdown(`${escapeMarkdownText(line)}  \n`);
      item.tooltip = tooltip;
    }
    return item;
  }

  dispose(): void {
    this.subscription?.dispose();
    this.changed.dispose();
  }
}
