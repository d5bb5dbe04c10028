import { normalizeTitle } from './normalize';
import type { LibraryDiagnostic, PaperRecord, PublicationDetails } from './paper';
import { ITEMS_PER_STEP, runSteps, type Steps } from './steps';

export interface MergeResult {
  readonly records: PaperRecord[];
  readonly diagnostics: LibraryDiagnostic[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface Draft extends Mutable<PublicationDetails> {
  key?: string;
  title: string;
  abstract: string;
  authors: readonly string[];
  year?: number;
  arxivId?: string;
  doi?: string;
  venue?: string;
  url?: string;
  codeUrls: string[];
  source: PaperRecord['source'];
}

/**
 * Merges records that name the same paper: the same arXiv id, the same DOI, or the same normalised title
 * (unless both carry different arXiv ids). Records that carry different own keys (two BibTeX entries, a .bib and a
 * CSL-JSON id) never merge: each key is cited somewhere, so each stays a paper. Records are taken in order; the first
 * record's source and title stay, every other field takes the first value any record has, code links are united,
 * and a record's own key wins. Linear in the number of records.
 */
export function mergeRecords(records: readonly PaperRecord[]): MergeResult {
  return runSteps(mergeRecordsInSteps(records));
}

/**
 * `mergeRecords` as steps (see steps.ts), yielding every few hundred records. `titleKey` is the normalised title of a
 * record; a caller that merges the same records again and again can pass a cached one.
 */
export function* mergeRecordsInSteps(
  records: readonly PaperRecord[],
  titleKey: (record: PaperRecord) => string = (record) => normalizeTitle(record.title),
): Steps<MergeResult> {
  const drafts: Draft[] = [];
  const diagnostics: LibraryDiagnostic[] = [];
  const byArxivId = new Map<string, Draft>();
  const byDoi = new Map<string, Draft>();
  const byTitle = new Map<string, Draft>();

  let count = 0;
  for (const record of records) {
    if (++count % ITEMS_PER_STEP === 0) yield;
    const title = titleKey(record);
    const compatible = (draft: Draft | undefined): Draft | undefined =>
      draft !== undefined && (draft.key === undefined || record.key === undefined || draft.key === record.key) ? draft : undefined;
    let target = compatible((record.arxivId && byArxivId.get(record.arxivId)) || undefined) ?? compatible((record.doi && byDoi.get(record.doi)) || undefined);
    if (target === undefined) {
      const sameTitle = compatible(byTitle.get(title));
      if (sameTitle && sameTitle.arxivId && record.arxivId && sameTitle.arxivId !== record.arxivId) {
        diagnostics.push({
          ...record.source, severity: 'warning',
          message: `"${record.title}" has the title of the paper at ${sameTitle.source.file}:${sameTitle.source.line} `
            + `but arXiv id ${record.arxivId}, not ${sameTitle.arxivId}; kept both`,
        });
      } else {
        target = sameTitle;
      }
    }
    if (target === undefined) {
      target = { ...record, codeUrls: [...record.codeUrls] };
      drafts.push(target);
    } else {
      absorb(target, record, diagnostics);
    }
    if (target.arxivId && !byArxivId.has(target.arxivId)) byArxivId.set(target.arxivId, target);
    if (target.doi && !byDoi.has(target.doi)) byDoi.set(target.doi, target);
    if (title !== '' && !byTitle.has(title)) byTitle.set(title, target);
  }
  return { records: drafts, diagnostics };
}

const PUBLICATION_FIELDS = ['venueType', 'containerTitle', 'volume', 'issue', 'pages', 'publisher', 'publishedTitle', 'venueNote'] as const satisfies ReadonlyArray<keyof PublicationDetails>;

function copyField<K extends keyof PublicationDetails>(target: Mutable<PublicationDetails>, source: PublicationDetails, field: K): void {
  target[field] = source[field];
}

function absorb(target: Draft, record: PaperRecord, diagnostics: LibraryDiagnostic[]): void {
  if (record.key !== undefined) {
    if (target.key === undefined) target.key = record.key;
    else if (target.key !== record.key) {
      diagnostics.push({
        ...record.source, severity: 'warning',
        message: `"${record.title}" is also cited as ${record.key}; kept the key ${target.key}`,
      });
    }
  }
  if (target.abstract === '' && record.abstract !== '') target.abstract = record.abstract;
  if (target.authors.length === 0 && record.authors.length > 0) target.authors = record.authors;
  target.year ??= record.year;
  target.arxivId ??= record.arxivId;
  target.doi ??= record.doi;
  if (target.venue === undefined && record.venue !== undefined) {
    // The publication details belong to the venue they describe: take them together from the record that has it.
    target.venue = record.venue;
    for (const field of PUBLICATION_FIELDS) copyField(target, record, field);
  }
  target.url ??= record.url;
  for (const url of record.codeUrls) if (!target.codeUrls.includes(url)) target.codeUrls.push(url);
}
