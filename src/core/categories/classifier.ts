import { terms as tokens } from '../library/normalize';
import type { CategoryAssignment, CategoryEvidence, CategoryId, Facet } from './category';
import taxonomyData from './taxonomy.json';
import { Mark, WordTable } from './wordTable';

/** The taxonomy as stored in `taxonomy.json`: terms with weights per category, and how each facet chooses. */
export interface TaxonomyData {
  readonly titleBoost: number;
  readonly maxCountPerTerm: number;
  readonly defaultThreshold: number;
  /** Multiplier for a term in a sentence that speaks of the paper's own work ("we propose", "our", its model name). */
  readonly ownSentenceBoost: number;
  /** The category that marks a survey; a survey is read with every context counting fully. */
  readonly surveyCategory?: CategoryId;
  /**
   * Phrases that mark a sentence as the paper's own work, phrases that open a list of examples or a contrast with other
   * work (up to the end of the clause, or the comma when the sentence opens with it), and words that negate the term
   * just before them ("RNN-free").
   */
  readonly contexts: {
    readonly own: readonly string[];
    readonly example: readonly string[];
    readonly contrast: readonly string[];
    readonly negatingSuffixes: readonly string[];
  };
  readonly facets: ReadonlyArray<{
    readonly id: Facet;
    readonly label: string;
    readonly choose: 'all' | 'first';
    /** Assigned when no category of the facet reaches its threshold. */
    readonly fallback?: CategoryId;
    /** The fallback's explanation, shown as its evidence. */
    readonly fallbackReason?: string;
    /** Multipliers for a term in a span of examples, a contrast, and a background sentence (see Sentence, Span); 1 when unset. */
    readonly weights?: ContextWeights;
    /** The same when the paper is a survey, whose examples and background are its subject; 1 when unset. */
    readonly surveyWeights?: ContextWeights;
    /**
     * A category must also score at least this fraction of the facet's best score, unless its title terms alone reach
     * `defaultThreshold`; 0 when unset.
     */
    readonly relativeThreshold?: number;
    /** At most this many categories of the facet, the best-scoring ones; unlimited when unset. */
    readonly maxCategories?: number;
  }>;
  readonly categories: ReadonlyArray<{
    readonly id: CategoryId;
    readonly facet: Facet;
    readonly label: string;
    readonly threshold?: number;
    readonly terms: Readonly<Record<string, number>>;
  }>;
}

