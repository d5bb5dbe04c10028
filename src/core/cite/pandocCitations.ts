import { opaqueRangesInChunk, splitMarkdownChunks, type OffsetRange } from './markdownChunks';
import { PANDOC_KEY_SOURCE } from './scanCitations';

/** CSL locator labels, as Pandoc maps its locator terms to them. */
export type LocatorLabel =
  | 'book' | 'chapter' | 'column' | 'figure' | 'folio' | 'issue' | 'line' | 'note' | 'opus' | 'page' | 'paragraph'
  | 'part' | 'section' | 'sub-verbo' | 'verse' | 'volume';

/** One cited item of a Pandoc citation: `see @key, pp. 3-5 and passim`. */
export interface CitationItem {
  readonly key: string;
  /** Text before the key, e.g. `see`. */
  readonly prefix: string;
  /** Text after the key and locator, e.g. `and passim`. */
  readonly suffix: string;
  readonly locator?: string;
  readonly label?: LocatorLabel;
  /** `-@key`: the author is left out ("(2023)"). */
  readonly suppressAuthor: boolean;
  /** Offsets of the key itself in the document. */
  readonly keyStart: number;
  readonly keyEnd: number;
}

/**
 * A Pandoc citation as written in a document: a bracketed group `[see @a, p. 3; -@b]` (normal) or an in-text
 * citation `@a` or `@a [p. 7]` (the author in the sentence, the rest in parentheses).
 */
export interface PandocCitation {
  readonly mode: 'normal' | 'in-text';
  readonly items: readonly CitationItem[];
  /** The whole citation in the document, brackets included. */
  readonly start: number;
  readonly end: number;
}

/**
 * Pandoc's locator terms (https://pandoc.org/MANUAL.html#citation-syntax, "Locators"), longest first so `pp.` wins
 * over `p.`. Pandoc reads them from the English CSL locale terms.
 */
const LOCATOR_TERMS: ReadonlyArray<readonly [string, LocatorLabel]> = ([
  ['book', 'book'], ['bk.', 'book'], ['bks.', 'book'],
  ['chapter', 'chapter'], ['chap.', 'chapter'], ['chaps.', 'chapter'],
  ['column', 'column'], ['col.', 'column'], ['cols.', 'column'],
  ['figure', 'figure'], ['fig.', 'figure'], ['figs.', 'figure'],
  ['folio', 'folio'], ['fol.', 'folio'], ['fols.', 'folio'],
  ['number', 'issue'], ['no.', 'issue'], ['nos.', 'issue'],
  ['line', 'line'], ['l.', 'line'], ['ll.', 'line'],
  ['note', 'note'], ['n.', 'note'], ['nn.', 'note'],
  ['opus', 'opus'], ['op.', 'opus'], ['opp.', 'opus'],
  ['page', 'page'], ['p.', 'page'], ['pp.', 'page'], ['pages', 'page'],
  ['paragraph', 'paragraph'], ['para.', 'paragraph'], ['paras.', 'paragraph'], ['¶¶', 'paragraph'], ['¶', 'paragraph'],
  ['part', 'part'], ['pt.', 'part'], ['pts.', 'part'],
  ['section', 'section'], ['sec.', 'section'], ['secs.', 'section'], ['§§', 'section'], ['§', 'section'],
  ['sub verbo', 'sub-verbo'], ['s.v.', 'sub-verbo'], ['s.vv.', 'sub-verbo'],
  ['verse', 'verse'], ['v.', 'verse'], ['vv.', 'verse'],
  ['volume', 'volume'], ['vol.', 'volume'], ['vols.', 'volume'],
] as Array<[string, LocatorLabel]>).sort((a, b) => b[0].length - a[0].length);

