import type { Claim, ClaimKind } from '../../../src/core/claims/claim';
import type { Paper } from '../../../src/core/library/paper';

/** A claim over `abstract.slice(start, end)`, with the fields a test does not care about filled plainly. */
export function claimAt(abstract: string, start: number, end: number, kind: ClaimKind, extra: Partial<Claim> = {}): Claim {
  return { kind, start, end, text: abstract.slice(start, end), values: [], sentence: abstract, ruleId: `${kind}.test`, ...extra };
}

/** A claim over the first occurrence of `text` in `abstract`. */
export function claimOn(abstract: string, text: string, kind: ClaimKind, extra: Partial<Claim> = {}): Claim {
  const start = abstract.indexOf(text);
  if (start < 0) throw new Error(`fixture text not in abstract: ${text}`);
  return claimAt(abstract, start, start + text.length, kind, extra);
}

export function paperWith(fields: Partial<Paper> & Pick<Paper, 'key' | 'title' | 'abstract'>): Paper {
  return { authors: [], codeUrls: [], categories: [], source: { file: 'test.txt', line: 1 }, ...fields };
}
