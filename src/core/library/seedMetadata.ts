import { normalizeArxivId, normalizeDoi } from './normalize';
import type { LibraryDiagnostic, PaperRecord, ReadResult } from './paper';

/**
 * Reads paper metadata records as in `corpus/seed-metadata.json`: a JSON array of
 * `{title, arxivId, year, authors, venue, codeUrl, source}` (null for unknown fields; `source` says where each field came from).
 * A DOI written into the venue ("…, doi:10.1145/3586074") becomes the record's DOI.
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
    const doi = rawVenue === undefined ? undefined : normalizeDoi(rawVenue.match(/doi:\s*(\S+)/i)?.[1] ?? '');
    const venue = rawVenue?.replace(/,?\s*doi:\s*\S+/i, '').trim() || undefined;
    const codeUrl = optionalString(entry.codeUrl, 'codeUrl', problem);
    records.push({
      title,
      abstract: typeof entry.abstract === 'string' ? entry.abstract.trim() : '',
      authors,
      year: validYear,
      arxivId: normalizedArxivId,
      doi,
      venue,
      url: normalizedArxivId === undefined ? undefined : `https://arxiv.org/abs/${normalizedArxivId}`,
      codeUrls: codeUrl === undefined ? [] : [codeUrl],
      source: { file, line },
    });
  });
  return { records, diagnostics };
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