/** A locator value word: has a digit or is a roman numeral; `(xv)` and `33-35` count. */
const LOCATOR_WORD = /^[([]?(?:[\p{N}]|[ivxlcdm]+\b)[^\s,;]*/iu;

/**
 * Splits the text after a key into locator and suffix, the way Pandoc reads `, pp. 33-35, 38-39 and passim`
 * (a term and a value with digits or roman numerals, or `{...}` for anything else); without a locator the text is the suffix.
 */
export function parseLocator(suffix: string): { locator?: string; label?: LocatorLabel; suffix: string } {
  // The comma is optional: Pandoc reads `[@item1 p. 30]` and `[@item1, p. 30]` alike.
  let rest = suffix.replace(/^\s+/, '');
  if (rest.startsWith(',')) rest = rest.slice(1).replace(/^\s+/, '');
  let label: LocatorLabel | undefined;
  const lower = rest.toLowerCase();
  for (const [term, termLabel] of LOCATOR_TERMS) {
    if (lower.startsWith(term) && !/[\p{L}]/u.test(rest[term.length] ?? '')) {
      label = termLabel;
      rest = rest.slice(term.length).replace(/^\s+/, '');
      break;
    }
  }
  // `{pp. iv, vi-xi, (xv)-(xvii)}` — braces delimit a locator with anything in it.
  if (rest.startsWith('{')) {
    const close = rest.indexOf('}');
    if (close > 0) {
      let inner = rest.slice(1, close).trim();
      if (label === undefined) {
        const innerLower = inner.toLowerCase();
        for (const [term, termLabel] of LOCATOR_TERMS) {
          if (innerLower.startsWith(term) && !/[\p{L}]/u.test(inner[term.length] ?? '')) {
            label = termLabel;
            inner = inner.slice(term.length).trim();
            break;
          }
        }
      }
      return { locator: inner, label: label ?? 'page', suffix: rest.slice(close + 1).trim() };
    }
  }
  const parts: string[] = [];
  let cursor = rest;
  for (;;) {
    const word = LOCATOR_WORD.exec(cursor);
    if (!word) break;
    parts.push(word[0]);
    cursor = cursor.slice(word[0].length);
    const more = /^,\s*/.exec(cursor);
    if (more && LOCATOR_WORD.test(cursor.slice(more[0].length))) {
      parts.push(', ');
      cursor = cursor.slice(more[0].length);
    } else break;
  }
  if (parts.length === 0) {
    // A label without a value is not a locator; a comma with other text keeps it in the suffix, as Pandoc does.
    return { suffix: suffix.trim() };
  }
  return { locator: parts.join(''), label: label ?? 'page', suffix: cursor.trim() };
}

const KEY_IN_ITEM = new RegExp(`(^|[\\s\\p{P}])(-?)@(?:\\{([^{}\\n]+)\\}|(${PANDOC_KEY_SOURCE}))`, 'u');
const BRACKET = /(?<![\\!\]])\[(?!\^)([^[\]\n]*(?:\n(?![ \t]*\n)[^[\]\n]*)*)\](?![([:])/g;
const IN_TEXT = new RegExp(`(?<![\\p{L}\\p{N}_.@\\\\/:=+\\-])@(?:\\{([^{}\\n]+)\\}|(${PANDOC_KEY_SOURCE}))(?:([ \\t]?)\\[([^[\\]\\n@]*)\\](?![([:]))?`, 'gu');

/** Splits on `;` outside braces. */
function splitItems(body: string): Array<{ text: string; offset: number }> {
  const items: Array<{ text: string; offset: number }> = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '{') depth++;
    else if (ch === '}') depth = Math.max(0, depth - 1);
    else if (ch === ';' && depth === 0) {
      items.push({ text: body.slice(start, i), offset: start });
      start = i + 1;
    }
  }
  items.push({ text: body.slice(start), offset: start });
  return items;
}

/** The items of a bracketed group, or undefined when it is not a Pandoc citation (every item needs one key). */
function parseGroup(body: string, bodyStart: number): CitationItem[] | undefined {
  const items: CitationItem[] = [];
  for (const part of splitItems(body)) {
    const m = KEY_IN_ITEM.exec(part.text);
    if (!m) return undefined;
    const lead = m[1]!.length;
    const atIndex = m.index + lead + m[2]!.length;
    const key = m[3] ?? m[4]!;
    const keyOffset = atIndex + (m[3] !== undefined ? 2 : 1);
    const after = part.text.slice(m.index + m[0].length);
    const { locator, label, suffix } = parseLocator(after);
    items.push({
      key,
      prefix: part.text.slice(0, m.index + lead).trim(),
      suffix,
      ...(locator !== undefined ? { locator, label } : {}),
      suppressAuthor: m[2] === '-',
      keyStart: bodyStart + part.offset + keyOffset,
      keyEnd: bodyStart + part.offset + keyOffset + key.length,
    });
  }
  return items;
}

/** The citations in one run of Markdown text (no code or HTML in it), offsets shifted by `base`. */
function citationsInSource(source: string, base: number): PandocCitation[] {
  const found: PandocCitation[] = [];
  const taken: OffsetRange[] = [];
  BRACKET.lastIndex = 0;
  for (let m = BRACKET.exec(source); m; m = BRACKET.exec(source)) {
    if (!m[1]!.includes('@')) continue;
    const items = parseGroup(m[1]!, base + m.index + 1);
    if (!items) continue;
    const range = { start: m.index, end: m.index + m[0].length };
    taken.push(range);
    found.push({ mode: 'normal', items, start: base + range.start, end: base + range.end });
  }
  IN_TEXT.lastIndex = 0;
  for (let m = IN_TEXT.exec(source); m; m = IN_TEXT.exec(source)) {
    const start = m.index;
    if (taken.some((range) => start >= range.start && start < range.end)) continue;
    const key = m[1] ?? m[2]!;
    const keyStart = base + start + (m[1] !== undefined ? 2 : 1);
    const bracket = m[4];
    // `@key [p. 7]`: the bracket is the citation's locator and suffix, read like `, p. 7` after a key.
    const parsed = bracket === undefined ? { suffix: '' } : parseLocator(`, ${bracket}`);
    const { locator, label } = parsed;
    const suffix = bracket !== undefined && locator === undefined ? bracket.trim() : parsed.suffix;
    const end = bracket === undefined ? start + 1 + (m[1] !== undefined ? m[1].length + 2 : key.length) : start + m[0].length;
    found.push({
      mode: 'in-text',
      items: [{ key, prefix: '', suffix, ...(locator !== undefined ? { locator, label } : {}), suppressAuthor: false, keyStart, keyEnd: keyStart + key.length }],
      start: base + start,
      end: base + end,
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * The Pandoc citations in a run of inline text that has no code, links or HTML in it (a markdown-it text token):
 * no Markdown parsing, so it is cheap enough for every paragraph of a preview.
 */
export function parsePandocCitationsInText(text: string): PandocCitation[] {
  return text.includes('@') ? citationsInSource(text, 0) : [];
}

/**
 * Every Pandoc citation in a Markdown document, in document order, with prefixes, suffixes, locators and
 * suppressed authors read as Pandoc reads them (https://pandoc.org/MANUAL.html#citation-syntax). Code, HTML, front
 * matter and links are skipped, as `scanCitations` does.
 */
export function parsePandocCitations(text: string): PandocCitation[] {
  const result: PandocCitation[] = [];
  for (const chunk of splitMarkdownChunks(text)) {
    if (chunk.opaque) continue;
    const source = text.slice(chunk.start, chunk.end);
    if (!source.includes('@')) continue;
    const found = citationsInSource(source, chunk.start);
    if (found.length === 0) continue;
    // Inline code, links, autolinks and raw HTML inside the chunk hold no citations.
    const opaque = opaqueRangesInChunk(source, { start: 0, end: source.length })
      .map((range) => ({ start: range.start + chunk.start, end: range.end + chunk.start }));
    result.push(...found.filter((c) => !opaque.some((range) => range.start <= c.start && c.start < range.end)));
  }
  return result;
}
