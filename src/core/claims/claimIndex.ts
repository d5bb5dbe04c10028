import type { Claim, ClaimKind } from './claim';
import { CLAIM_KINDS } from './claim';
import { findBenchmarks } from './gazetteerMatcher';

/** One paper's claims, as the index needs them. */
export interface PaperClaims {
  readonly key: string;
  readonly title: string;
  readonly year?: number;
  readonly claims: readonly Claim[];
}

/** A claim and the paper it belongs to. `claimIndex` points into that paper's claims. */
export interface ClaimRef {
  readonly key: string;
  readonly title: string;
  readonly claimIndex: number;
  readonly claim: Claim;
  /** For speedups and reductions with a number: how many times faster or smaller (see claimFactor). */
  readonly factor?: number;
}

export interface BenchmarkPaper {
  readonly key: string;
  readonly title: string;
  readonly year?: number;
  /** Claims of this paper that name the benchmark. */
  readonly claimIndices: readonly number[];
}

export interface BenchmarkGroup {
  readonly name: string;
  readonly papers: readonly BenchmarkPaper[];
}

export interface ClaimIndex {
  /** Every kind, in CLAIM_KINDS order; speedups and reductions are sorted by factor, largest first. */
  readonly byKind: ReadonlyMap<ClaimKind, readonly ClaimRef[]>;
  /** Benchmarks with the papers that report on them, most papers first, then by name. */
  readonly benchmarks: readonly BenchmarkGroup[];
}

/**
 * The benchmark a benchmark claim names, as one display name: the extractor's canonical name (its `measure`, from
 * the gazetteer, so "LRA" and "long-range arena" both read "Long Range Arena"), else the gazetteer's name for the
 * claim text, else the text itself.
 */
export function benchmarkName(claim: Claim): string | undefined {
  const name = claim.measure?.trim() || findBenchmarks(claim.text)[0]?.canonical || claim.text.replace(/\s+/g, ' ').trim();
  return name === '' ? undefined : name;
}

/** A reduction stated as a share is capped so "100% fewer" does not become an infinite factor. */
const MAX_FACTOR = 1e6;

/**
 * How many times faster (speedup) or smaller (reduction) a claim says, from its values and unit, or undefined when
 * it states no usable number. "10-20x" counts as 20 (the largest stated), "3x" as 3, "40% faster" as 1.4,
 * "reduces memory by 75%" as 4 (1 / (1 - 0.75)), so percentages and multiples sort on one scale; two plain numbers
 * ("from 533 to 2364 FPS") give their ratio.
 */
export function claimFactor(claim: Claim): number | undefined {
  if (claim.kind !== 'speedup' && claim.kind !== 'reduction') return undefined;
  const finite = claim.values.filter((value) => Number.isFinite(value) && value > 0);
  if (finite.length === 0) return undefined;
  const largest = Math.max(...finite);
  const unit = claim.unit?.toLowerCase();
  if (unit === '%' || unit === 'percent') {
    if (claim.kind === 'speedup') return 1 + largest / 100;
    return largest >= 100 ? MAX_FACTOR : 1 / (1 - largest / 100);
  }
  if (unit === 'x' || unit === '×' || unit === 'times') return Math.min(largest, MAX_FACTOR);
  // No unit: "boosts FPS from 533 to 2364" states two measurements, and the factor is their ratio.
  if (unit === undefined && finite.length === 2) return Math.min(largest / Math.min(...finite), MAX_FACTOR);
  return undefined;
}

function byFactorThenPaper(a: ClaimRef, b: ClaimRef): number {
  const fa = a.factor ?? -1;
  const fb = b.factor ?? -1;
  return fb - fa || a.key.localeCompare(b.key) || a.claimIndex - b.claimIndex;
}

/**
 * Groups a library's claims for the Claims view: by kind (speedups and reductions ordered by factor, largest first;
 * claims without a number last) and by benchmark ("Long Range Arena" -> the papers whose claims name it).
 * Benchmark names come from the benchmark claims (see benchmarkName).
 */
export function buildClaimIndex(papers: readonly PaperClaims[]): ClaimIndex {
  const byKind = new Map<ClaimKind, ClaimRef[]>(CLAIM_KINDS.map((kind) => [kind, []]));
  const benchmarks = new Map<string, Map<string, { paper: PaperClaims; indices: number[] }>>();

  for (const paper of papers) {
    paper.claims.forEach((claim, claimIndex) => {
      const factor = claimFactor(claim);
      const ref: ClaimRef = factor === undefined
        ? { key: paper.key, title: paper.title, claimIndex, claim }
        : { key: paper.key, title: paper.title, claimIndex, claim, factor };
      let list = byKind.get(claim.kind);
      if (!list) byKind.set(claim.kind, (list = []));
      list.push(ref);

      const name = claim.kind === 'benchmark' ? benchmarkName(claim) : undefined;
      const names = name === undefined ? [] : [name];
      for (const name of names) {
        let group = benchmarks.get(name);
        if (!group) benchmarks.set(name, (group = new Map()));
        let entry = group.get(paper.key);
        if (!entry) group.set(paper.key, (entry = { paper, indices: [] }));
        if (!entry.indices.includes(claimIndex)) entry.indices.push(claimIndex);
      }
    });
  }

  for (const kind of ['speedup', 'reduction'] as const) byKind.get(kind)!.sort(byFactorThenPaper);

  const groups: BenchmarkGroup[] = [...benchmarks.entries()].map(([name, group]) => ({
    name,
    papers: [...group.values()]
      .map(({ paper, indices }) => {
        const entry: BenchmarkPaper = { key: paper.key, title: paper.title, claimIndices: indices };
        return paper.year === undefined ? entry : { ...entry, year: paper.year };
      })
      .sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || a.title.localeCompare(b.title)),
  }));
  groups.sort((a, b) => b.papers.length - a.papers.length || a.name.localeCompare(b.name));
  return { byKind, benchmarks: groups };
}
