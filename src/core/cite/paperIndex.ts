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

/** Lower-case, accents removed, so "Ré" is found by "re". */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Words of a field: runs of letters or of digits ("gu2023mamba" -> gu, 2023, mamba). */
function tokens(text: string): string[] {
  return fold(text).match(/\p{L}+|\p{N}+/gu) ?? [];
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
 * vocabulary of word tokens with posting lists, sorted keys for prefix lookup, and a fuzzysort snapshot of the
 * keys. A query then costs a few binary searches and a pass over the postings it touches — every query word must
 * prefix-match some field ("mamba gu 2023"), the whole query may prefix the key, and when that finds too little a
 * fuzzy subsequence match on keys ("gu23mam" -> gu2023mamba) fills the list.
 */
export class PaperIndex {
  readonly papers: readonly Paper[];
  private readonly byKey: ReadonlyMap<string, Paper>;
  private readonly vocabulary: string[];
  /** For vocabulary entry i, postings `postings[starts[i] .. starts[i+1])`, each `paper * 8 + field`. */
  private readonly starts: Int32Array;
  private readonly postings: Int32Array;
  private readonly sortedKeys: Array<{ key: string; id: number }>;
  private readonly keyTargets: SnapshotKey<{ id: number; key: string }>;
  private readonly years: Int32Array;
  private readonly termHits: Int32Array;
  private readonly stamp: Int32Array;
  private readonly accumulated: Float64Array;
  private generation = 0;

  constructor(papers: readonly Paper[]) {
    this.papers = papers;
    this.byKey = new Map(papers.map((paper) => [paper.key, paper]));
    const lists = new Map<string, number[]>();
    const add = (token: string, id: number, field: Field): void => {
      let list = lists.get(token);
      if (!list) lists.set(token, (list = []));
      const code = id * 8 + field;
      if (list[list.length - 1] !== code) list.push(code);
    };
    papers.forEach((paper, id) => {
      for (const token of tokens(paper.key)) add(token, id, Field.Key);
      for (const token of tokens(paper.title)) add(token, id, Field.Title);
      for (const author of paper.authors) {
        const words = tokens(author);
        words.forEach((token, index) => add(token, id, index === words.length - 1 ? Field.Family : Field.Given));
      }
      if (paper.year !== undefined) add(String(paper.year), id, Field.Year);
    });
    this.vocabulary = [...lists.keys()].sort();
    this.starts = new Int32Array(this.vocabulary.length + 1);
    let total = 0;
    this.vocabulary.forEach((token, index) => {
      this.starts[index] = total;
      total += lists.get(token)!.length;
    });
    this.starts[this.vocabulary.length] = total;
    this.postings = new Int32Array(total);
    this.vocabulary.forEach((token, index) => this.postings.set(lists.get(token)!, this.starts[index]!));
    this.sortedKeys = papers.map((paper, id) => ({ key: fold(paper.key), id })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    this.keyTargets = fuzzysort.snapshot(papers.map((paper, id) => ({ id, key: paper.key })), { key: 'key' });
    this.years = Int32Array.from(papers, (paper) => paper.year ?? 0);
    this.termHits = new Int32Array(papers.length);
    this.stamp = new Int32Array(papers.length);
    this.accumulated = new Float64Array(papers.length);
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
   * prefixes a whole key ranks that paper first. Ties go to newer papers. When that finds fewer than `limit`
   * papers, fuzzy subsequence matches on keys follow ("gu23mam" finds gu2023mamba). An empty query lists papers in
   * library order.
   */
  search(query: string, limit = DEFAULT_LIMIT): RankedPaper[] {
    const folded = fold(query.trim());
    if (folded === '') return this.papers.slice(0, limit).map((paper) => ({ paper, score: 0 }));
    const terms = [...new Set(tokens(folded))];
    const generation = ++this.generation;
    const { termHits, stamp, accumulated } = this;
    let candidates: number[] = [];

    terms.forEach((term, termIndex) => {
      const touched: number[] = [];
      for (let v = this.lowerBound(term); v < this.vocabulary.length && this.vocabulary[v]!.startsWith(term); v += 1) {
        const exact = this.vocabulary[v]!.length === term.length ? EXACT_TOKEN_BONUS : 1;
        for (let p = this.starts[v]!; p < this.starts[v + 1]!; p += 1) {
          const code = this.postings[p]!;
          const id = code >> 3;
          const weight = FIELD_WEIGHT[code & 7]! * exact;
          if (termIndex === 0) {
            if (stamp[id] !== generation) {
              stamp[id] = generation;
              termHits[id] = 1;
              accumulated[id] = weight;
              touched.push(id);
            } else if (weight > accumulated[id]!) accumulated[id] = weight;
            continue;
          }
          if (stamp[id] !== generation) continue;
          if (termHits[id] === termIndex) {
            termHits[id] = termIndex + 1;
            accumulated[id] = accumulated[id]! + weight;
            touched.push(id);
          }
        }
      }
      candidates = touched;
    });

    const scoreOf = new Map<number, number>();
    const keyPrefix = folded.replace(/^@/, '');
    for (let k = this.lowerBoundKey(keyPrefix); k < this.sortedKeys.length && this.sortedKeys[k]!.key.startsWith(keyPrefix); k += 1) {
      const id = this.sortedKeys[k]!.id;
      scoreOf.set(id, KEY_PREFIX_BONUS + (this.sortedKeys[k]!.key.length === keyPrefix.length ? KEY_PREFIX_BONUS : 0));
    }

    const better = (a: number, sa: number, b: number, sb: number): boolean =>
      sa !== sb ? sa > sb : this.years[a] !== this.years[b] ? this.years[a]! > this.years[b]! : this.papers[a]!.key < this.papers[b]!.key;
    const top = new TopK(limit, better);
    for (const id of candidates) {
      if (termHits[id] !== terms.length) continue;
      top.offer(id, accumulated[id]! + (scoreOf.get(id) ?? 0));
      scoreOf.delete(id);
    }
    for (const [id, bonus] of scoreOf) top.offer(id, bonus);
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

  private lowerBound(term: string): number {
    let low = 0;
    let high = this.vocabulary.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.vocabulary[mid]! < term) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private lowerBoundKey(prefix: string): number {
    let low = 0;
    let high = this.sortedKeys.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.sortedKeys[mid]!.key < prefix) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
