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
const SHORT_FIELDS = ['title', 'key', 'authors'] as const;
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
  for (const match of text.toLowerCase().matchAll(TOKEN)) found.add(match[0].replace(/[.'-]+$/, ''));
  return found;
}

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
  private readonly entries: Entry[];
  private readonly vocabulary: Prepared[];
  /** token -> paper index -> which long fields hold it (bit 1: claims, bit 2: abstract). */
  private readonly postings = new Map<string, Map<number, number>>();

  constructor(papers: readonly SearchablePaper[]) {
    this.entries = papers.map(({ paper, claims }, index) => {
      const claimText = claims.map((claim) => claim.text).join(' \u2022 ');
      this.post(tokens(claimText), index, 1);
      this.post(tokens(paper.abstract), index, 2);
      return {
        index,
        paper,
        title: fuzzysort.prepare(paper.title),
        key: fuzzysort.prepare(paper.key),
        authors: fuzzysort.prepare(paper.authors.join(', ')),
        claimText,
      };
    });
    this.vocabulary = [...this.postings.keys()].map((token) => fuzzysort.prepare(token));
  }

  private post(found: Set<string>, index: number, bit: number): void {
    for (const token of found) {
      if (token === '') continue;
      let papers = this.postings.get(token);
      if (!papers) this.postings.set(token, (papers = new Map()));
      papers.set(index, (papers.get(index) ?? 0) | bit);
    }
  }

  /** Papers matching every word of `query`, best first; an empty query lists every paper in library order. */
  search(query: string, limit = 200): PaperMatch[] {
    const words = query.toLowerCase().split(/\s+/).filter((word) => word !== '');
    if (words.length === 0) return this.entries.slice(0, limit).map(({ paper }) => ({ paper, score: 0, field: 'title' as const }));

    // Per paper: the sum of word scores, how many words matched, and the best single field for the description.
    const totals = new Map<number, { sum: number; matched: number; best: { field: SearchField; score: number; token?: string } }>();
    words.forEach((word, wordIndex) => {
      const wordBest = new Map<number, { field: SearchField; score: number; token?: string }>();
      const offer = (index: number, field: SearchField, raw: number, token?: string): void => {
        const score = raw * FIELD_WEIGHTS[field];
        const current = wordBest.get(index);
        if (!current || score > current.score) wordBest.set(index, token === undefined ? { field, score } : { field, score, token });
      };
      for (const field of SHORT_FIELDS) {
        for (const result of fuzzysort.go(word, this.entries, { key: field, threshold: 0.25, limit: 0 })) {
          offer(result.obj.index, field, result.score);
        }
      }
      for (const result of fuzzysort.go(word, this.vocabulary, { threshold: 0.3, limit: 0 })) {
        const papers = this.postings.get(result.target);
        if (!papers) continue;
        for (const [index, bits] of papers) {
          if (bits & 1) offer(index, 'claims', result.score, result.target);
          if (bits & 2) offer(index, 'abstract', result.score, result.target);
        }
      }
      for (const [index, best] of wordBest) {
        const total = totals.get(index);
        if (wordIndex === 0 && !total) totals.set(index, { sum: best.score, matched: 1, best });
        else if (total && total.matched === wordIndex) {
          total.sum += best.score;
          total.matched++;
          if (best.score > total.best.score) total.best = best;
        }
      }
    });

    const matches: PaperMatch[] = [];
    for (const [index, total] of totals) {
      if (total.matched !== words.length) continue;
      const entry = this.entries[index]!;
      const { field, token } = total.best;
      const snippet =
        token === undefined ? undefined : snippetAround(field === 'claims' ? entry.claimText : entry.paper.abstract, token);
      const score = total.sum / words.length;
      matches.push(snippet === undefined ? { paper: entry.paper, score, field } : { paper: entry.paper, score, field, snippet });
    }
    return matches
      .sort((a, b) => b.score - a.score || a.paper.title.localeCompare(b.paper.title))
      .slice(0, limit);
  }
}
