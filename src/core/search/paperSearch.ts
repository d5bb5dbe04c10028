import fuzzysort from 'fuzzysort';
import type { Prepared } from 'fuzzysort';
import type { Paper } from '../library/paper';
import type { Claim } from '../claims/claim';

export type SearchField = 'title' | 'key' | 'authors' | 'claims' | 'abstract';

export interface PaperMatch {
  readonly paper: Paper;
  /** 0..1, higher is better. */
  readonly score: number;
  /** The field that matched best. */
  readonly field: SearchField;
  /** For abstract and claim matches, the text around the match (plain text, to be escaped by whoever shows it). */
  readonly snippet?: string;
}

export interface SearchablePaper {
  readonly paper: Paper;
  readonly claims: readonly Claim[];
}

/** Short fields weigh more: a hit in the title says more than the same word somewhere in an abstract. */
const FIELD_WEIGHTS: Readonly<Record<SearchField, number>> = { title: 1, key: 0.95, authors: 0.9, claims: 0.8, abstract: 0.7 };
const FIELDS: readonly SearchField[] = ['title', 'key', 'authors', 'claims', 'abstract'];
const SHORT_FIELDS = ['title', 'key', 'authors'] as const;
const CLAIMS_FIELD = FIELDS.indexOf('claims');
const ABSTRACT_FIELD = FIELDS.indexOf('abstract');
const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'.-]*/gu;

interface Entry {
  readonly index: number;
  readonly paper: Paper;
  readonly title: Prepared;
  readonly key: Prepared;
  readonly authors: Prepared;
  readonly claimText: string;
}

function tokens(text: string): Set<string> {
  const found = new Set<string>();
  for (const match of text.toLowerCase().matchAll(TOKEN)) {
    let token = match[0];
    // "models." and "state-" lose their trailing punctuation; inner dots and hyphens (3.5, Path-X) stay.
    while (token.length > 0 && ".'-".includes(token[token.length - 1]!)) token = token.slice(0, -1);
    found.add(token);
  }
  return found;
}

function post(postings: Map<string, number[]>, found: Set<string>, index: number): void {
  for (const token of found) {
    if (token === '') continue;
    const list = postings.get(token);
    if (list) list.push(index);
    else postings.set(token, [index]);
  }
}

/** Only the best-matching vocabulary words count for one query word: a one-letter query must not touch every word. */
const VOCABULARY_MATCHES_PER_WORD = 48;

function snippetAround(text: string, token: string, radius = 50): string | undefined {
  const at = text.toLowerCase().indexOf(token);
  if (at < 0) return undefined;
  const start = Math.max(0, at - radius);
  const end = Math.min(text.length, at + token.length + radius);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ').trim()}${end < text.length ? '…' : ''}`;
}

/**
 * A fuzzy search over a library. Title, citation key and authors are matched fuzzily as whole strings; abstract and
 * claim text are split into words once, and each query word is matched fuzzily against that vocabulary (so "mamb"
 * or "thrghpt" still find words, without a long abstract matching every scattered letter).
 * Every query word must match somewhere; a paper's score is the mean of its words' best weighted scores.
 */
export class PaperSearch {
  /** token -> indices of the papers whose claims (or abstracts) hold it, ascending. */
  private readonly claimPostings = new Map<string, number[]>();
  private readonly abstractPostings = new Map<string, number[]>();

  private readonly entries: Entry[] = [];
  private vocabulary: Prepared[] = [];

  /** Builds the index in one go (tests, the CLI, small libraries). */
  constructor(papers: readonly SearchablePaper[] = []) {
    papers.forEach((paper) => this.add(paper));
    this.seal();
  }

  /**
   * Builds the index a chunk of papers at a time, awaiting `pause()` between chunks, so an editor stays responsive
   * while a large library is indexed. `papers` is called lazily per chunk (claims may be extracted on demand).
   */
  static async build(count: number, paperAt: (index: number) => SearchablePaper, pause: () => Promise<void>, chunk = 500): Promise<PaperSearch> {
    const search = new PaperSearch();
    for (let index = 0; index < count; index++) {
      search.add(paperAt(index));
      if ((index + 1) % chunk === 0) await pause();
    }
    search.seal();
    return search;
  }

