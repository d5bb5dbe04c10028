import { terms as tokens } from '../library/normalize';
import type { CategoryAssignment, CategoryEvidence, CategoryId, Facet } from './category';
import taxonomyData from './taxonomy.json';
import { WordTable } from './wordTable';

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
  readonly id: number;
  /** Word ids in the classifier's word table. */
  readonly tokens: readonly number[];
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
  const table = new WordTable();
  const entries: LexiconEntry[] = [];
  const byFirstToken: LexiconEntry[][] = [];
  const byPhrase = new Map<string, LexiconEntry>();
  taxonomy.categories.forEach((category, index) => {
    for (const [term, weight] of Object.entries(category.terms)) {
      const phrase = tokens(term);
      if (phrase.length === 0) continue;
      const key = phrase.join(' ');
      let entry = byPhrase.get(key);
      if (entry === undefined) {
        entry = { id: entries.length, tokens: phrase.map((word) => table.add(word)), targets: [] };
        entries.push(entry);
        byPhrase.set(key, entry);
        (byFirstToken[entry.tokens[0]] ??= []).push(entry);
      }
      entry.targets.push({ category: index, term, weight });
    }
  });
  for (const list of byFirstToken) list?.sort((a, b) => b.tokens.length - a.tokens.length);

  const labels = new Map(taxonomy.categories.map((c) => [c.id, c.label]));

  // Scratch space reused across calls: classification runs once per paper and must not allocate per word.
  const counts = new Int32Array(entries.length);
  const touched: number[] = [];
  const seq: number[] = [];

  /** Counts lexicon entries in one field into `counts`, listing each entry seen in `touched`. */
  function match(text: string): void {
    seq.length = 0;
    table.scan(text, seq);
    let i = 0;
    while (i < seq.length) {
      const candidates = seq[i] < 0 ? undefined : byFirstToken[seq[i]];
      let found: LexiconEntry | undefined;
      if (candidates !== undefined) {
        for (const entry of candidates) {
          let k = 1;
          while (k < entry.tokens.length && seq[i + k] === entry.tokens[k]) k++;
          if (k === entry.tokens.length) {
            found = entry;
            break;
          }
        }
      }
      if (found === undefined) {
        i++;
        continue;
      }
      if (counts[found.id] === 0) touched.push(found.id);
      counts[found.id]++;
      i += found.tokens.length;
    }
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
        match(text);
        for (const id of touched) {
          const count = counts[id];
          counts[id] = 0;
          for (const target of entries[id].targets) {
            evidence[target.category].push({ term: target.term, field, count, weight: target.weight });
            scores[target.category] += target.weight * boost * Math.min(count, taxonomy.maxCountPerTerm);
          }
        }
        touched.length = 0;
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
