import type { CategoryAssignment, CategoryId } from '../categories/category';
import { applyPin, type CategoryPins } from '../categories/categoryPins';
import { createClassifier, type Classifier } from '../categories/classifier';
import { readBibtex } from './bibtexReader';
import { assignCitationKeysInSteps } from './citationKeys';
import { readCslJson } from './cslJsonReader';
import { stripControlChars } from '../view/inertText';
import { readDailyPapers } from './dailyPapersReader';
import { describeFailure } from './readFailure';
import { mergeRecordsInSteps } from './mergeRecords';
import { normalizeArxivId, normalizeTitle, terms } from './normalize';
import type { LibraryDiagnostic, LibraryReader, Paper, PaperRecord, ReadResult } from './paper';
import { readSeedMetadata } from './seedMetadata';
import { ITEMS_PER_STEP, runSteps, type Steps } from './steps';

/** The formats a library is read from; a format without a reader yields a diagnostic, not an exception. */
export type LibraryFormat = 'daily-papers' | 'paper-metadata' | 'bibtex' | 'csl-json';

/** One already-read file. Reading files is the caller's job (CLI, extension): the core never touches the disk. */
export interface LibraryInput {
  readonly file: string;
  readonly text: string;
  readonly format: LibraryFormat;
}

/** Readers by format. A new format plugs in with one line here. */
export const LIBRARY_READERS: Readonly<Partial<Record<LibraryFormat, LibraryReader>>> = {
  'daily-papers': readDailyPapers,
  'paper-metadata': readSeedMetadata,
  bibtex: readBibtex,
  'csl-json': readCslJson,
};

export interface BuildLibraryOptions {
  readonly readers?: Readonly<Partial<Record<LibraryFormat, LibraryReader>>>;
  readonly classifier?: Classifier;
  /** Pinned categories (see `readCategoryPins`) and the file they came from, named in the evidence. */
  readonly pins?: { readonly pins: CategoryPins; readonly file: string };
  /** The normalised title a record merges by (normalizeTitle of its title); an incremental caller passes a cached one. */
  readonly titleKey?: (record: PaperRecord) => string;
}

/** One search hit: the paper and its score (higher is better). */
export interface SearchHit {
  readonly paper: Paper;
  readonly score: number;
}

/** Search weights per field: a word in the title says more than one in the abstract. */
const FIELD_WEIGHTS = { title: 3, authors: 2, abstract: 1 } as const;

/** The papers of a library with lookups by key, arXiv id and category, and a ranked text search. Immutable. */
export class Library {
  private readonly byKey = new Map<string, Paper>();
  private readonly byArxiv = new Map<string, Paper>();
  private readonly byCategory = new Map<CategoryId, Paper[]>();
  private index?: Map<string, Map<number, number>>;

  constructor(readonly papers: readonly Paper[], readonly diagnostics: readonly LibraryDiagnostic[]) {
    for (const paper of papers) {
      this.byKey.set(paper.key, paper);
      if (paper.arxivId) this.byArxiv.set(paper.arxivId, paper);
      for (const category of paper.categories) {
        const list = this.byCategory.get(category.id);
        if (list) list.push(paper);
        else this.byCategory.set(category.id, [paper]);
      }
    }
  }

  get size(): number {
    return this.papers.length;
  }

  /** The paper cited as `key`. */
  get(key: string): Paper | undefined {
    return this.byKey.get(key);
  }

  /** The paper with this arXiv id, with or without `arXiv:` prefix and version. */
  byArxivId(id: string): Paper | undefined {
    const normalized = normalizeArxivId(id);
    return normalized === undefined ? undefined : this.byArxiv.get(normalized);
  }

  /** Papers filed under a category, in library order. */
  inCategory(id: CategoryId): readonly Paper[] {
    return this.byCategory.get(id) ?? [];
  }

  /** Papers with neither a method family nor a domain: the classifier found nothing to file them under. */
  uncategorised(): readonly Paper[] {
    return this.papers.filter((paper) => !paper.categories.some((c) => c.facet === 'method' || c.facet === 'domain'));
  }

  /**
   * Ranked search over title, authors and abstract. Every query word must match (the last one also as a prefix,
   * so results follow typing); words score by field weight and rarity; a title containing the whole query ranks first.
   * An arXiv id or a citation key finds its paper directly. The index is built on the first search.
   */
  search(query: string, limit = 50): SearchHit[] {
    const exact = this.get(query.trim()) ?? this.byArxivId(query);
    if (exact) return [{ paper: exact, score: Number.POSITIVE_INFINITY }];
    const queryTerms = terms(query);
    if (queryTerms.length === 0) return [];
    const index = this.buildIndex();
    const prefixLast = !/\s$/.test(query);
    let scores: Map<number, number> | undefined;
    queryTerms.forEach((term, position) => {
      // A whole-word match counts fully; a prefix match (the word still being typed) counts half.
      const postings: Array<[Map<number, number>, number]> = [];
      const exactPostings = index.get(term);
      if (exactPostings) postings.push([exactPostings, 1]);
      if (prefixLast && position === queryTerms.length - 1) {
        for (const [word, list] of index) if (word !== term && word.startsWith(term)) postings.push([list, 0.5]);
      }
      const termScores = new Map<number, number>();
      for (const [list, factor] of postings) {
        const idf = Math.log(1 + this.papers.length / list.size);
        for (const [paper, weight] of list) {
          termScores.set(paper, Math.max(termScores.get(paper) ?? 0, weight * idf * factor));
        }
      }
      if (scores === undefined) {
        scores = termScores;
      } else {
        const next = new Map<number, number>();
        for (const [paper, score] of scores) {
          const add = termScores.get(paper);
          if (add !== undefined) next.set(paper, score + add);
        }
        scores = next;
      }
    });
    const phrase = normalizeTitle(query);
    const hits: SearchHit[] = [];
    for (const [index, score] of scores ?? []) {
      const paper = this.papers[index];
      const bonus = phrase !== '' && normalizeTitle(paper.title).includes(phrase) ? 100 : 0;
      hits.push({ paper, score: score + bonus });
    }
    hits.sort((a, b) => b.score - a.score || a.paper.key.localeCompare(b.paper.key));
    return hits.slice(0, limit);
  }

