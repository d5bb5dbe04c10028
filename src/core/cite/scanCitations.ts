import { opaqueRangesInChunk, splitMarkdownChunks, type OffsetRange } from './markdownChunks';

/** How a citation is written. */
export type CitationSyntax =
  /** `[@key]`, `[see @key, p. 3; -@other]` */
  | 'pandoc-bracket'
  /** `@key` in running text */
  | 'pandoc-inline'
  /** `\cite{key}`, `\citep[p. 3]{a,b}` */
  | 'latex'
  /** `[^key]` */
  | 'footnote';

/** One cited key found in a document. All offsets are UTF-16 offsets into the scanned text. */
export interface CitationMatch {
  readonly key: string;
  readonly syntax: CitationSyntax;
  /** The key itself: `text.slice(keyStart, keyEnd) === key` (for `@{key}` the braces are outside). */
  readonly keyStart: number;
  readonly keyEnd: number;
  /** The whole token: `-@key`, `@key`, `[^key]`, or the key inside `\cite{…}`. */
  readonly start: number;
  readonly end: number;
  /** The enclosing `[...]` group or `\cite…{…}` command, when there is one. */
  readonly group?: OffsetRange;
}

/**
 * A Pandoc citation key: starts with a letter, digit or `_`; internal punctuation `:.#$%&-+?<>~/` is kept only
 * when a letter, digit or `_` follows, so trailing punctuation ("see @gu2023.") is not part of the key.
 * https://pandoc.org/MANUAL.html#citation-syntax
 */
export const PANDOC_KEY_SOURCE = String.raw`[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*`;
const PANDOC_KEY = new RegExp(`^${PANDOC_KEY_SOURCE}$`, 'u');

/** True when `key` can be written as a bare Pandoc citation `@key` (otherwise it needs `@{key}`). */
export function isPlainPandocKey(key: string): boolean {
  return PANDOC_KEY.test(key);
}

// `@` must not follow a word character (e-mail), a dot, a slash or colon (URLs), another `@` or a backslash (escape).
const AT_BOUNDARY = String.raw`(?<![\p{L}\p{N}_.@\\/:=+])`;
const AT_KEY = new RegExp(`${AT_BOUNDARY}(-?)@(?:\\{([^{}\\n]+)\\}|(${PANDOC_KEY_SOURCE}))`, 'gu');
const BRACKET_GROUP = /(?<![\\!])\[(?!\^)([^[\]\n]*(?:\n(?![ \t]*\n)[^[\]\n]*)*)\](?![([])/g;
const LATEX_CITE = /\\[A-Za-z]*cite[A-Za-z]*\*?(?:[ \t]*\[[^\]\n]*\]){0,2}[ \t]*\{([^{}]*)\}/g;
const FOOTNOTE_REF = /(?<!\\)\[\^([^\]\s]+)\]/g;
const MAY_CITE = /[@\\^]/;

interface RawMatch {
  key: string;
  syntax: CitationSyntax;
  keyStart: number;
  keyEnd: number;
  start: number;
  end: number;
  group?: OffsetRange;
}

