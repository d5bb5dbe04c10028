import type { CategoryAssignment } from './category';
import type { ClassifiableText, Classifier, TaxonomyData } from './classifier';

/**
 * Categories worked out ahead of time for known papers, found by exact title and abstract. The build writes one for
 * the embedded corpus, so the extension's first tree needs no classifier: a cold classifier (interpreted, not yet
 * optimised) takes tens of milliseconds for the 53 papers. Papers whose text differs are classified as usual.
 */
export interface CategorySnapshot {
  readonly papers: ReadonlyArray<{ readonly title: string; readonly abstract: string; readonly categories: readonly CategoryAssignment[] }>;
}

/** The snapshot of these papers' categories under `classifier`. */
export function takeCategorySnapshot(papers: readonly ClassifiableText[], classifier: Classifier): CategorySnapshot {
  return { papers: papers.map(({ title, abstract }) => ({ title, abstract, categories: classifier.classify({ title, abstract }) })) };
}

/**
 * A classifier that answers the snapshot's papers from the snapshot and everything else with the classifier that
 * `createClassifier` makes, created on the first paper the snapshot does not know.
 */
export function snapshotClassifier(snapshot: CategorySnapshot, taxonomy: TaxonomyData, createClassifier: () => Classifier): Classifier {
  const known = new Map<string, Map<string, readonly CategoryAssignment[]>>();
  for (const { title, abstract, categories } of snapshot.papers) {
    let byTitle = known.get(abstract);
    if (byTitle === undefined) {
      byTitle = new Map();
      known.set(abstract, byTitle);
    }
    byTitle.set(title, categories);
  }
  let fallback: Classifier | undefined;
  const labels = new Map(taxonomy.categories.map((category) => [category.id, category.label]));
  return {
    taxonomy,
    label: (id) => labels.get(id) ?? id,
    classify(paper) {
      const categories = known.get(paper.abstract)?.get(paper.title);
      if (categories !== undefined) return categories.map((category) => ({ ...category, evidence: [...category.evidence] }));
      fallback ??= createClassifier();
      return fallback.classify(paper);
    },
  };
}

/** Whether parsed JSON has the shape of a CategorySnapshot (a file written by an older or broken build may not). */
export function isCategorySnapshot(value: unknown): value is CategorySnapshot {
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { papers?: unknown }).papers)) return false;
  return (value as { papers: unknown[] }).papers.every((paper) => {
    const { title, abstract, categories } = (paper ?? {}) as Record<string, unknown>;
    return typeof title === 'string' && typeof abstract === 'string' && Array.isArray(categories)
      && categories.every((category) => typeof category === 'object' && category !== null && typeof category.id === 'string'
        && typeof category.facet === 'string' && typeof category.score === 'number' && Array.isArray(category.evidence));
  });
}
