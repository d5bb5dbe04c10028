import type { CategoryId, Facet } from './category';
import type { Classifier } from './classifier';

/** A hand-labelled paper: its text and the categories a careful reader files it under (docs/categories-labelling-guide.md). */
export interface GoldPaper {
  readonly title: string;
  readonly abstract: string;
  readonly method: readonly CategoryId[];
  readonly domain: readonly CategoryId[];
  readonly type: CategoryId;
}

/** Counts and scores of one category or of a whole facet (micro-averaged). */
export interface Scores {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** One paper where the classifier and the gold labels differ. */
export interface Disagreement {
  readonly title: string;
  /** Assigned but not in the gold labels. */
  readonly extra: readonly CategoryId[];
  /** In the gold labels but not assigned. */
  readonly missing: readonly CategoryId[];
}

export interface CategoryEvaluation {
  readonly papers: number;
  readonly byCategory: ReadonlyArray<{ readonly id: CategoryId; readonly facet: Facet; readonly scores: Scores }>;
  readonly byFacet: ReadonlyArray<{ readonly facet: Facet; readonly scores: Scores }>;
  readonly disagreements: readonly Disagreement[];
}

/** Precision, recall and F1 from counts; an empty denominator scores 1 (nothing claimed, nothing missed). */
export function scoresOf(tp: number, fp: number, fn: number): Scores {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/**
 * Classifies every gold paper and compares the result with its labels: per category and per facet (micro-averaged
 * over the categories of the facet) precision, recall and F1, and the papers where they disagree.
 */
export function evaluateCategories(classifier: Classifier, gold: readonly GoldPaper[]): CategoryEvaluation {
  const categories = classifier.taxonomy.categories;
  const counts = new Map(categories.map((c) => [c.id, { tp: 0, fp: 0, fn: 0 }]));
  const disagreements: Disagreement[] = [];
  for (const paper of gold) {
    const got = new Set(classifier.classify(paper).map((a) => a.id));
    const want = new Set<CategoryId>([...paper.method, ...paper.domain, paper.type]);
    const extra = categories.map((c) => c.id).filter((id) => got.has(id) && !want.has(id));
    const missing = categories.map((c) => c.id).filter((id) => want.has(id) && !got.has(id));
    for (const { id } of categories) {
      const count = counts.get(id) as { tp: number; fp: number; fn: number };
      if (got.has(id) && want.has(id)) count.tp++;
      else if (got.has(id)) count.fp++;
      else if (want.has(id)) count.fn++;
    }
    if (extra.length > 0 || missing.length > 0) disagreements.push({ title: paper.title, extra, missing });
  }
  const byCategory = categories.map((c) => {
    const { tp, fp, fn } = counts.get(c.id) as { tp: number; fp: number; fn: number };
    return { id: c.id, facet: c.facet, scores: scoresOf(tp, fp, fn) };
  });
  const byFacet = classifier.taxonomy.facets.map(({ id: facet }) => {
    const inFacet = byCategory.filter((c) => c.facet === facet).map((c) => c.scores);
    const sum = (key: 'tp' | 'fp' | 'fn') => inFacet.reduce((total, s) => total + s[key], 0);
    return { facet, scores: scoresOf(sum('tp'), sum('fp'), sum('fn')) };
  });
  return { papers: gold.length, byCategory, byFacet, disagreements };
}