/** How much a mention counts in each context, relative to a plain sentence (1) and an own-work sentence (ownSentenceBoost). */
export interface ContextWeights {
  readonly example?: number;
  readonly contrast?: number;
  readonly background?: number;
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

const enum Cue {
  None = 0,
  Own = 1,
  Example = 2,
  Contrast = 3,
}

/**
 * Where a mention stands: the kind of its sentence (plain; own work; background, i.e. plain and before the first
 * own-work sentence) and the span it sits in (none; a list of examples after "such as"; a contrast after "than",
 * "outperforms", "unlike"). Index = sentence kind x 3 + span; a mention's multiplier is the product of the two factors.
 */
const enum Sentence {
  Plain = 0,
  Own = 3,
  Background = 6,
}
const enum Span {
  None = 0,
  Example = 1,
  Contrast = 2,
}
const CONTEXTS = 9;

/** One phrase of the lexicon: its folded tokens, every category it counts for, and whether it is a context cue. */
interface LexiconEntry {
  readonly id: number;
  /** Word ids in the classifier's word table. */
  readonly tokens: readonly number[];
  readonly targets: TermTarget[];
  cue: Cue;
}

export interface Classifier {
  readonly taxonomy: TaxonomyData;
  /** Label of a category id, e.g. `state-space-models` → "State space models". */
  label(id: CategoryId): string;
  /** The categories of a paper, each with the matched terms as evidence; facets in taxonomy order. */
  classify(paper: ClassifiableText): CategoryAssignment[];
}

/**
 * The paper's own model name when its title starts with one ("Mamba: Linear-Time …" → "mamba"): sentences that name
 * it speak of the paper's own work. Only a single word before the colon counts; "Best of Both Worlds:" names nothing.
 */
export function ownModelName(title: string): string | undefined {
  const colon = title.indexOf(':');
  if (colon <= 0) return undefined;
  const head = title.slice(0, colon).trim();
  if (/\s/.test(head)) return undefined;
  const words = tokens(head);
  return words.length > 0 && words[0].length > 1 ? words[0] : undefined;
}

/**
 * Builds a classifier from taxonomy data. Matching is one pass over the words of the title and of the abstract:
 * at each word the longest lexicon phrase that matches is taken, so "linear RNN" counts for linear RNNs and not also
 * for plain RNNs. Each abstract sentence is read in context: a term after a comparison cue ("outperforms", "than",
 * "such as", "unlike") up to the end of its clause is a mention of someone else's method and counts for a facet only
 * with that facet's `comparisonWeight`; a sentence with an own-work cue ("we propose", "our", the model name of the
 * title) counts `ownSentenceBoost` times; the title counts `titleBoost` times. A facet then keeps the categories that
 * reach their threshold and a fraction of the facet's best score, the best few of them.
 * Linear in the length of the text, whatever the size of the taxonomy.
 */
export function createClassifier(taxonomy: TaxonomyData = DEFAULT_TAXONOMY): Classifier {
  const table = new WordTable();
  const entries: LexiconEntry[] = [];
  const byFirstToken: LexiconEntry[][] = [];
  const byPhrase = new Map<string, LexiconEntry>();
  const entryOf = (phrase: readonly string[]): LexiconEntry => {
    const key = phrase.join(' ');
    let entry = byPhrase.get(key);
    if (entry === undefined) {
      entry = { id: entries.length, tokens: phrase.map((word) => table.add(word)), targets: [], cue: Cue.None };
      entries.push(entry);
      byPhrase.set(key, entry);
      (byFirstToken[entry.tokens[0]] ??= []).push(entry);
    }
    return entry;
  };
  taxonomy.categories.forEach((category, index) => {
    for (const [term, weight] of Object.entries(category.terms)) {
      const phrase = tokens(term);
      if (phrase.length > 0) entryOf(phrase).targets.push({ category: index, term, weight });
    }
  });
  const cues = [[Cue.Own, taxonomy.contexts.own], [Cue.Example, taxonomy.contexts.example], [Cue.Contrast, taxonomy.contexts.contrast]] as const;
  for (const [cue, phrases] of cues) {
    for (const text of phrases) {
      const phrase = tokens(text);
      if (phrase.length > 0) entryOf(phrase).cue = cue;
    }
  }
  for (const list of byFirstToken) list?.sort((a, b) => b.tokens.length - a.tokens.length);
  const negating = new Set(taxonomy.contexts.negatingSuffixes.flatMap((word) => tokens(word)).map((word) => table.add(word)));

  const labels = new Map(taxonomy.categories.map((c) => [c.id, c.label]));
  const facetOf = new Map(taxonomy.facets.map((f) => [f.id, f]));
  /** Per category, the multiplier of a mention in each context, when read as a method paper and as a survey. */
  const weightsOf = (weights: ContextWeights = {}): readonly number[] => {
    const sentence = [1, taxonomy.ownSentenceBoost, weights.background ?? 1];
    const span = [1, weights.example ?? 1, weights.contrast ?? 1];
    return Array.from({ length: CONTEXTS }, (_, context) => sentence[Math.floor(context / 3)] * span[context % 3]);
  };
  const methodWeights = taxonomy.categories.map((c) => weightsOf(facetOf.get(c.facet)?.weights));
  const surveyWeights = taxonomy.categories.map((c) => weightsOf(facetOf.get(c.facet)?.surveyWeights));
  /** Contexts strongest first, those that count at all: a term's capped mentions come from the strongest contexts. */
  const orderOf = (weights: readonly number[]): number[] =>
    weights.map((_, context) => context).filter((c) => weights[c] > 0).sort((x, y) => weights[y] - weights[x]);
  const methodOrder = methodWeights.map(orderOf);
  const surveyOrder = surveyWeights.map(orderOf);

  // Scratch space reused across calls: classification runs once per paper and must not allocate per word.
  const counts = Array.from({ length: CONTEXTS }, () => new Int32Array(entries.length));
  const touched: number[] = [];
  const seq: number[] = [];
  /** Matches of the current sentence: entry id and the span it sits in, until the sentence's end. */
  const pendingEntry: number[] = [];
  const pendingSpan: Span[] = [];

  function count(entry: number, context: number): void {
    let seen = 0;
    for (let c = 0; c < CONTEXTS; c++) seen += counts[c][entry];
    if (seen === 0) touched.push(entry);
    counts[context][entry]++;
  }

  /**
   * One row per matched (term, category, field) of the current paper, in parallel arrays to spare the allocations:
   * the lexicon entry, the target within it, the field (0 title, 1 abstract), and per reading (0: method paper,
   * 1: survey) how many mentions counted and what they contributed.
   */
  const rows = { entry: [] as number[], target: [] as number[], field: [] as number[], counted: [[], []] as number[][], contribution: [[], []] as number[][] };
  const scores = [new Float64Array(taxonomy.categories.length), new Float64Array(taxonomy.categories.length)];
  // Score from the title alone: a category the title names outright is kept even beside a stronger one.
  const titleScores = new Float64Array(taxonomy.categories.length);
  const facetMembers = taxonomy.facets.map((facet) =>
    taxonomy.categories.map((category, index) => ({ category, index })).filter(({ category }) => category.facet === facet.id));

  /** The categories a facet keeps under the given scores: thresholds, relative cut and cap applied; taxonomy order. */
  function chosen(facet: TaxonomyData['facets'][number], scoresOf: Float64Array): number[] {
    const members: number[] = [];
    let best = 0;
    for (const { category, index } of facetMembers[taxonomy.facets.indexOf(facet)]) {
      if (scoresOf[index] >= (category.threshold ?? taxonomy.defaultThreshold)) {
        members.push(index);
        best = Math.max(best, scoresOf[index]);
      }
    }
    if (facet.choose === 'first') return members.slice(0, 1);
    const floor = best * (facet.relativeThreshold ?? 0);
    const strong = members.filter((index) => scoresOf[index] >= floor || titleScores[index] >= taxonomy.defaultThreshold);
    if (facet.maxCategories === undefined || strong.length <= facet.maxCategories) return strong;
    const kept = new Set([...strong].sort((x, y) => scoresOf[y] - scoresOf[x]).slice(0, facet.maxCategories));
    return strong.filter((index) => kept.has(index));
  }

  /** Counts the terms of one field into `counts` by context, listing each entry seen in `touched`. */
  function match(text: string, field: 'title' | 'abstract', name: string | undefined): void {
    seq.length = 0;
    table.scan(text, seq, { marks: field === 'abstract', name });
    let sentenceOwn = false;
    let seenOwn = false;
    let span = Span.None;
    // Parenthesis depth where the open span started; whether it closes at the next comma (it opened the sentence).
    let spanDepth = 0;
    let spanToComma = false;
    let depth = 0;
    // Words since the sentence or clause began: a span cue among the first two opens a fronted phrase ("Unlike X, …").
    let wordsInClause = 0;
    const closeSpan = () => {
      span = Span.None;
      spanToComma = false;
    };
    const endSentence = () => {
      const sentence = sentenceOwn ? Sentence.Own : seenOwn ? Sentence.Plain : Sentence.Background;
      for (let k = 0; k < pendingEntry.length; k++) count(pendingEntry[k], sentence + pendingSpan[k]);
      seenOwn ||= sentenceOwn;
      pendingEntry.length = 0;
      pendingSpan.length = 0;
      sentenceOwn = false;
      closeSpan();
      depth = 0;
      wordsInClause = 0;
    };
    let i = 0;
    while (i < seq.length) {
      const id = seq[i];
      if (id < Mark.unknown) {
        if (id === Mark.sentenceEnd) endSentence();
        else if (id === Mark.clauseEnd) {
          closeSpan();
          wordsInClause = 0;
        } else if (id === Mark.comma) {
          if (spanToComma && depth <= spanDepth) closeSpan();
        } else if (id === Mark.openParen) depth++;
        else if (id === Mark.closeParen) {
          depth = Math.max(0, depth - 1);
          if (span !== Span.None && spanDepth > depth) closeSpan();
        } else if (id === Mark.name) {
          sentenceOwn = true;
          closeSpan();
        }
        i++;
        continue;
      }
      wordsInClause++;
      const candidates = id < 0 ? undefined : byFirstToken[id];
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
      if (found.cue === Cue.Own) {
        sentenceOwn = true;
        closeSpan();
      } else if ((found.cue === Cue.Example || found.cue === Cue.Contrast) && span === Span.None) {
        span = found.cue === Cue.Example ? Span.Example : Span.Contrast;
        spanDepth = depth;
        spanToComma = wordsInClause <= 2;
      }
      const next = i + found.tokens.length;
      if (found.targets.length > 0 && !negating.has(seq[next])) {
        if (field === 'title') count(found.id, Sentence.Plain);
        else {
          pendingEntry.push(found.id);
          pendingSpan.push(span);
        }
      }
      wordsInClause += found.tokens.length - 1;
      i = next;
    }
    endSentence();
  }

  return {
    taxonomy,
    label: (id) => labels.get(id) ?? id,
    classify(paper) {
      // Two readings side by side: as a method paper (examples, contrasts and background discounted per facet) and
      // as a survey, whose lists of examples are its subject. The type facet, the same in both, picks the reading.
      scores[0].fill(0);
      scores[1].fill(0);
      titleScores.fill(0);
      rows.entry.length = 0;
      rows.target.length = 0;
      rows.field.length = 0;
      for (const list of [...rows.counted, ...rows.contribution]) list.length = 0;
      const name = ownModelName(paper.title);
      for (let field = 0; field < 2; field++) {
        match(field === 0 ? paper.title : paper.abstract, field === 0 ? 'title' : 'abstract', name);
        const boost = field === 0 ? taxonomy.titleBoost : 1;
        for (const id of touched) {
          const targets = entries[id].targets;
          for (let t = 0; t < targets.length; t++) {
            const target = targets[t];
            let any = 0;
            for (let reading = 0; reading < 2; reading++) {
              const weights = (reading === 0 ? methodWeights : surveyWeights)[target.category];
              let left = taxonomy.maxCountPerTerm;
              let multiplier = 0;
              let counted = 0;
              for (const context of (reading === 0 ? methodOrder : surveyOrder)[target.category]) {
                const mentions = counts[context][id];
                counted += mentions;
                const used = Math.min(left, mentions);
                multiplier += used * weights[context];
                left -= used;
              }
              const contribution = target.weight * boost * multiplier;
              rows.counted[reading].push(counted);
              rows.contribution[reading].push(contribution);
              any += counted;
              scores[reading][target.category] += contribution;
              if (field === 0 && reading === 0) titleScores[target.category] += contribution;
            }
            if (any > 0) {
              rows.entry.push(id);
              rows.target.push(t);
              rows.field.push(field);
            } else {
              rows.counted[0].pop();
              rows.counted[1].pop();
              rows.contribution[0].pop();
              rows.contribution[1].pop();
            }
          }
          for (let c = 0; c < CONTEXTS; c++) counts[c][id] = 0;
        }
        touched.length = 0;
      }

      const isSurvey = taxonomy.facets.some((facet) =>
        chosen(facet, scores[0]).some((index) => taxonomy.categories[index].id === taxonomy.surveyCategory));
      const reading = isSurvey ? 1 : 0;
      const assignments: CategoryAssignment[] = [];
      for (const facet of taxonomy.facets) {
        const indices = chosen(facet, scores[reading]);
        for (const index of indices) {
          const mine: number[] = [];
          for (let row = 0; row < rows.entry.length; row++) {
            if (rows.counted[reading][row] > 0 && entries[rows.entry[row]].targets[rows.target[row]].category === index) mine.push(row);
          }
          mine.sort((x, y) => rows.contribution[reading][y] - rows.contribution[reading][x]);
          assignments.push({
            facet: facet.id,
            id: taxonomy.categories[index].id,
            score: Math.round(scores[reading][index]),
            evidence: mine.map((row): CategoryEvidence => {
              const target = entries[rows.entry[row]].targets[rows.target[row]];
              const field = rows.field[row] === 0 ? 'title' : 'abstract';
              return { term: target.term, field, count: rows.counted[reading][row], weight: target.weight };
            }),
          });
        }
        if (indices.length === 0 && facet.fallback !== undefined) {
          assignments.push({
            facet: facet.id,
            id: facet.fallback,
            score: 0,
            evidence: [{ term: facet.fallbackReason ?? 'the default of its facet', field: 'default', count: 0, weight: 0 }],
          });
        }
      }
      return assignments;
    },
  };
}
