import type { Claim, ClaimKind } from '../claims/claim';
import type { CitationStyle } from '../cite/citationStyle';
import { formatCitation, missingFootnoteDefinitions } from '../cite/formatCitation';
import type { Paper } from '../library/paper';
import { displayClaims } from '../text/displayClaims';
import { displayText } from '../text/readingText';

export interface ComparisonContext {
  readonly claimsOf: (paper: Paper) => readonly Claim[];
  /** `paperNotes.citation.style`: every cell cites its paper the way Insert Citation would. */
  readonly style: CitationStyle;
  readonly categoryLabel: (id: string) => string;
}

export const COMPARISON_COLUMNS = ['Paper', 'Year', 'Method family', 'Headline speedup', 'Headline reduction', 'Benchmarks', 'Code'] as const;

/** Text safe inside a GFM table cell: one line, pipes escaped. */
function cellText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
}

/**
 * A citation made safe for a cell: one line, and every pipe escaped (GFM splits cells at a bare `|` even inside
 * link text; pipes Markdown-escaped already stay as they are).
 */
function cellCitation(citation: string): string {
  return citation.replace(/\s+/g, ' ').replace(/(?<!\\)\|/g, '\\|');
}

/** The claim of a kind with the largest stated number (the headline), or the first one if none states a number. */
function headline(claims: readonly Claim[], kind: ClaimKind): Claim | undefined {
  let best: Claim | undefined;
  let bestValue = Number.NEGATIVE_INFINITY;
  for (const claim of claims) {
    if (claim.kind !== kind) continue;
    const value = claim.values.length > 0 ? Math.max(...claim.values) : Number.NEGATIVE_INFINITY;
    if (best === undefined || value > bestValue) {
      best = claim;
      bestValue = value;
    }
  }
  return best;
}

function benchmarks(claims: readonly Claim[]): string[] {
  const names: string[] = [];
  for (const claim of claims) {
    if (claim.kind !== 'benchmark') continue;
    const name = cellText(claim.text);
    if (name !== '' && !names.includes(name)) names.push(name);
  }
  return names.slice(0, 4);
}

/** A cell that says something, followed by the citation of the paper it comes from; an empty cell is a dash. */
function cited(text: string | undefined, citation: string): string {
  return text === undefined || text === '' ? '—' : `${text} ${citation}`;
}

/**
 * A GFM table comparing papers, one row per paper: citation, year, method family, headline speedup and reduction
 * (the claims with the largest numbers), benchmarks, and code link. Every filled cell cites its paper in the
 * context's citation style, so a row copied elsewhere keeps its sources. Footnote-style citations need their
 * definitions in the document: see {@link planComparisonTableInsertion}.
 */
export function comparisonTable(papers: readonly Paper[], context: ComparisonContext): string {
  const header = `| ${COMPARISON_COLUMNS.join(' | ')} |`;
  const rule = `|${COMPARISON_COLUMNS.map(() => ' --- ').join('|')}|`;
  const rows = papers.map((paper) => {
    // The row names the paper in its first cell; the other cells cite it briefly (a Markdown link without the title).
    const citation = cellCitation(formatCitation([paper], context.style, { withTitle: false }));
    const titled = context.style === 'markdown-link' ? cellCitation(formatCitation([paper], context.style)) : `${cellText(displayText(paper.title))} ${citation}`;
    const claims = displayClaims(paper.abstract, context.claimsOf(paper));
    const families = paper.categories.filter((category) => category.facet === 'method').map((category) => context.categoryLabel(category.id));
    const speedup = headline(claims, 'speedup');
    const reduction = headline(claims, 'reduction');
    const code = paper.codeUrls[0] ?? claims.find((claim) => claim.kind === 'code')?.text.match(/https?:\/\/\S+/)?.[0]?.replace(/[.,;:]+$/, '');
    const cells = [
      titled,
      cited(paper.year === undefined ? undefined : String(paper.year), citation),
      cited(cellText(families.join(', ')), citation),
      cited(speedup && cellText(speedup.text), citation),
      cited(reduction && cellText(reduction.text), citation),
      cited(cellText(benchmarks(claims).join(', ')), citation),
      cited(code === undefined ? undefined : `[code](${code.replace(/[()\s|]/g, encodeURIComponent)})`, citation),
    ];
    return `| ${cells.join(' | ')} |`;
  });
  return [header, rule, ...rows].join('\n') + '\n';
}

/** What inserting a comparison table does to a document. */
export interface ComparisonTableInsertion {
  /** Replaces the selected range: the table, on lines of its own, followed by a blank line. */
  readonly atRange: string;
  /** Footnote definitions the document lacks (footnote style only), once each, to append at its end; or ''. */
  readonly atEnd: string;
  /** The table alone, as {@link comparisonTable} writes it. */
  readonly table: string;
}

/**
 * Plans inserting a comparison table over `text`'s range [`start`, `end`): the table starts on a line of its own
 * (a blank line first when the line has text before the cursor) and is followed by a blank line, so it parses as a
 * table; in the footnote style the missing definitions are appended once at the end, as Insert Citation does.
 * With `text` '' it is the content of a new document.
 */
export function planComparisonTableInsertion(text: string, start: number, end: number, papers: readonly Paper[], context: ComparisonContext): ComparisonTableInsertion {
  const table = comparisonTable(papers, context);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const atRange = `${text.slice(lineStart, start).trim() !== '' ? '\n\n' : ''}${table}${text === '' ? '' : '\n'}`;
  const after = text.slice(0, start) + atRange + text.slice(end);
  return { atRange, atEnd: context.style === 'footnote' ? missingFootnoteDefinitions(after, papers) : '', table };
}
