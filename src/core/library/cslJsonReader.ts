// The ESM build: the package's default UMD build hides its modules from the bundler.
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { arxivIdFromEprint, arxivIdInText } from './arxivId';
import { findCodeUrls } from './dailyPapersReader';
import { LineCounter } from './lineCounter';
import type { LibraryDiagnostic, LibraryReader, PaperRecord, ReadResult, VenueType } from './paper';

/** The first syntax error in JSON text, located by jsonc-parser (JSON.parse messages do not always give a position). */
function firstSyntaxError(text: string): { offset: number; message: string } | undefined {
  const errors: ParseError[] = [];
  parse(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  const [first] = errors;
  return first === undefined ? undefined : { offset: first.offset, message: printParseErrorCode(first.error) };
}

const SYNTAX_ERRORS: Readonly<Record<string, string>> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value (a trailing comma?)',
  ColonExpected: 'expected ":"',
  CommaExpected: 'expected "," between elements',
  CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"',
  EndOfFileExpected: 'unexpected text after the end',
  InvalidCommentToken: 'comments are not allowed',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string',
};

/** Offsets where each element of the top-level array starts (one pass that skips strings and nesting). */
function topLevelElementOffsets(text: string): number[] {
  const offsets: number[] = [];
  let depth = 0;
  let expectingElement = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 34 /* " */) {
      if (depth === 1 && expectingElement) {
        offsets.push(i);
        expectingElement = false;
      }
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) {
        if (text.charCodeAt(i) === 92 /* \ */) i++;
      }
    } else if (code === 91 /* [ */ || code === 123 /* { */) {
      if (depth === 1 && expectingElement) {
        offsets.push(i);
        expectingElement = false;
      }
      depth++;
      if (depth === 1) expectingElement = true;
    } else if (code === 93 /* ] */ || code === 125 /* } */) {
      depth--;
    } else if (depth === 1 && code === 44 /* , */) {
      expectingElement = true;
    } else if (depth === 1 && expectingElement && code > 32) {
      offsets.push(i);
      expectingElement = false;
    }
  }
  return offsets;
}

/** CSL-JSON items are a few levels deep; deeper text is rejected before any parser (some recurse) walks it. */
const MAX_JSON_DEPTH = 64;

/** Offset of the first bracket that opens level `MAX_JSON_DEPTH + 1`, skipping strings; -1 when the text stays shallower. */
function tooDeepAt(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 34 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) {
        if (text.charCodeAt(i) === 92 /* \ */) i++;
      }
    } else if (code === 91 /* [ */ || code === 123 /* { */) {
      if (++depth > MAX_JSON_DEPTH) return i;
    } else if (code === 93 /* ] */ || code === 125 /* } */) {
      depth--;
    }
  }
  return -1;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A CSL string field (some exports write arrays or numbers); HTML-like markup such as <i> is dropped. */
function text(value: Json | undefined): string | undefined {
  const raw = Array.isArray(value) ? value.find((part) => typeof part === 'string') : value;
  if (typeof raw === 'number') return String(raw);
  if (typeof raw !== 'string') return undefined;
  const clean = raw.replace(/<\/?(?:i|b|sup|sub|span|sc)(?:\s[^>]*)?>/g, '').replace(/\s+/g, ' ').trim();
  return clean.length > 0 ? clean : undefined;
}

function displayName(name: Json): string | undefined {
  if (typeof name === 'string') return text(name);
  if (!isObject(name)) return undefined;
  const literal = text(name.literal);
  if (literal !== undefined) return literal;
  const parts = [name.given, name['dropping-particle'], name['non-dropping-particle'], name.family, name.suffix].map(text);
  const display = parts.filter((part): part is string => part !== undefined).join(' ');
  return display.length > 0 ? display : undefined;
}

function yearOf(issued: Json | undefined): number | undefined {
  if (!isObject(issued)) return undefined;
  const parts = issued['date-parts'];
  if (Array.isArray(parts) && Array.isArray(parts[0])) {
    const year = Number(parts[0][0]);
    if (Number.isInteger(year) && year > 0) return year;
  }
  const loose = /\b(\d{4})\b/.exec(text(issued.raw) ?? text(issued.literal) ?? '');
  return loose ? Number(loose[1]) : undefined;
}

