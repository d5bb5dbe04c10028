import { CLAIM_KINDS, type ClaimKind } from './claim';

/** A labelled claim: its kind and its verbatim text; `occurrence` picks a later mention of a repeated string. */
export interface GoldClaim {
  readonly kind: ClaimKind;
  readonly text: string;
  readonly occurrence?: number;
}

/** A span of one kind in one abstract. */
export interface KindSpan {
  readonly kind: ClaimKind;
  readonly start: number;
  readonly end: number;
}

export interface KindScore {
  readonly kind: ClaimKind;
  readonly predicted: number;
  readonly gold: number;
  /** Predictions that overlap a gold claim of the same kind. */
  readonly correctPredictions: number;
  /** Gold claims overlapped by a prediction of the same kind. */
  readonly foundGold: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** Where a gold claim sits in its abstract; undefined when the text is not there (a labelling error). */
export function locateGold(abstract: string, gold: GoldClaim): KindSpan | undefined {
  let from = 0;
  let index = -1;
  for (let n = 0; n < (gold.occurrence ?? 1); n++) {
    index = abstract.indexOf(gold.text, from);
    if (index < 0) return undefined;
    from = index + 1;
  }
  return { kind: gold.kind, start: index, end: index + gold.text.length };
}

const overlaps = (a: KindSpan, b: KindSpan): boolean => a.kind === b.kind && a.start < b.end && b.start < a.end;

/**
 * Precision, recall and F1 per kind over many abstracts. A prediction counts as correct when it overlaps a gold claim
 * of the same kind; a gold claim counts as found when a prediction of its kind overlaps it. An empty denominator
 * scores 1 (nothing claimed, nothing wrong; nothing to find, nothing missed).
 */
export function scoreClaims(papers: readonly { gold: readonly KindSpan[]; predicted: readonly KindSpan[] }[]): KindScore[] {
  return CLAIM_KINDS.map((kind) => {
    let predicted = 0;
    let gold = 0;
    let correctPredictions = 0;
    let foundGold = 0;
    for (const paper of papers) {
      const g = paper.gold.filter((s) => s.kind === kind);
      const p = paper.predicted.filter((s) => s.kind === kind);
      predicted += p.length;
      gold += g.length;
      correctPredictions += p.filter((s) => g.some((t) => overlaps(s, t))).length;
      foundGold += g.filter((t) => p.some((s) => overlaps(s, t))).length;
    }
    const precision = predicted === 0 ? 1 : correctPredictions / predicted;
    const recall = gold === 0 ? 1 : foundGold / gold;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { kind, predicted, gold, correctPredictions, foundGold, precision, recall, f1 };
  });
}
