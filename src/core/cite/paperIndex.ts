import fuzzysort, { type SnapshotKey } from 'fuzzysort';
import { distance } from 'fastest-levenshtein';
import type { Paper } from '../library/paper';

/** One search hit: the paper and its relevance (higher is better; only the order is meaningful). */
export interface RankedPaper {
  readonly paper: Paper;
  readonly score: number;
}

/** Field weights: a term matching the key counts most, then author family names and the year, then title words. */
const enum Field {
  Key = 0,
  Family = 1,
  Year = 2,
  Title = 3,
  Given = 4,
}
const FIELD_WEIGHT = [3, 2.5, 2, 1.5, 1];
const EXACT_TOKEN_BONUS = 1.25;
const KEY_PREFIX_BONUS = 4;
const DEFAULT_LIMIT = 50;
const FUZZY_KEY_THRESHOLD = 0.2;
const SUGGESTION_MEMO_SIZE = 1000;

const ASCII = /^[\t\n\r\x20-\x7e]*$/;

/** Lower-case, accents removed, so "Ré" is found by "re". ASCII text (most of it) skips Unicode normalisation. */
function fold(text: string): string {
  return ASCII.test(text) ? text.toLowerCase() : text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Words of a field: runs of letters or of digits ("gu2023mamba" -> gu, 2023, mamba). */
function tokens(text: string): string[] {
  const folded = fold(text);
  return (ASCII.test(folded) ? folded.match(/[a-z]+|[0-9]+/g) : folded.match(/\p{L}+|\p{N}+/gu)) ?? [];
}

/** A small binary min-heap of candidate indices by score, to keep the best `limit` of many. */
class TopK {
  private readonly ids: number[] = [];
  private readonly scores: number[] = [];

  constructor(private readonly limit: number, private readonly better: (a: number, sa: number, b: number, sb: number) => boolean) {}

  offer(id: number, score: number): void {
    if (this.ids.length < this.limit) {
      this.ids.push(id);
      this.scores.push(score);
      this.up(this.ids.length - 1);
    } else if (this.better(id, score, this.ids[0]!, this.scores[0]!)) {
      this.ids[0] = id;
      this.scores[0] = score;
      this.down(0);
    }
  }

  /** Best first. */
  drain(): Array<{ id: number; score: number }> {
    const out = this.ids.map((id, index) => ({ id, score: this.scores[index]! }));
    return out.sort((a, b) => (this.better(a.id, a.score, b.id, b.score) ? -1 : this.better(b.id, b.score, a.id, a.score) ? 1 : 0));
  }

  private worse(i: number, j: number): boolean {
    return this.better(this.ids[j]!, this.scores[j]!, this.ids[i]!, this.scores[i]!);
  }

  private swap(i: number, j: number): void {
    [this.ids[i], this.ids[j]] = [this.ids[j]!, this.ids[i]!];
    [this.scores[i], this.scores[j]] = [this.scores[j]!, this.scores[i]!];
  }

  private up(index: number): void {
    for (let i = index; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!this.worse(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(index: number): void {
    for (let i = index; ; ) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < this.ids.length && this.worse(left, smallest)) smallest = left;
      if (right < this.ids.length && this.worse(right, smallest)) smallest = right;
      if (smallest === i) break;
      this.swap(i, smallest);
      i = smallest;
    }
  }
}

/**
 * Ranked search over citation key, title, authors and year, for completion and the citation quick pick.
 *
 * Everything is prepared once per library version (build a new index when the library changes): a sorted
 * vocabulary of word tokens with posting lists, each paper's tokens as vocabulary ids, sorted keys for prefix
 * lookup, and a fuzzysort snapshot of the keys. A query then costs a few binary searches: the rarest word walks its
 * postings, and each further word only checks the surviving candidates' own tokens (a token has a word as prefix
 * exactly when its id falls in the word's vocabulary range). Every query word must prefix-match some field
 * ("mamba gu 2023"), the whole query may prefix the key, and when that finds too little a fuzzy subsequence match
 * on keys ("gu23mam" -> gu2023mamba) fills the list.
 */
export class PaperIndex {
  readonly papers: readonly Paper[];
  private readonly byKey: ReadonlyMap<string, Paper>;
  private readonly vocabulary: string[];
  /** For vocabulary entry v, postings `postings[starts[v] .. starts[v+1])`, each `paper * 8 + field`. */
  private readonly starts: Int32Array;
  private readonly postings: Int32Array;
  /** For paper p, its tokens `paperTokens[paperStarts[p] .. paperStarts[p+1])`, each `vocabularyId * 8 + field`. */
  private readonly paperStarts: Int32Array;
  private readonly paperTokens: Int32Array;
  private readonly sortedKeys: Array<{ key: string; id: number }>;
  private readonly keyTargets: SnapshotKey<{ id: number; key: string }>;
  private readonly years: Int32Array;
  private readonly termHits: Int32Array;
  private readonly stamp: Int32Array;
  private readonly accumulated: Float64Array;
  private readonly bonus: Float64Array;
  private readonly bonusStamp: Int32Array;
  private generation = 0;
  private readonly suggestions = new Map<string, readonly string[]>();

  constructor(papers: readonly Paper[]) {
    this.papers = papers;
    this.byKey = new Map(papers.map((paper) => [paper.key, paper]));
    // Pass 1: every paper's tokens, flat.
    const tokenTexts: string[] = [];
    const tokenFields: number[] = [];
    const tokenStarts = new Int32Array(papers.length + 1);
    const push = (text: string, field: Field): void => {
      for (const token of tokens(text)) {
        tokenTexts.push(token);
        tokenFields.push(field);
      }
    };
    papers.forEach((paper, id) => {
      tokenStarts[id] = tokenTexts.length;
      push(paper.key, Field.Key);
      push(paper.title, Field.Title);
      for (const author of paper.authors) {
        const words = tokens(author);
        words.forEach((token, index) => {
          tokenTexts.push(token);
          tokenFields.push(index === words.length - 1 ? Field.Family : Field.Given);
        });
      }
      if (paper.year !== undefined) push(String(paper.year), Field.Year);
    });
    tokenStarts[papers.length] = tokenTexts.length;

    // Pass 2: a sorted vocabulary, then each paper's distinct (token, field) codes and the postings per token.
    this.vocabulary = [...new Set(tokenTexts)].sort();
    const idOf = new Map<string, number>();
    this.vocabulary.forEach((token, id) => idOf.set(token, id));
    this.paperStarts = new Int32Array(papers.length + 1);
    const counts = new Int32Array(this.vocabulary.length);
    const paperCodes = new Int32Array(tokenTexts.length);
    let written = 0;
    for (let id = 0; id < papers.length; id += 1) {
      this.paperStarts[id] = written;
      const first = written;
      for (let t = tokenStarts[id]!; t < tokenStarts[id + 1]!; t += 1) {
        const code = idOf.get(tokenTexts[t]!)! * 8 + tokenFields[t]!;
        let duplicate = false;
        for (let d = first; d < written && !duplicate; d += 1) duplicate = paperCodes[d] === code;
        if (duplicate) continue;
        paperCodes[written++] = code;
        counts[code >> 3]! += 1;
      }
    }
    this.paperStarts[papers.length] = written;
    this.paperTokens = paperCodes.slice(0, written);

    this.starts = new Int32Array(this.vocabulary.length + 1);
    for (let v = 0; v < this.vocabulary.length; v += 1) this.starts[v + 1] = this.starts[v]! + counts[v]!;
    this.postings = new Int32Array(written);
    const fill = this.starts.slice(0, this.vocabulary.length);
    for (let id = 0; id < papers.length; id += 1) {
      for (let t = this.paperStarts[id]!; t < this.paperStarts[id + 1]!; t += 1) {
        const code = this.paperTokens[t]!;
        this.postings[fill[code >> 3]!++] = id * 8 + (code & 7);
      }
    }

    this.sortedKeys = papers.map((paper, id) => ({ key: fold(paper.key), id })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    this.keyTargets = fuzzysort.snapshot(papers.map((paper, id) => ({ id, key: paper.key })), { key: 'key' });
    this.years = Int32Array.from(papers, (paper) => paper.year ?? 0);
    this.termHits = new Int32Array(papers.length);
    this.stamp = new Int32Array(papers.length);
    this.accumulated = new Float64Array(papers.length);
    this.bonus = new Float64Array(papers.length);
    this.bonusStamp = new Int32Array(papers.length);
  }

  get size(): number {
    return this.papers.length;
  }

  /** The paper with exactly this key. */
  get(key: string): Paper | undefined {
    return this.byKey.get(key);
  }

  /**
   * Papers matching `query`, best first: every space-separated word must prefix a word of the key, title,
   * authors or year; matches on the key weigh most, then authors and year, then the title; a query that
   * prefixes a whole key ranks that paper first. A single letter matches key starts only (as `@g` should).
   * Ties go to newer papers. When that finds fewer than `limit` papers, fuzzy subsequence matches on keys
   * follow ("gu23mam" finds gu2023mamba). An empty query lists papers in library order.
   */
  search(query: string, limit = DEFAULT_LIMIT): RankedPaper[] {
    const folded = fold(query.trim());
    if (folded === '') return this.papers.slice(0, limit).map((paper) => ({ paper, score: 0 }));
    const keyPrefix = folded.replace(/^@/, '');
    const generation = ++this.generation;
    const { termHits, stamp, accumulated, bonus, bonusStamp } = this;

    const bonused: number[] = [];
    const [keyLow, keyHigh] = this.keyRange(keyPrefix);
    for (let k = keyLow; k < keyHigh; k += 1) {
      const { key, id } = this.sortedKeys[k]!;
      bonusStamp[id] = generation;
      bonus[id] = KEY_PREFIX_BONUS + (key.length === keyPrefix.length ? KEY_PREFIX_BONUS : 0);
      bonused.push(id);
    }

    const words = [...new Set(tokens(folded))];
    let candidates: number[] = [];
    if (words.length > 0 && !(words.length === 1 && keyPrefix.length === 1)) {
      // Rarest word first: it walks its postings; the others only check the candidates that survive.
      const terms = words.map((word) => {
        const [low, high] = this.vocabularyRange(word);
        return { word, low, high, postings: this.starts[high]! - this.starts[low]! };
      }).sort((a, b) => a.postings - b.postings);
      terms.forEach((term, termIndex) => {
        const next: number[] = [];
        if (termIndex === 0) {
          for (let v = term.low; v < term.high; v += 1) {
            const exact = this.vocabulary[v]!.length === term.word.length ? EXACT_TOKEN_BONUS : 1;
            for (let p = this.starts[v]!; p < this.starts[v + 1]!; p += 1) {
              const code = this.postings[p]!;
              const id = code >> 3;
              const weight = FIELD_WEIGHT[code & 7]! * exact;
              if (stamp[id] !== generation) {
                stamp[id] = generation;
                termHits[id] = 1;
                accumulated[id] = weight;
                next.push(id);
              } else if (weight > accumulated[id]!) accumulated[id] = weight;
            }
          }
        } else {
          for (const id of candidates) {
            let best = 0;
            for (let t = this.paperStarts[id]!; t < this.paperStarts[id + 1]!; t += 1) {
              const code = this.paperTokens[t]!;
              const v = code >> 3;
              if (v < term.low || v >= term.high) continue;
              const weight = FIELD_WEIGHT[code & 7]! * (this.vocabulary[v]!.length === term.word.length ? EXACT_TOKEN_BONUS : 1);
              if (weight > best) best = weight;
            }
            if (best > 0) {
              termHits[id] = termIndex + 1;
              accumulated[id] = accumulated[id]! + best;
              next.push(id);
            }
          }
        }
        candidates = next;
      });
    }

    const better = (a: number, sa: number, b: number, sb: number): boolean =>
      sa !== sb ? sa > sb : this.years[a] !== this.years[b] ? this.years[a]! > this.years[b]! : this.papers[a]!.key < this.papers[b]!.key;
    const top = new TopK(limit, better);
    for (const id of candidates) {
      const extra = bonusStamp[id] === generation ? bonus[id]! : 0;
      bonusStamp[id] = 0;
      top.offer(id, accumulated[id]! + extra);
    }
    for (const id of bonused) if (bonusStamp[id] === generation) top.offer(id, bonus[id]!);
    const ranked = top.drain();

    // Too few word matches: a squeezed key ("gu23mam") may still be a fuzzy subsequence of a key.
    if (ranked.length < limit && keyPrefix.length >= 3) {
      const seen = new Set(ranked.map((hit) => hit.id));
      for (const result of fuzzysort.go(keyPrefix, this.keyTargets, { limit, threshold: FUZZY_KEY_THRESHOLD })) {
        if (ranked.length >= limit) break;
        if (seen.has(result.obj.id)) continue;
        seen.add(result.obj.id);
        ranked.push({ id: result.obj.id, score: result.score });
      }
    }
    return ranked.map((hit) => ({ paper: this.papers[hit.id]!, score: hit.score }));
  }

  /**
   * "Did you mean" candidates for a key the library does not know: keys within a small edit distance
   * (case ignored) or that extend it, best first; failing that, the best search hits for its words.
   */
  suggestKeys(unknown: string, limit = 3): string[] {
    // Editors ask again on every cursor move over a diagnostic; the index never changes, so remember answers.
    const memo = `${limit}\u0000${unknown}`;
    const known = this.suggestions.get(memo);
    if (known) return [...known];
    if (this.suggestions.size >= SUGGESTION_MEMO_SIZE) this.suggestions.clear();
    const found = this.computeSuggestions(unknown, limit);
    this.suggestions.set(memo, found);
    return [...found];
  }

  private computeSuggestions(unknown: string, limit: number): string[] {
    const lower = fold(unknown);
    const maxDistance = Math.max(2, Math.floor(lower.length / 3));
    const scored: Array<{ key: string; rank: number }> = [];
    for (const key of this.byKey.keys()) {
      const candidate = fold(key);
      if (candidate === lower) {
        scored.push({ key, rank: -1 });
        continue;
      }
      if (candidate.startsWith(lower)) {
        scored.push({ key, rank: 0.5 + (candidate.length - lower.length) / 1000 });
        continue;
      }
      if (Math.abs(candidate.length - lower.length) > maxDistance) continue;
      const edits = distance(lower, candidate);
      if (edits <= maxDistance) scored.push({ key, rank: edits });
    }
    scored.sort((a, b) => a.rank - b.rank || a.key.localeCompare(b.key));
    const suggestions = scored.slice(0, limit).map((entry) => entry.key);
    if (suggestions.length > 0) return suggestions;
    return this.search(lower.replace(/[^\p{L}\p{N}]+/gu, ' '), limit).map((hit) => hit.paper.key);
  }

  /** Vocabulary ids `[low, high)` of the tokens that start with `prefix`. */
  private vocabularyRange(prefix: string): [number, number] {
    return [lowerBound(this.vocabulary, prefix, (token) => token), lowerBound(this.vocabulary, `${prefix}\uffff`, (token) => token)];
  }

  /** Positions `[low, high)` in the sorted keys of the keys that start with `prefix`. */
  private keyRange(prefix: string): [number, number] {
    return [lowerBound(this.sortedKeys, prefix, (entry) => entry.key), lowerBound(this.sortedKeys, `${prefix}\uffff`, (entry) => entry.key)];
  }
}

/** First index in sorted `items` whose value is not below `value`. */
function lowerBound<T>(items: readonly T[], value: string, valueOf: (item: T) => string): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (valueOf(items[mid]!) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