function arxivIdOf(item: JsonObject): string | undefined {
  const number = text(item.number);
  const fromNumber = number === undefined ? undefined : arxivIdFromEprint(number) ?? arxivIdInText(number);
  if (fromNumber !== undefined) return fromNumber;
  for (const field of ['URL', 'DOI', 'note', 'container-title', 'archive_location', 'publisher']) {
    const value = text(item[field]);
    const id = value === undefined ? undefined : arxivIdInText(value);
    if (id !== undefined) return id;
  }
  return undefined;
}

const CSL_VENUE_TYPES: Readonly<Record<string, VenueType>> = { 'article-journal': 'journal', 'paper-conference': 'conference' };

/** The record for one CSL item, or a reason it is not one. */
function cslRecord(item: Json, file: string, line: number): PaperRecord | string {
  if (!isObject(item)) {
    return `expected an object for each item, found ${Array.isArray(item) ? 'an array' : typeof item === 'object' ? 'null' : typeof item}`;
  }
  const id = text(item['citation-key']) ?? text(item.id);
  const title = text(item.title);
  if (title === undefined) {
    return `item ${id === undefined ? '' : `"${id}" `}has no title`;
  }
  const authorList = item.author;
  if (authorList !== undefined && !Array.isArray(authorList)) {
    return `item "${id ?? title}": "author" must be a list of names`;
  }
  const abstract = text(item.abstract) ?? '';
  const url = text(item.URL);
  const codeUrls = findCodeUrls([text(item.note), url, abstract].filter((part) => part !== undefined).join(' '));
  return {
    key: id,
    title,
    abstract,
    authors: (authorList ?? []).map(displayName).filter((name): name is string => name !== undefined),
    year: yearOf(item.issued),
    arxivId: arxivIdOf(item),
    doi: text(item.DOI)?.replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, ''),
    venue: text(item['container-title']),
    venueType: text(item['container-title']) === undefined ? undefined : CSL_VENUE_TYPES[text(item.type) ?? ''],
    containerTitle: text(item['container-title']),
    volume: text(item.volume),
    issue: text(item.issue),
    pages: text(item.page),
    publisher: text(item.publisher),
    url,
    codeUrls,
    source: { file, line },
  };
}

/**
 * Reads CSL-JSON (an array of items, as Zotero, Better BibTeX and citation-js write it; a single item also works):
 * id -> key, author names, issued year, container-title, DOI, URL, abstract, and the arXiv id from number, URL or note.
 * Invalid JSON is one diagnostic at the line where parsing failed; an item that is not a paper is a diagnostic at its
 * own line and the other items still load.
 */
export const readCslJson: LibraryReader = (source: string, file: string): ReadResult => {
  const records: PaperRecord[] = [];
  const diagnostics: LibraryDiagnostic[] = [];
  const body = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  if (body.trim() === '') {
    return { records, diagnostics };
  }
  const deep = tooDeepAt(body);
  if (deep >= 0) {
    diagnostics.push({ file, line: new LineCounter(body).lineAt(deep), severity: 'error', message: `invalid CSL-JSON: nested more than ${MAX_JSON_DEPTH} levels deep` });
    return { records, diagnostics };
  }
  let data: Json;
  try {
    data = JSON.parse(body) as Json;
  } catch (error) {
    const located = firstSyntaxError(body);
    const message = located === undefined ? (error instanceof Error ? error.message : String(error)) : SYNTAX_ERRORS[located.message] ?? located.message;
    diagnostics.push({ file, line: new LineCounter(body).lineAt(located?.offset ?? body.length), severity: 'error', message: `invalid JSON: ${message}` });
    return { records, diagnostics };
  }
  const items = Array.isArray(data) ? data : isObject(data) && Array.isArray(data.items) ? data.items : isObject(data) ? [data] : undefined;
  if (items === undefined) {
    diagnostics.push({ file, line: 1, severity: 'error', message: 'expected a CSL-JSON array of items' });
    return { records, diagnostics };
  }
  const offsets = Array.isArray(data) ? topLevelElementOffsets(body) : [];
  const lines = new LineCounter(body);
  items.forEach((item, index) => {
    const line = lines.lineAt(offsets[index] ?? 0);
    const record = cslRecord(item, file, line);
    if (typeof record === 'string') {
      diagnostics.push({ file, line, severity: 'error', message: `${record}; skipped it` });
    } else {
      records.push(record);
    }
  });
  return { records, diagnostics };
};
