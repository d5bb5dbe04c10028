import type { Paper } from '../library/paper';
import type { Claim, ClaimKind } from '../claims/claim';
import type { CategoryId } from '../categories/category';
import { claimFactor } from '../claims/claimIndex';
import { citedInSentence } from './citedIn';
import { CLAIM_KIND_LABELS, formatClaimValue } from './claimDescription';
import { FACET_LABELS, humanizeCategoryId } from './categoryText';
import { escapeMarkdownText } from './markdownText';
import { displayClaims } from '../text/displayClaims';
import { displayText } from '../text/readingText';

const KIND_PRIORITY: readonly ClaimKind[] = ['speedup', 'reduction', 'result', 'complexity', 'scale', 'benchmark', 'comparison', 'code'];

/**
 * The claims worth showing first: speedups and reductions with the largest factor, then results, complexity,
 * scale, benchmarks, comparisons and code; ties keep abstract order.
 */
export function topClaims(claims: readonly Claim[], count = 3): Claim[] {
  return claims
    .map((claim, index) => ({ claim, index, factor: claimFactor(claim) ?? 0, rank: KIND_PRIORITY.indexOf(claim.kind) }))
    .sort((a, b) => a.rank - b.rank || b.factor - a.factor || a.index - b.index)
    .slice(0, count)
    .map((entry) => entry.claim);
}

function shortText(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** What the tooltip knows beyond the paper itself. */
export interface PaperTooltipExtras {
  /** How many workspace notes cite the paper; no line when unknown. */
  readonly citedIn?: number;
}

/**
 * A paper's tooltip in Markdown: title, authors, venue and year, categories by facet, how many notes cite it, and
 * its top claims. Every corpus string is escaped, so the Markdown can be shown untrusted and without HTML.
 */
export function paperTooltipMarkdown(
  paper: Paper,
  claims: readonly Claim[],
  categoryLabel: (id: CategoryId) => string = humanizeCategoryId,
  extras: PaperTooltipExtras = {},
): string {
  const lines: string[] = [`**${escapeMarkdownText(shortText(displayText(paper.title), 300))}**`, ''];
  const authors = paper.authors.length > 8 ? [...paper.authors.slice(0, 8), `et al. (${paper.authors.length} authors)`] : paper.authors;
  lines.push(authors.length > 0 ? escapeMarkdownText(shortText(authors.join(', '), 400)) : '*Unknown authors*', '');
  const where = [paper.venue ? escapeMarkdownText(shortText(paper.venue, 120)) : 'No venue', paper.year === undefined ? 'year unknown' : String(paper.year)];
  lines.push(`${where.join(' · ')} · \`${paper.key.replace(/`/g, "'")}\``, '');
  for (const facet of ['method', 'domain', 'type'] as const) {
    const names = paper.categories.filter((assignment) => assignment.facet === facet).map((assignment) => escapeMarkdownText(categoryLabel(assignment.id)));
    if (names.length > 0) lines.push(`${FACET_LABELS[facet]}: ${names.join(', ')}  `);
  }
  if (extras.citedIn !== undefined) lines.push('', citedInSentence(extras.citedIn));
  const top = topClaims(displayClaims(paper.abstract, claims));
  if (top.length > 0) {
    lines.push('', `Top claims (${claims.length} in all):`, '');
    for (const claim of top) {
      const value = formatClaimValue(claim);
      lines.push(`- *${CLAIM_KIND_LABELS[claim.kind]}*: ${escapeMarkdownText(shortText(claim.text, 140))}${value ? ` (${escapeMarkdownText(value)})` : ''}`);
    }
  } else {
    lines.push('', '*No claims extracted.*');
  }
  return lines.join('\n');
}