  private add({ paper, claims }: SearchablePaper): void {
    const index = this.entries.length;
    const claimText = claims.map((claim) => claim.text).join(' \u2022 ');
    post(this.claimPostings, tokens(claimText), index);
    post(this.abstractPostings, tokens(paper.abstract), index);
    this.entries.push({
      index,
      paper,
      title: fuzzysort.prepare(paper.title),
      key: fuzzysort.prepare(paper.key),
      authors: fuzzysort.prepare(paper.authors.join(', ')),
      claimText,
    });
  }

  private seal(): void {
    const vocabulary = new Set([...this.claimPostings.keys(), ...this.abstractPostings.keys()]);
    this.vocabulary = [...vocabulary].map((token) => fuzzysort.prepare(token));
  }

  /** Papers matching every word of `query`, best first; an empty query lists every paper in library order. */
  search(query: string, limit = 200): PaperMatch[] {
    const words = query.toLowerCase().split(/\s+/).filter((word) => word !== '');
    if (words.length === 0) return this.entries.slice(0, limit).map(({ paper }) => ({ paper, score: 0, field: 'title' as const }));

    // Flat arrays indexed by paper: a one-letter query offers hundreds of thousands of hits, so no objects per hit.
    const count = this.entries.length;
    const sum = new Float64Array(count);
    const matched = new Uint16Array(count);
    const bestScore = new Float64Array(count);
    const bestField = new Uint8Array(count);
    const bestToken: Array<string | undefined> = new Array<string | undefined>(count);
    const wordScore = new Float64Array(count);
    const wordField = new Uint8Array(count);
    const wordToken: Array<string | undefined> = new Array<string | undefined>(count);

    words.forEach((word, wordIndex) => {
      wordScore.fill(0);
      const touched: number[] = [];
      const offer = (index: number, field: number, raw: number, token?: string): void => {
        if (matched[index] !== wordIndex) return; // missed an earlier word: out already
        const score = raw * FIELD_WEIGHTS[FIELDS[field]!];
        if (score <= wordScore[index]!) return;
        if (wordScore[index] === 0) touched.push(index);
        wordScore[index] = score;
        wordField[index] = field;
        wordToken[index] = token;
      };
      SHORT_FIELDS.forEach((key) => {
        const field = FIELDS.indexOf(key);
        for (const result of fuzzysort.go(word, this.entries, { key, threshold: 0.25, limit: 0 })) offer(result.obj.index, field, result.score);
      });
      for (const result of fuzzysort.go(word, this.vocabulary, { threshold: 0.3, limit: VOCABULARY_MATCHES_PER_WORD })) {
        for (const index of this.claimPostings.get(result.target) ?? []) offer(index, CLAIMS_FIELD, result.score, result.target);
        for (const index of this.abstractPostings.get(result.target) ?? []) offer(index, ABSTRACT_FIELD, result.score, result.target);
      }
      for (const index of touched) {
        sum[index]! += wordScore[index]!;
        matched[index] = wordIndex + 1;
        if (wordScore[index]! > bestScore[index]!) {
          bestScore[index] = wordScore[index]!;
          bestField[index] = wordField[index]!;
          bestToken[index] = wordToken[index];
        }
      }
    });

    const ranked: number[] = [];
    for (let index = 0; index < count; index++) if (matched[index] === words.length) ranked.push(index);
    // Ties keep library order; comparing numbers only keeps a 10,000-paper sort in the low milliseconds.
    ranked.sort((a, b) => sum[b]! - sum[a]! || a - b);
    const matches: PaperMatch[] = [];
    for (const index of ranked.slice(0, limit)) {
      const entry = this.entries[index]!;
      const field = FIELDS[bestField[index]!]!;
      const token = bestToken[index];
      const score = sum[index]! / words.length;
      const snippet =
        token === undefined ? undefined : snippetAround(field === 'claims' ? entry.claimText : entry.paper.abstract, token);
      matches.push(snippet === undefined ? { paper: entry.paper, score, field } : { paper: entry.paper, score, field, snippet });
    }
    return matches;
  }
}
