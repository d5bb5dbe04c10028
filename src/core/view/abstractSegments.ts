import type { Claim } from '../claims/claim';

/** A run of abstract text covered by the same set of claims. */
export interface AbstractSegment {
  /** UTF-16 offsets into the abstract, like Claim.start/end. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Indices into the claims array that cover this run, innermost (shortest) first; empty for plain text. */
  readonly claims: readonly number[];
  /** Claims that begin at this run (the run a keyboard user lands on for that claim). */
  readonly anchors: readonly number[];
}

export interface SegmentedAbstract {
  readonly segments: readonly AbstractSegment[];
  /** Claims whose offsets do not fit the abstract; they are listed but not highlighted. */
  readonly unplaced: readonly number[];
}

function fits(claim: Claim, length: number): boolean {
  return (
    Number.isInteger(claim.start) && Number.isInteger(claim.end) && claim.start >= 0 && claim.end <= length && claim.start < claim.end
  );
}

/**
 * Splits an abstract at every claim boundary so overlapping claims never need crossing tags: each segment lists
 * the claims covering it, innermost first (shortest, then latest start, then lowest index), which makes the
 * result deterministic whatever order the claims arrive in. Claims with offsets outside the abstract are
 * reported in `unplaced` rather than thrown on.
 */
export function segmentAbstract(abstract: string, claims: readonly Claim[]): SegmentedAbstract {
  const placed: number[] = [];
  const unplaced: number[] = [];
  claims.forEach((claim, index) => (fits(claim, abstract.length) ? placed : unplaced).push(index));

  const boundaries = new Set<number>([0, abstract.length]);
  for (const index of placed) {
    boundaries.add(claims[index]!.start);
    boundaries.add(claims[index]!.end);
  }
  const points = [...boundaries].sort((a, b) => a - b);

  const innermostFirst = (a: number, b: number): number => {
    const ca = claims[a]!;
    const cb = claims[b]!;
    return ca.end - ca.start - (cb.end - cb.start) || cb.start - ca.start || a - b;
  };

  // Sweep left to right keeping the open claims, so a long abstract with many claims stays linear-ish.
  const byStart = [...placed].sort((a, b) => claims[a]!.start - claims[b]!.start || a - b);
  let next = 0;
  let open: number[] = [];
  const segments: AbstractSegment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    open = open.filter((index) => claims[index]!.end > start);
    const anchors: number[] = [];
    while (next < byStart.length && claims[byStart[next]!]!.start === start) {
      open.push(byStart[next]!);
      anchors.push(byStart[next]!);
      next++;
    }
    segments.push({
      start,
      end,
      text: abstract.slice(start, end),
      claims: [...open].sort(innermostFirst),
      anchors: anchors.sort((a, b) => a - b),
    });
  }
  return { segments, unplaced };
}
