/** Claim kinds shared by core, CLI, webview and tests. */
export const CLAIM_KINDS = [
  'speedup',
  'reduction',
  'result',
  'complexity',
  'scale',
  'benchmark',
  'code',
  'comparison',
] as const;

export type ClaimKind = (typeof CLAIM_KINDS)[number];

/** One claim found in an abstract. `abstract.slice(start, end) === text` (UTF-16 offsets). */
export interface Claim {
  readonly kind: ClaimKind;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Numbers stated in the claim, in order ("10-20x" -> [10, 20]). */
  readonly values: readonly number[];
  /** `x`, `%`, `params`, `tokens`, `points`, ... */
  readonly unit?: string;
  /** "up to", "about", "~", "over", ... */
  readonly qualifier?: string;
  /** What is measured: "throughput", "parameters", "FLOPs", "perplexity", ... */
  readonly measure?: string;
  /** "than Transformers", "over FlashAttention-2", ... */
  readonly baseline?: string;
  /** The sentence the claim came from. */
  readonly sentence: string;
  /** Id of the rule that produced the claim, so a wrong highlight traces to one entry. */
  readonly ruleId: string;
  /** How often the abstract makes this same claim (same kind and text), when more than once; this is the first. */
  readonly occurrences?: number;
  /** Where the first repeats start (at most 20 are listed); each spans `text.length` characters. */
  readonly repeatedAt?: readonly number[];
}

/** The claim's span and those of its listed repeats. */
export function claimSpans(claim: Claim): { start: number; end: number }[] {
  return [{ start: claim.start, end: claim.end }, ...(claim.repeatedAt ?? []).map((start) => ({ start, end: start + claim.text.length }))];
}