  private buildIndex(): Map<string, Map<number, number>> {
    if (this.index) return this.index;
    const index = new Map<string, Map<number, number>>();
    this.papers.forEach((paper, i) => {
      const fields: Array<[string, number]> = [
        [paper.title, FIELD_WEIGHTS.title],
        [paper.authors.join(' '), FIELD_WEIGHTS.authors],
        [paper.abstract, FIELD_WEIGHTS.abstract],
      ];
      for (const [text, weight] of fields) {
        for (const term of terms(text)) {
          let postings = index.get(term);
          if (postings === undefined) {
            postings = new Map();
            index.set(term, postings);
          }
          // A word counts once per field at its best weight; repeated words in an abstract add little.
          postings.set(i, Math.max(postings.get(i) ?? 0, weight));
        }
      }
    });
    this.index = index;
    return index;
  }
}

/**
 * Runs a reader so that nothing it throws escapes: readers promise not to throw, and if one breaks that promise on
 * some input the file gets an error at line 1 (the reader's own diagnostics carry better lines) and the other files load.
 */
export function readSafely(reader: LibraryReader, text: string, file: string): ReadResult {
  try {
    return reader(text, file);
  } catch (error) {
    return { records: [], diagnostics: [{ file, line: 1, severity: 'error', message: `could not read this file: ${describeFailure(error)}` }] };
  }
}

/**
 * Builds a library from already-read files: read each with its format's reader, merge records naming the same paper
 * (arXiv id, DOI or normalised title; a record's own key wins), give each paper a citation key, classify it and apply
 * pins. Every problem is a diagnostic; nothing throws on bad input. Linear in the total size of the inputs.
 */
export function buildLibrary(inputs: readonly LibraryInput[], options: BuildLibraryOptions = {}): Library {
  return runSteps(buildLibraryInSteps(inputs, options));
}

/** `buildLibrary` as steps (see steps.ts), so a large library can be built in slices. */
/** Control characters stripped from an optional text field. */
const optionalText = (text: string | undefined): string | undefined => (text === undefined ? undefined : stripControlChars(text));

export function* buildLibraryInSteps(inputs: readonly LibraryInput[], options: BuildLibraryOptions = {}): Steps<Library> {
  const readers = options.readers ?? LIBRARY_READERS;
  const classifier = options.classifier ?? createClassifier();
  const diagnostics: LibraryDiagnostic[] = [];
  const records: PaperRecord[] = [];
  for (const input of inputs) {
    const reader = readers[input.format];
    if (reader === undefined) {
      diagnostics.push({ file: input.file, line: 1, severity: 'error', message: `no reader for the ${input.format} format` });
      continue;
    }
    const result = readSafely(reader, input.text, input.file);
    for (const record of result.records) records.push(record);
    for (const diagnostic of result.diagnostics) diagnostics.push(diagnostic);
  }

  const merged = yield* mergeRecordsInSteps(records, options.titleKey);
  diagnostics.push(...merged.diagnostics);

  const keys = yield* assignCitationKeysInSteps(merged.records);
  for (const { index, ownKey, key } of keys.replaced) {
    const { source } = merged.records[index];
    diagnostics.push({ ...source, severity: 'warning', message: `the key ${ownKey} is invalid or taken; cited as ${key}` });
  }

  const pins = options.pins;
  const papers: Paper[] = [];
  for (let i = 0; i < merged.records.length; i++) {
    if (i % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    const record = merged.records[i];
    const key = keys.keys[i];
    let categories: CategoryAssignment[];
    try {
      categories = classifier.classify(record);
    } catch (error) {
      // A paper the classifier chokes on is listed uncategorised; the rest of the library is unaffected.
      categories = [];
      diagnostics.push({ ...record.source, severity: 'error', message: `could not categorise "${record.title.slice(0, 80)}": ${describeFailure(error)}` });
    }
    const pinned = pins?.pins.get(key) ?? (record.arxivId === undefined ? undefined : pins?.pins.get(record.arxivId));
    if (pins && pinned) categories = applyPin(categories, pinned, pins.file);
    // Control characters (terminal escapes among them) never reach a view, the CLI or an export.
    papers.push({
      key,
      title: stripControlChars(record.title),
      abstract: stripControlChars(record.abstract),
      authors: record.authors.map(stripControlChars),
      year: record.year,
      arxivId: record.arxivId,
      doi: record.doi === undefined ? undefined : stripControlChars(record.doi),
      venue: optionalText(record.venue),
      venueType: record.venueType,
      containerTitle: optionalText(record.containerTitle),
      volume: optionalText(record.volume),
      issue: optionalText(record.issue),
      pages: optionalText(record.pages),
      publisher: optionalText(record.publisher),
      publishedTitle: optionalText(record.publishedTitle),
      venueNote: optionalText(record.venueNote),
      url: record.url === undefined ? (record.arxivId ? `https://arxiv.org/abs/${record.arxivId}` : undefined) : stripControlChars(record.url),
      codeUrls: record.codeUrls.map(stripControlChars),
      categories,
      source: record.source,
    });
  }
  return new Library(papers, diagnostics);
}
