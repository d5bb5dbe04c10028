import type { Claim, ClaimKind } from '../claims/claim';
import type { Paper } from '../library/paper';

export interface ComparisonContext {
  readonly claimsOf: (paper: Paper) => readonly Claim[];
  readonly citationOf: (paper: Paper) => string;
  readonly categoryLabel: (id: string) => string;
}

export const COMPARISON_COLUMNS = ['Paper', 'Year', 'Method family', 'Headline speedup', 'Headline reduction', 'Benchmarks', 'Code'] as const;

/** Text safe inside a GFM table cell: one line, pipes escaped. */
function cellText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
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
 * (the claims with the largest numbers), benchmarks, and code link. Every filled cell cites its paper, so a row copied
 * elsewhere keeps its sources.
 */
export function comparisonTable(papers: readonly Paper[], context: ComparisonContext): string {
  const header = `| ${COMPARISON_COLUMNS.join(' | ')} |`;
  const rule = `|${COMPARISON_COLUMNS.map(() => ' --- ').join('|')}|`;
  const rows = papers.map((paper) => {
    const citation = context.citationOf(paper);
    const claims = context.claimsOf(paper);
    const families = paper.categories.filter((category) => category.facet === 'method').map((category) => context.categoryLabel(category.id));
    const speedup = headline(claims, 'speedup');
    const reduction = headline(claims, 'reduction');
    const code = paper.codeUrls[0] ?? claims.find((claim) => claim.kind === 'code')?.text.match(/https?:\/\/\S+/)?.[0]?.replace(/[.,;:]+$/, '');
    const cells = [
      `${cellText(paper.title)} ${citation}`,
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
