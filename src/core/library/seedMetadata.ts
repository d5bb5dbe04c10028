import { normalizeArxivId, normalizeDoi } from './normalize';
import type { LibraryDiagnostic, PaperRecord, ReadResult, VenueType } from './paper';

/**
 * Reads paper metadata records as in `corpus/seed-metadata.json`: a JSON array of
 * `{title, arxivId, year, authors, venue, venueType, containerTitle, doi, volume, issue, pages, publisher, publishedTitle,
 * venueNote, codeUrl, source}` (null for unknown fields; `source` says where each field came from, `source.venueRaw` keeps
 * the venue as first collected). A DOI written into an older file's venue ("…, doi:10.1145/3586074") becomes the DOI.
 * Never throws: malformed JSON or a malformed record becomes a diagnostic with its line; good records still load.
 */
export function readSeedMetadata(text: string, file: string): ReadResult {
  const records: PaperRecord[] = [];
  const diagnostics: LibraryDiagnostic[] = [];
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    diagnostics.push({ file, line: lineOfJsonError(text, message), severity: 'error', message: `not valid JSON: ${message}` });
    return { records, diagnostics };
  }
  if (!Array.isArray(data)) {
    diagnostics.push({ file, line: 1, severity: 'error', message: 'expected a JSON array of paper records' });
    return { records, diagnostics };
  }
  const lines = elementLines(text);
  data.forEach((entry: unknown, i) => {
    const line = lines[i] ?? 1;
    const problem = (message: string, severity: LibraryDiagnostic['severity'] = 'warning') =>
      diagnostics.push({ file, line, severity, message: `record ${i + 1}: ${message}` });
    if (!isObject(entry)) {
      problem('expected an object; skipped it', 'error');
      return;
    }
    const title = typeof entry.title === 'string' ? entry.title.trim() : '';
    if (title === '') {
      problem('has no title; skipped it', 'error');
      return;
    }
    const arxivId = optionalString(entry.arxivId, 'arxivId', problem);
    const normalizedArxivId = arxivId === undefined ? undefined : normalizeArxivId(arxivId);
    if (arxivId !== undefined && normalizedArxivId === undefined) problem(`"${arxivId}" is not an arXiv id; ignored it`);
    const year = entry.year;
    let validYear: number | undefined;
    if (typeof year === 'number' && Number.isInteger(year) && year > 1000 && year < 3000) validYear = year;
    else if (year !== null && year !== undefined) problem(`year ${JSON.stringify(year)} is not a year; ignored it`);
    const authors: string[] = [];
    if (Array.isArray(entry.authors)) {
      for (const author of entry.authors) {
        if (typeof author === 'string' && author.trim() !== '') authors.push(author.trim().replace(/\s+/g, ' '));
        else problem(`author ${JSON.stringify(author)} is not a name; ignored it`);
      }
    } else if (entry.authors !== null && entry.authors !== undefined) {
      problem('authors is not a list; ignored it');
    }
    const rawVenue = optionalString(entry.venue, 'venue', problem);
    const doiField = optionalString(entry.doi, 'doi', problem);
    const doi = normalizeDoi(doiField ?? rawVenue?.match(/doi:\s*(\S+)/i)?.[1] ?? '');
    if (doiField !== undefined && doi === undefined) problem(`"${doiField}" is not a DOI; ignored it`);
    const venue = rawVenue?.replace(/,?\s*doi:\s*\S+/i, '').trim() || undefined;
    const venueTypeText = optionalString(entry.venueType, 'venueType', problem);
    const venueType = venueTypeText === undefined || isVenueType(venueTypeText) ? venueTypeText : undefined;
    if (venueTypeText !== undefined && venueType === undefined) {
      problem(`venueType "${venueTypeText}" is not one of ${VENUE_TYPES.join(', ')}; ignored it`);
    }
    const codeUrl = optionalString(entry.codeUrl, 'codeUrl', problem);
    records.push({
      title,
      abstract: typeof entry.abstract === 'string' ? entry.abstract.trim() : '',
      authors,
      year: validYear,
      arxivId: normalizedArxivId,
      doi,
      venue,
      venueType,
      containerTitle: optionalString(entry.containerTitle, 'containerTitle', problem),
      volume: optionalString(entry.volume, 'volume', problem),
      issue: optionalString(entry.issue, 'issue', problem),
      pages: optionalString(entry.pages, 'pages', problem),
      publisher: optionalString(entry.publisher, 'publisher', problem),
      publishedTitle: optionalString(entry.publishedTitle, 'publishedTitle', problem),
      venueNote: optionalString(entry.venueNote, 'venueNote', problem),
      url: normalizedArxivId === undefined ? undefined : `https://arxiv.org/abs/${normalizedArxivId}`,
      codeUrls: codeUrl === undefined ? [] : [codeUrl],
      source: { file, line },
    });
  });
  return { records, diagnostics };
}

const VENUE_TYPES: readonly VenueType[] = ['journal', 'conference', 'workshop'];

function isVenueType(text: string): text is VenueType {
  return (VENUE_TYPES as readonly string[]).includes(text);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown, field: string, problem: (message: string) => void): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  problem(`${field} is not a string; ignored it`);
  return undefined;
}

/** The 1-based line where each element of the top-level array starts, found by one scan that skips strings. */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      line++;
      continue;
    }
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') continue;
    if (depth === 1 && expectElement && ch !== ']') {
      lines.push(line);
      expectElement = false;
    }
    if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') {
      depth++;
      if (depth === 1) expectElement = true;
    } else if (ch === ']' || ch === '}') depth--;
    else if (ch === ',' && depth === 1) expectElement = true;
  }
  return lines;
}

/** V8 reports "… in JSON at position N (line L column C)"; older engines only the position. */
function lineOfJsonError(text: string, message: string): number {
  const lineMatch = /line (\d+)/.exec(message);
  if (lineMatch) return Number(lineMatch[1]);
  const positionMatch = /position (\d+)/.exec(message);
  if (!positionMatch) return 1;
  return text.slice(0, Number(positionMatch[1])).split('\n').length;
}