/** Finds citations in one chunk's text; offsets are relative to the chunk. */
function scanChunkText(source: string): RawMatch[] {
  const found: RawMatch[] = [];
  const taken: OffsetRange[] = [];

  const atKeys = (from: number, to: number, syntax: CitationSyntax, group?: OffsetRange): number => {
    let count = 0;
    AT_KEY.lastIndex = from;
    for (let m = AT_KEY.exec(source); m && m.index < to; m = AT_KEY.exec(source)) {
      const braced = m[2] !== undefined;
      const key = (braced ? m[2] : m[3])!;
      const at = m.index + m[1]!.length;
      if (m.index + m[0].length > to) break;
      const keyStart = at + (braced ? 2 : 1);
      found.push({ key, syntax, keyStart, keyEnd: keyStart + key.length, start: m.index, end: m.index + m[0].length, ...(group ? { group } : {}) });
      count += 1;
    }
    return count;
  };

  BRACKET_GROUP.lastIndex = 0;
  for (let m = BRACKET_GROUP.exec(source); m; m = BRACKET_GROUP.exec(source)) {
    if (!m[1]!.includes('@')) continue;
    const group = { start: m.index, end: m.index + m[0].length };
    if (atKeys(group.start + 1, group.end - 1, 'pandoc-bracket', group) > 0) taken.push(group);
  }

  LATEX_CITE.lastIndex = 0;
  for (let m = LATEX_CITE.exec(source); m; m = LATEX_CITE.exec(source)) {
    const group = { start: m.index, end: m.index + m[0].length };
    let cursor = group.end - 1 - m[1]!.length;
    for (const part of m[1]!.split(',')) {
      const key = part.trim();
      const keyStart = cursor + part.indexOf(key);
      cursor += part.length + 1;
      if (key === '' || key === '*') continue;
      found.push({ key, syntax: 'latex', keyStart, keyEnd: keyStart + key.length, start: keyStart, end: keyStart + key.length, group });
    }
    taken.push(group);
  }

  FOOTNOTE_REF.lastIndex = 0;
  for (let m = FOOTNOTE_REF.exec(source); m; m = FOOTNOTE_REF.exec(source)) {
    const end = m.index + m[0].length;
    const lineStart = source.lastIndexOf('\n', m.index - 1) + 1;
    const isDefinition = source[end] === ':' && /^ {0,3}$/.test(source.slice(lineStart, m.index));
    if (isDefinition) continue;
    const key = m[1]!;
    found.push({ key, syntax: 'footnote', keyStart: m.index + 2, keyEnd: m.index + 2 + key.length, start: m.index, end });
    taken.push({ start: m.index, end });
  }

  // Bare `@key` anywhere not already inside a group or command.
  const before = found.length;
  atKeys(0, source.length, 'pandoc-inline');
  const bare = found.splice(before).filter((match) => !taken.some((range) => match.start >= range.start && match.end <= range.end));
  found.push(...bare);
  return found;
}

function overlaps(a: OffsetRange, ranges: readonly OffsetRange[]): boolean {
  return ranges.some((range) => a.start < range.end && range.start < a.end);
}

/** Per-chunk results keyed by chunk text, so rescanning an edited document re-parses only the changed chunks. */
export class CitationScanCache {
  private readonly entries = new Map<string, readonly RawMatch[]>();

  constructor(private readonly maxEntries = 20_000) {}

  get(source: string): readonly RawMatch[] | undefined {
    return this.entries.get(source);
  }

  set(source: string, matches: readonly RawMatch[]): void {
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(source, matches);
  }
}

/**
 * Finds every citation in a Markdown document, with exact ranges: Pandoc `[@key]` groups (with `;`, prefixes,
 * locators and `-@key`), bare `@key` at a word start, `@{key}`, LaTeX `\cite{a,b}` and its `\citep`/`\citet`
 * relatives, and footnote references `[^key]`. Skips front matter, fenced and indented code, inline code, raw
 * HTML, links and e-mail addresses. Results are in document order.
 */
export function scanCitations(text: string, cache?: CitationScanCache): CitationMatch[] {
  const result: CitationMatch[] = [];
  for (const chunk of splitMarkdownChunks(text)) {
    if (chunk.opaque) continue;
    const source = text.slice(chunk.start, chunk.end);
    let matches = cache?.get(source);
    if (!matches) {
      matches = MAY_CITE.test(source) ? scanChunkText(source) : [];
      if (matches.length > 0) {
        const opaque = opaqueRangesInChunk(source, { start: 0, end: source.length });
        matches = matches.filter((match) => !overlaps(match, opaque) && !(match.group && overlaps({ start: match.group.start, end: match.group.start + 1 }, opaque)));
      }
      cache?.set(source, matches);
    }
    for (const match of matches) {
      result.push({
        key: match.key,
        syntax: match.syntax,
        keyStart: chunk.start + match.keyStart,
        keyEnd: chunk.start + match.keyEnd,
        start: chunk.start + match.start,
        end: chunk.start + match.end,
        ...(match.group ? { group: { start: chunk.start + match.group.start, end: chunk.start + match.group.end } } : {}),
      });
    }
  }
  return result.sort((a, b) => a.keyStart - b.keyStart);
}

/** The citation whose token (or key) contains `offset`, if any. */
export function citationAt(citations: readonly CitationMatch[], offset: number): CitationMatch | undefined {
  return citations.find((match) => offset >= match.start && offset <= match.end);
}
