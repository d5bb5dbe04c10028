import { readDailyPapers } from './dailyPapersReader';
import { normalizeTitle } from './normalize';
import type { PaperRecord, ReadResult } from './paper';
import { readSeedMetadata } from './seedMetadata';

/**
 * The metadata file saved beside a Daily Papers page (`papers/daily-papers-2024-05-02.txt` →
 * `papers/daily-papers-2024-05-02.metadata.json`), in the format of `corpus/seed-metadata.json`. The extension and the
 * CLI both find it with this one rule.
 */
export function dailyPapersMetadataFile(pageFile: string): string {
  return pageFile.replace(/\.txt$/i, '') + '.metadata.json';
}

/** Whether a file name is a Daily Papers page's metadata file (read with its page, not on its own). */
export function isDailyPapersMetadataFile(file: string): boolean {
  return /\.metadata\.json$/i.test(file);
}

/**
 * Reads a Daily Papers page together with its metadata file as one: each paper of the page takes authors, year,
 * arXiv id, DOI, venue and code links from the metadata record with the same normalised title, so it gets a real key
 * (`gu2023mamba`, not `mambalineartimesequence`). Metadata records the page lacks are kept; problems of both files
 * are reported at their own file and line.
 */
export function readDailyPapersWithMetadata(page: { text: string; file: string }, metadata?: { text: string; file: string }): ReadResult {
  const pageResult = readDailyPapers(page.text, page.file);
  if (metadata === undefined) return pageResult;
  const metadataResult = readSeedMetadata(metadata.text, metadata.file);
  const byTitle = new Map<string, PaperRecord>();
  for (const record of metadataResult.records) byTitle.set(normalizeTitle(record.title), record);
  const used = new Set<PaperRecord>();
  const records = pageResult.records.map((record): PaperRecord => {
    const extra = byTitle.get(normalizeTitle(record.title));
    if (extra === undefined) return record;
    used.add(extra);
    return {
      ...record,
      authors: extra.authors.length > 0 ? extra.authors : record.authors,
      year: extra.year ?? record.year,
      arxivId: extra.arxivId ?? record.arxivId,
      doi: extra.doi ?? record.doi,
      venue: extra.venue ?? record.venue,
      url: extra.url ?? record.url,
      codeUrls: [...new Set([...extra.codeUrls, ...record.codeUrls])],
    };
  });
  for (const record of metadataResult.records) if (!used.has(record)) records.push(record);
  return { records, diagnostics: [...pageResult.diagnostics, ...metadataResult.diagnostics] };
}
