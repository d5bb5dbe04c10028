import { terms as tokens } from '../library/normalize';
import type { CategoryAssignment, CategoryEvidence, CategoryId, Facet } from './category';
import taxonomyData from './taxonomy.json';

/** The taxonomy as stored in `taxonomy.json`: terms with weights per category, and how each facet chooses. */
export interface TaxonomyData {
  readonly titleBoost: number;
  readonly maxCountPerTerm: number;
  readonly defaultThreshold: number;
  readonly facets: ReadonlyArray<{
    readonly id: Facet;
    readonly label: string;
    readonly choose: 'all' | 'first';
    /** Assigned when no category of the facet reaches its threshold; its evidence is whatever of its terms matched. */
    readonly fallback?: CategoryId;
  }>;
  readonly categories: ReadonlyArray<{
    readonly id: CategoryId;
    readonly facet: Facet;
    readonly label: string;
    readonly threshold?: number;
    readonly terms: Readonly<Record<string, number>>;
  }>;
}

/** The taxonomy shipped in `taxonomy.json`. */
export const DEFAULT_TAXONOMY = taxonomyData as unknown as TaxonomyData;

/** What a classifier needs of a paper. */
export interface ClassifiableText {
  readonly title: string;
  readonly abstract: string;
}

interface TermTarget {
  readonly category: number;
  readonly term: string;
  readonly weight: number;
}

/** One phrase of the lexicon: its folded tokens and every category it counts for. */
interface LexiconEntry {
  readonly tokens: readonly string[];
  readonly targets: TermTarget[];
}

export interface Classifier {
  readonly taxonomy: TaxonomyData;
  /** Label of a category id, e.g. `state-space-models` → "State space models". */
  label(id: CategoryId): string;
  /** The categories of a paper, each with the matched terms as evidence; facets in taxonomy order. */
  classify(paper: ClassifiableText): CategoryAssignment[];
}

/**
 * Builds a classifier from taxonomy data. Matching is one pass over the words of the title and of the abstract:
 * at each word the longest lexicon phrase that matches is taken, so "linear RNN" counts for linear RNNs and not also
 * for plain RNNs. Linear in the length of the text, whatever the size of the taxonomy.
 */
export function createClassifier(taxonomy: TaxonomyData = DEFAULT_TAXONOMY): Classifier {
  const byFirstToken = new Map<string, LexiconEntry[]>();
  const byPhrase = new Map<string, LexiconEntry>();
  taxonomy.categories.forEach((category, index) => {
    for (const [term, weight] of Object.entries(category.terms)) {
      const phrase = tokens(term);
      if (phrase.length === 0) continue;
      const key = phrase.join(' ');
      let entry = byPhrase.get(key);
      if (entry === undefined) {
        entry = { tokens: phrase, targets: [] };
        byPhrase.set(key, entry);
        const list = byFirstToken.get(phrase[0]) ?? [];
        list.push(entry);
        byFirstToken.set(phrase[0], list);
      }
      entry.targets.push({ category: index, term, weight });
    }
  });
  for (const list of byFirstToken.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);

  const labels = new Map(taxonomy.categories.map((c) => [c.id, c.label]));

  /** Counts of each lexicon target in one field. */
  function match(text: string): Map<TermTarget, number> {
    const counts = new Map<TermTarget, number>();
    const seq = tokens(text);
    let i = 0;
    while (i < seq.length) {
      const candidates = byFirstToken.get(seq[i]);
      const found = candidates?.find((entry) => entry.tokens.every((token, k) => seq[i + k] === token));
      if (found === undefined) {
        i++;
        continue;
      }
      for (const target of found.targets) counts.set(target, (counts.get(target) ?? 0) + 1);
      i += found.tokens.length;
    }
    return counts;
  }

  return {
    taxonomy,
    label: (id) => labels.get(id) ?? id,
    classify(paper) {
      const evidence: CategoryEvidence[][] = taxonomy.categories.map(() => []);
      const scores = new Array<number>(taxonomy.categories.length).fill(0);
      const fields: Array<['title' | 'abstract', string, number]> = [
        ['title', paper.title, taxonomy.titleBoost],
        ['abstract', paper.abstract, 1],
      ];
      for (const [field, text, boost] of fields) {
        for (const [target, count] of match(text)) {
          evidence[target.category].push({ term: target.term, field, count, weight: target.weight });
          scores[target.category] += target.weight * boost * Math.min(count, taxonomy.maxCountPerTerm);
        }
      }
      const contribution = (e: CategoryEvidence) =>
        e.weight * Math.min(e.count, taxonomy.maxCountPerTerm) * (e.field === 'title' ? taxonomy.titleBoost : 1);
      const assignments: CategoryAssignment[] = [];
      const assign = (index: number) => assignments.push({
        facet: taxonomy.categories[index].facet,
        id: taxonomy.categories[index].id,
        score: scores[index],
        evidence: evidence[index].sort((a, b) => contribution(b) - contribution(a)),
      });
      for (const facet of taxonomy.facets) {
        const before = assignments.length;
        for (let index = 0; index < taxonomy.categories.length; index++) {
          const category = taxonomy.categories[index];
          if (category.facet !== facet.id) continue;
          if (scores[index] < (category.threshold ?? taxonomy.defaultThreshold)) continue;
          assign(index);
          if (facet.choose === 'first') break;
        }
        if (assignments.length === before && facet.fallback !== undefined) {
          const index = taxonomy.categories.findIndex((c) => c.id === facet.fallback);
          if (index >= 0) assign(index);
        }
      }
      return assignments;
    },
  };
}
