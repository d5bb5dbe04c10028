import { normalizeArxivId, normalizeDoi } from '../library/normalize';
import { MetadataFormatError, type ImportedPaper } from './importedPaper';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** CSL-JSON strings may come as one-element arrays (`container-title`) and carry JATS or HTML markup (`abstract`). */
function plain(value: unknown): string {
  const text = Array.isArray(value) ? value.find((item) => typeof item === 'string') : value;
  if (typeof text !== 'string') return '';
  return text
    .replace(/<jats:title>[^<]*<\/jats:title>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

function yearOf(item: Json): number | undefined {
  for (const field of ['issued', 'published', 'published-print', 'published-online', 'created']) {
    const date = item[field];
    if (!isObject(date) || !Array.isArray(date['date-parts'])) continue;
    const first = (date['date-parts'] as unknown[])[0];
    const year = Array.isArray(first) ? Number(first[0]) : NaN;
    if (Number.isInteger(year) && year > 1000) return year;
  }
  return undefined;
}

function authorName(author: unknown): string {
  if (!isObject(author)) return '';
  if (typeof author.literal === 'string') return author.literal.trim();
  return [author.given, author.family].filter((part): part is string => typeof part === 'string' && part.trim() !== '').join(' ').trim();
}

/**
 * Reads the CSL-JSON a DOI resolver returns for `Accept: application/vnd.citationstyles.csl+json` (one item: `title`,
 * `author[].given/family`, `issued.date-parts`, `container-title`, `DOI`, `URL`, `abstract` in JATS). An arXiv DOI
 * (10.48550/arXiv.…) also yields its arXiv id. Throws MetadataFormatError for anything else.
 */
export function parseDoiCslJson(text: string, requestedDoi: string): ImportedPaper {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new MetadataFormatError(`the DOI resolver answered for ${requestedDoi} with invalid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const item = Array.isArray(data) ? data[0] : data;
  if (!isObject(item)) throw new MetadataFormatError(`the DOI resolver answered for ${requestedDoi} with JSON that is not a CSL item`);
  const title = plain(item.title);
  if (title === '') throw new MetadataFormatError(`the DOI resolver's record for ${requestedDoi} has no title`);
  const doi = normalizeDoi(typeof item.DOI === 'string' ? item.DOI : requestedDoi) ?? requestedDoi;
  const arxivMatch = /^10\.48550\/arxiv\.(.+)$/i.exec(doi);
  const container = plain(item['container-title']);
  return {
    title,
    abstract: plain(item.abstract),
    authors: Array.isArray(item.author) ? item.author.map(authorName).filter((name) => name !== '') : [],
    year: yearOf(item),
    arxivId: arxivMatch ? normalizeArxivId(arxivMatch[1]) : undefined,
    doi,
    journalRef: container === '' ? undefined : container,
    url: typeof item.URL === 'string' && /^https?:\/\//.test(item.URL) ? item.URL : `https://doi.org/${doi}`,
    keywords: [],
  };
}
