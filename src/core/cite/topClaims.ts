import type { ClaimKind } from '../claims/claim';
import { extractClaims } from '../claims/extractClaims';
import { displayClaims } from '../text/displayClaims';

/** Which claims say most about a paper in one line: measured gains first, then results, then context. */
const KIND_PRIORITY: readonly ClaimKind[] = ['speedup', 'reduction', 'result', 'complexity', 'comparison', 'scale', 'benchmark', 'code'];

/**
 * The `limit` most telling claims of an abstract, as their clean reading text, in priority order of kind (speedups and
 * reductions first) and then in reading order; each text once.
 */
export function topClaims(abstract: string, limit = 3): string[] {
  const claims = displayClaims(abstract, extractClaims(abstract))
    .map((claim, index) => ({ claim, index }))
    .sort((a, b) => KIND_PRIORITY.indexOf(a.claim.kind) - KIND_PRIORITY.indexOf(b.claim.kind) || a.index - b.index);
  const texts: string[] = [];
  for (const { claim } of claims) {
    const text = claim.text.replace(/\s+/g, ' ').trim();
    if (!texts.includes(text)) texts.push(text);
    if (texts.length >= limit) break;
  }
  return texts;
}
