// A purpose-built BibTeX reader: one forward scan (native regex searches jump over ordinary text), raw values kept as
// slices, entries turned into records as they are scanned, LaTeX decoded only for the fields a PaperRecord needs.
// Five to seven times faster than citation-js on the bench files (bench/bibtexBench.ts) and checked against it field
// by field (test/unit/library/bibtexDifferential.test.ts).
import { arxivIdFromEprint, arxivIdInText } from './arxivId';
import { bibtexNames } from './bibtexNames';
import { parseMacroDefinitions } from './latexMacros';
import { latexToUnicode, type LatexContext } from './latexToUnicode';
import { LineCounter } from './lineCounter';
import { describeFailure } from './readFailure';
import type { LibraryDiagnostic, LibraryReader, PaperRecord, ReadResult } from './paper';

/** One entry as written: type and key, and each field's raw value after @string macros and `#` are resolved. */
export interface BibtexEntry {
  /** Lower-case entry type: `article`, `inproceedings`, ... */
  readonly type: string;
  readonly key: string;
  /** 1-based line of the entry's `@`. */
  readonly line: number;
  /** Lower-case field name -> raw value (LaTeX not yet decoded, outer braces or quotes removed). */
  readonly fields: Map<string, string>;
}

export interface BibtexParseResult {
  readonly entries: BibtexEntry[];
  readonly diagnostics: LibraryDiagnostic[];
}

/** The macros every BibTeX style defines (months as numbers, as citation-js does, plus plain.bst's journals). */
const DEFAULT_MACROS: Readonly<Record<string, string>> = {
  jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12',
  acmcs: 'ACM Computing Surveys', acta: 'Acta Informatica', cacm: 'Communications of the ACM',
  ibmjrd: 'IBM Journal of Research and Development', ibmsj: 'IBM Systems Journal',
  ieeese: 'IEEE Transactions on Software Engineering', ieeetc: 'IEEE Transactions on Computers',
  ieeetcad: 'IEEE Transactions on Computer-Aided Design of Integrated Circuits', ipl: 'Information Processing Letters',
  jacm: 'Journal of the ACM', jcss: 'Journal of Computer and System Sciences', scp: 'Science of Computer Programming',
  sicomp: 'SIAM Journal on Computing', tocs: 'ACM Transactions on Computer Systems', tods: 'ACM Transactions on Database Systems',
  tog: 'ACM Transactions on Graphics', toms: 'ACM Transactions on Mathematical Software',
  toois: 'ACM Transactions on Office Information Systems', toplas: 'ACM Transactions on Programming Languages and Systems',
  tcs: 'Theoretical Computer Science',
};

/** A syntax error inside one entry; caught at the entry boundary, never escapes the reader. */
class EntryError {
  constructor(
    readonly position: number,
    readonly message: string,
  ) {}
}

const enum Char {
  Tab = 9, Newline = 10, Return = 13, Space = 32, Quote = 34, Hash = 35, Percent = 37, OpenParen = 40, CloseParen = 41,
  Comma = 44, Equals = 61, At = 64, Backslash = 92, OpenBrace = 123, CloseBrace = 125,
}

function isWhitespace(code: number): boolean {
  return code === Char.Space || code === Char.Newline || code === Char.Tab || code === Char.Return || code === 12;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Characters that end a bare token (key, field name, macro name, number). */
function endsBareToken(code: number): boolean {
  return (
    isWhitespace(code) || code === Char.Comma || code === Char.Equals || code === Char.Hash || code === Char.Quote ||
    code === Char.OpenBrace || code === Char.CloseBrace || code === Char.OpenParen || code === Char.CloseParen || code === Char.Percent
  );
}

function describeChar(text: string, position: number): string {
  return position >= text.length ? 'the end of the file' : `"${text[position]}"`;
}

/** Receives each data entry as soon as it is scanned, with the offset of its `@`. */
type EntryListener = (entry: BibtexEntry, offset: number) => void;

class BibtexScanner {
  private pos = 0;
  private readonly lines: LineCounter;
  private readonly macros = new Map<string, string>(Object.entries(DEFAULT_MACROS));
  readonly diagnostics: LibraryDiagnostic[] = [];
  /** Set while re-reading one entry: its problems were reported the first time. */
  private quiet = false;

  constructor(
    private readonly text: string,
    private readonly file: string,
    private onEntry: EntryListener,
  ) {
    this.lines = new LineCounter(text);
  }

  /** The data entry whose `@` is at `offset`, read again (for a crossref parent whose fields were not kept). */
  entryAt(offset: number): BibtexEntry | undefined {
    const [pos, onEntry] = [this.pos, this.onEntry];
    let found: BibtexEntry | undefined;
    this.onEntry = (entry) => {
      found = entry;
    };
    this.quiet = true;
    try {
      this.pos = offset + 1;
      this.entry(offset);
    } catch {
      found = undefined;
    } finally {
      [this.pos, this.onEntry, this.quiet] = [pos, onEntry, false];
    }
    return found;
  }

  /**
   * The values of every `@preamble` in the file, read ahead of the entries (BibTeX writes them all before the
   * references, so a definition anywhere applies everywhere). Their problems are reported by the main scan.
   */
  preambles(): string[] {
    const values: string[] = [];
    const pattern = /@preamble\s*[{(]/gi;
    for (let match = pattern.exec(this.text); match !== null; match = pattern.exec(this.text)) {
      if (this.inCommentLine(match.index)) continue;
      const pos = this.pos;
      this.quiet = true;
      try {
        this.pos = match.index + match[0].length;
        this.skipWhitespaceAndComments();
        values.push(this.expression('@preamble'));
      } catch {
        // A broken @preamble defines nothing; the main scan reports it at its line.
      } finally {
        [this.pos, this.quiet] = [pos, false];
      }
    }
    return values;
  }

  /** True once the whole text is scanned. */
  get done(): boolean {
    return this.pos >= this.text.length;
  }

  /** Fraction of the text scanned so far. */
  get progress(): number {
    return this.text.length === 0 ? 1 : Math.min(1, this.pos / this.text.length);
  }

  /** Scans up to `maxEntries` more `@` items (all of them by default); call again to go on. */
  scan(maxEntries = Number.POSITIVE_INFINITY): void {
    const text = this.text;
    let scanned = 0;
    while (this.pos < text.length && scanned++ < maxEntries) {
      const at = text.indexOf('@', this.pos);
      if (at < 0) {
        this.pos = text.length;
        break;
      }
      if (this.inCommentLine(at)) {
        const lineEnd = text.indexOf('\n', at);
        this.pos = lineEnd < 0 ? text.length : lineEnd + 1;
        continue;
      }
      try {
        this.pos = at + 1;
        this.entry(at);
      } catch (error) {
        if (!(error instanceof EntryError)) {
          throw error;
        }
        this.report(error.position, 'error', error.message);
        this.pos = this.nextEntryStartAfter(at);
      }
    }
  }

  private report(position: number, severity: LibraryDiagnostic['severity'], message: string): void {
    if (this.quiet) return;
    this.diagnostics.push({ file: this.file, line: this.lines.lineAt(position), severity, message });
  }

  /** Outside entries, a line starting with `%` is a comment even when it contains an `@`. */
  private inCommentLine(at: number): boolean {
    const text = this.text;
    for (let i = at - 1; i >= 0; i--) {
      const code = text.charCodeAt(i);
      if (code === Char.Newline) {
        return false;
      }
      if (code === Char.Percent) {
        return true;
      }
    }
    return false;
  }

  /** Where to resume after a broken entry: the next `@` that starts a line. */
  private nextEntryStartAfter(at: number): number {
    const pattern = /\n[ \t]*@/g;
    pattern.lastIndex = at + 1;
    const match = pattern.exec(this.text);
    return match ? match.index + match[0].length - 1 : this.text.length;
  }

  /** True if `position` (just after a newline) begins a line like `@article{`, i.e. the next entry. */
  private looksLikeEntryStart(position: number): boolean {
    const text = this.text;
    let i = position;
    while (i < text.length && (text.charCodeAt(i) === Char.Space || text.charCodeAt(i) === Char.Tab)) {
      i++;
    }
    if (text.charCodeAt(i) !== Char.At) {
      return false;
    }
    i++;
    const typeStart = i;
    while (i < text.length && isAsciiLetter(text.charCodeAt(i))) {
      i++;
    }
    if (i === typeStart) {
      return false;
    }
    while (i < text.length && isWhitespace(text.charCodeAt(i))) {
      i++;
    }
    const code = text.charCodeAt(i);
    return code === Char.OpenBrace || code === Char.OpenParen;
  }

  private skipWhitespaceAndComments(): void {
    const text = this.text;
    while (this.pos < text.length) {
      const code = text.charCodeAt(this.pos);
      if (isWhitespace(code)) {
        this.pos++;
      } else if (code === Char.Percent) {
        const lineEnd = text.indexOf('\n', this.pos);
        this.pos = lineEnd < 0 ? text.length : lineEnd + 1;
      } else {
        break;
      }
    }
  }

  private bareToken(): string {
    const text = this.text;
    const start = this.pos;
    while (this.pos < text.length && !endsBareToken(text.charCodeAt(this.pos))) {
      this.pos++;
    }
    return text.slice(start, this.pos);
  }

  private entry(at: number): void {
    const text = this.text;
    this.skipWhitespaceAndComments();
    const typeStart = this.pos;
    while (this.pos < text.length && isAsciiLetter(text.charCodeAt(this.pos))) {
      this.pos++;
    }
    const type = text.slice(typeStart, this.pos).toLowerCase();
    this.skipWhitespaceAndComments();
    const open = text.charCodeAt(this.pos);
    if (type.length === 0 || (open !== Char.OpenBrace && open !== Char.OpenParen)) {
      // An `@` in running text between entries (an e-mail address, a handle): BibTeX ignores it.
      return;
    }
    this.pos++;
    if (type === 'comment') {
      this.pos = at + 1;
      this.skipComment(open);
      return;
    }
    if (type === 'preamble') {
      this.skipWhitespaceAndComments();
      this.expression('@preamble');
      this.closeEntry(open, '@preamble');
      return;
    }
    if (type === 'string') {
      this.stringDefinitions(open);
      return;
    }
    this.dataEntry(at, type, open);
  }

  /** `@comment{...}` skips a balanced group; `@comment text` skips the line, as citation-js does. */
  private skipComment(open: number): void {
    const text = this.text;
    const braceAt = text.indexOf(open === Char.OpenParen ? '(' : '{', this.pos);
    const lineEnd = text.indexOf('\n', this.pos);
    if (lineEnd >= 0 && braceAt > lineEnd) {
      this.pos = lineEnd + 1;
      return;
    }
    this.pos = braceAt + 1;
    let depth = 1;
    while (this.pos < text.length && depth > 0) {
      const code = text.charCodeAt(this.pos);
      if (code === Char.OpenBrace || code === Char.OpenParen) {
        depth++;
      } else if (code === Char.CloseBrace || code === Char.CloseParen) {
        depth--;
      }
      this.pos++;
    }
  }

  private stringDefinitions(open: number): void {
    for (;;) {
      this.skipWhitespaceAndComments();
      const nameStart = this.pos;
      const name = this.bareToken().toLowerCase();
      if (name.length === 0) {
        throw new EntryError(nameStart, `@string: expected a macro name, found ${describeChar(this.text, nameStart)}.`);
      }
      this.skipWhitespaceAndComments();
      this.expect(Char.Equals, `@string ${name}: expected "=" after the macro name`);
      this.skipWhitespaceAndComments();
      this.macros.set(name, this.expression(`@string ${name}`));
      this.skipWhitespaceAndComments();
      if (this.text.charCodeAt(this.pos) !== Char.Comma) {
        break;
      }
      this.pos++;
    }
    this.closeEntry(open, '@string');
  }

  private expect(code: number, message: string): void {
    if (this.text.charCodeAt(this.pos) !== code) {
      throw new EntryError(this.pos, `${message}, found ${describeChar(this.text, this.pos)}.`);
    }
    this.pos++;
  }

  private closeEntry(open: number, what: string): void {
    this.skipWhitespaceAndComments();
    const code = this.text.charCodeAt(this.pos);
    if (code !== Char.CloseBrace && code !== Char.CloseParen) {
      throw new EntryError(this.pos, `${what}: expected "${open === Char.OpenParen ? ')' : '}'}" to close it, found ${describeChar(this.text, this.pos)}.`);
    }
    this.pos++;
  }

  private dataEntry(at: number, type: string, open: number): void {
    const text = this.text;
    this.skipWhitespaceAndComments();
    const key = this.bareToken();
    this.skipWhitespaceAndComments();
    const afterKey = text.charCodeAt(this.pos);
    if (key.length === 0 || afterKey === Char.Equals) {
      throw new EntryError(at, `@${type} entry has no citation key (expected "@${type}{key, ...").`);
    }
    const what = `Entry "${key}"`;
    const fields = new Map<string, string>();
    if (afterKey !== Char.CloseBrace && afterKey !== Char.CloseParen) {
      this.expect(Char.Comma, `${what}: expected "," after the citation key`);
      for (;;) {
        this.skipWhitespaceAndComments();
        const code = text.charCodeAt(this.pos);
        if (code === Char.CloseBrace || code === Char.CloseParen) {
          break;
        }
        const nameStart = this.pos;
        const name = this.bareToken().toLowerCase();
        if (name.length === 0) {
          throw new EntryError(nameStart, `${what}: expected a field name or the end of the entry, found ${describeChar(text, nameStart)}.`);
        }
        this.skipWhitespaceAndComments();
        this.expect(Char.Equals, `${what}: expected "=" after field "${name}"`);
        this.skipWhitespaceAndComments();
        const valueStart = this.pos;
        const value = this.expression(`${what}, field "${name}"`);
        if (fields.has(name)) {
          this.report(nameStart, 'warning', `${what}: field "${name}" appears twice; the last value is used.`);
        }
        fields.set(name, value);
        this.skipWhitespaceAndComments();
        const separator = text.charCodeAt(this.pos);
        if (separator === Char.Comma) {
          this.pos++;
        } else if (separator === Char.At || this.pos >= text.length) {
          // The value consumed the entry's closing brace: the field, not the next entry, is where the fix goes.
          throw new EntryError(valueStart, `${what}: field "${name}" has unbalanced braces; its value runs past the end of the entry.`);
        } else if (separator !== Char.CloseBrace && separator !== Char.CloseParen) {
          throw new EntryError(this.pos, `${what}: expected "," or the end of the entry after field "${name}", found ${describeChar(text, this.pos)}.`);
        }
      }
    }
    this.closeEntry(open, what);
    this.onEntry({ type, key, line: this.lines.lineAt(at), fields }, at);
  }

  /** `part # part # ...` where a part is `{...}`, `"..."`, a number or a macro name. */
  private expression(what: string): string {
    let value = this.expressionPart(what);
    for (;;) {
      this.skipWhitespaceAndComments();
      if (this.text.charCodeAt(this.pos) !== Char.Hash) {
        return value;
      }
      this.pos++;
      this.skipWhitespaceAndComments();
      value += this.expressionPart(what);
    }
  }

  private expressionPart(what: string): string {
    const code = this.text.charCodeAt(this.pos);
    if (code === Char.OpenBrace) {
      return this.delimited(false, what);
    }
    if (code === Char.Quote) {
      return this.delimited(true, what);
    }
    const start = this.pos;
    const token = this.bareToken();
    if (token.length === 0) {
      throw new EntryError(start, `${what}: expected a value ({...}, "..." , a number or a @string name), found ${describeChar(this.text, start)}.`);
    }
    if (/^-?\d+$/.test(token)) {
      return token;
    }
    const macro = this.macros.get(token.toLowerCase());
    if (macro === undefined) {
      this.report(start, 'warning', `${what}: unknown @string macro "${token}" (used as empty).`);
      return '';
    }
    return macro;
  }

  /**
   * The content of `{...}` or `"..."`, nested braces kept. A value still open when a line starting with `@type{`
   * begins is reported as unbalanced, so one missing brace costs one entry, not the rest of the file.
   */
  private delimited(quoted: boolean, what: string): string {
    const text = this.text;
    const start = this.pos;
    const contentStart = start + 1;
    // A native regex search jumps over ordinary text far faster than a charCodeAt loop.
    const special = quoted ? QUOTED_SPECIALS : BRACED_SPECIALS;
    special.lastIndex = contentStart;
    let depth = quoted ? 0 : 1;
    for (;;) {
      const match = special.exec(text);
      if (match === null) {
        throw new EntryError(start, `${what}: value is not closed (unbalanced ${quoted ? 'quote or braces' : 'braces'}) before the end of the file.`);
      }
      const i = match.index;
      const code = text.charCodeAt(i);
      if (code === Char.OpenBrace) {
        depth++;
      } else if (code === Char.CloseBrace) {
        depth--;
        if (depth === 0 && !quoted) {
          this.pos = i + 1;
          return text.slice(contentStart, i);
        }
        if (depth < 0) {
          throw new EntryError(i, `${what}: unbalanced "}" inside a quoted value.`);
        }
      } else if (code === Char.Quote) {
        if (depth === 0) {
          this.pos = i + 1;
          return text.slice(contentStart, i);
        }
      } else if (code === Char.Backslash) {
        const next = text.charCodeAt(i + 1);
        if (next === Char.Backslash || next === Char.OpenBrace || next === Char.CloseBrace) {
          special.lastIndex = i + 2;
        }
      } else if (this.looksLikeEntryStart(i + 1)) {
        throw new EntryError(start, `${what}: value is not closed (unbalanced ${quoted ? 'quote or braces' : 'braces'}) before the next entry.`);
      }
    }
  }
}

/** What matters inside a braced value: braces, escapes, and a line starting with "@" (a possible next entry). */
const BRACED_SPECIALS = /[{}\\]|\n(?=@)/g;
const QUOTED_SPECIALS = /[{}\\"]|\n(?=@)/g;

/**
 * Parses BibTeX text into entries with raw field values (macros and `#` resolved, LaTeX untouched).
 * Never throws: each malformed entry becomes a diagnostic at its line and the scan resumes at the next entry.
 */
export function parseBibtex(text: string, file: string): BibtexParseResult {
  const entries: BibtexEntry[] = [];
  const scanner = new BibtexScanner(text, file, (entry) => entries.push(entry));
  scanner.scan();
  return { entries, diagnostics: scanner.diagnostics };
}

/** Fields a crossref child never inherits (biblatex's rules, as citation-js applies them). */
const NOT_INHERITED = [
  'ids', 'crossref', 'xref', 'entryset', 'entrysubtype', 'execute', 'label', 'options', 'presort', 'related',
  'relatedoptions', 'relatedstring', 'relatedtype', 'shortand', 'shortandintro', 'sortkey',
];
const BOOK_PARTS = new Set(['inbook', 'bookinbook', 'suppbook']);
const COLLECTION_PARTS = new Set(['incollection', 'inreference', 'suppcollection']);
/** Parent type -> (prefix its title takes in the child, child types that take it). */
const TITLE_INHERITANCE: Readonly<Record<string, readonly [string, ReadonlySet<string>]>> = {
  mvbook: ['main', new Set(['book', ...BOOK_PARTS])],
  mvcollection: ['main', new Set(['collection', 'reference', ...COLLECTION_PARTS])],
  mvreference: ['main', new Set(['collection', 'reference', ...COLLECTION_PARTS])],
  mvproceedings: ['main', new Set(['proceedings', 'inproceedings'])],
  book: ['book', BOOK_PARTS],
  collection: ['book', COLLECTION_PARTS],
  reference: ['book', COLLECTION_PARTS],
  proceedings: ['book', new Set(['inproceedings'])],
  periodical: ['journal', new Set(['article', 'suppperiodical'])],
};
/**
 * Entry types that are not references: bib2gls glossary entries (https://ctan.org/pkg/bib2gls) and biblatex's
 * `@xdata` field containers. Every other type, standard or not, is a paper, as Pandoc reads it.
 */
export const NON_BIBLIOGRAPHIC_TYPES: ReadonlySet<string> = new Set([
  'xdata',
  'entry', 'index', 'symbol', 'number', 'abbreviation', 'acronym', 'dualentry', 'dualindexentry', 'dualindexsymbol',
  'dualindexnumber', 'dualindexabbreviation', 'dualabbreviation', 'dualacronym', 'dualsymbol', 'dualnumber',
  'dualabbreviationentry', 'abbreviationentry', 'tertiaryindexabbreviationentry', 'indexplural', 'spawnindex',
  'spawnindexplural', 'spawnentry', 'spawnabbreviation', 'spawnacronym', 'spawnsymbol', 'spawnnumber', 'spawndualindexentry',
  'progenitor', 'bibtexentry', 'contributor', 'compoundset', 'preamble', 'string', 'comment',
]);

/**
 * The fields an entry has after biblatex crossref inheritance (the parent's title becomes `booktitle` etc.). A chain of
 * crossrefs is followed in a loop, not by recursion, so a long chain cannot overflow the stack; a cycle stops it.
 */
export function inheritedFields(
  entry: BibtexEntry,
  entryByKey: (key: string) => BibtexEntry | undefined,
  seen = new Set<string>(),
  memo?: Map<BibtexEntry, Map<string, string>>,
): Map<string, string> {
  const chain: BibtexEntry[] = [entry];
  // With a memo, a chain stops at the first entry already resolved: every entry of a long chain is resolved once.
  for (let child = entry; memo?.has(child) !== true;) {
    const parentKey = child.fields.get('crossref');
    const parent = parentKey === undefined ? undefined : entryByKey(parentKey);
    if (parent === undefined || parent === child || seen.has(parent.key)) break;
    seen.add(child.key);
    chain.push(parent);
    child = parent;
  }
  const top = chain[chain.length - 1]!;
  let data = memo?.get(top) ?? (top.fields as Map<string, string>);
  for (let i = chain.length - 2; i >= 0; i--) {
    data = inheritFrom(chain[i]!, chain[i + 1]!, data);
    memo?.set(chain[i]!, data);
  }
  return data;
}

/** The child's fields over what it inherits from `parent`, whose own fields (after its inheritance) are `parentData`. */
function inheritFrom(child: BibtexEntry, parent: BibtexEntry, parentData: ReadonlyMap<string, string>): Map<string, string> {
  const data = new Map(parentData);
  for (const name of NOT_INHERITED) {
    data.delete(name);
  }
  if ((parent.type === 'mvbook' || parent.type === 'book') && BOOK_PARTS.has(child.type) && data.has('author')) {
    data.set('bookauthor', data.get('author') ?? '');
  }
  const inheritance = TITLE_INHERITANCE[parent.type];
  if (inheritance !== undefined && inheritance[1].has(child.type)) {
    const [prefix] = inheritance;
    for (const part of ['title', 'subtitle', ...(prefix === 'journal' ? [] : ['titleaddon'])]) {
      const value = data.get(part);
      if (value !== undefined) {
        data.set(prefix + part, value);
      }
    }
    for (const name of ['title', 'subtitle', 'titleaddon', 'shorttitle', 'sorttitle', 'indextitle', 'indexsorttitle']) {
      data.delete(name);
    }
  }
  for (const [name, value] of child.fields) {
    data.set(name, value);
  }
  return data;
}

const CODE_FIELDS = ['code', 'github', 'codeurl', 'code_url', 'repository', 'software', 'git'];
const CODE_URL = /https?:\/\/(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org)\/[^\s,;{}"'<>()[\]\\]+/g;
const CODE_HOST = /github\.com|gitlab\.com|bitbucket\.org/;
const ARTICLE_TYPES = new Set(['article', 'suppperiodical', 'periodical']);
const PROCEEDINGS_PARTS = new Set(['inproceedings', 'conference']);

/** Characters encodeURI leaves alone (and no "%", which decodeURI would read). */
const PLAIN_URL = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]*$/;

/** URLs as citation-js normalises them: percent-encoded unless they already are. */
function normaliseUrl(raw: string): string {
  const url = raw.trim();
  if (PLAIN_URL.test(url)) {
    return url;
  }
  try {
    return decodeURI(url) === url ? encodeURI(url) : url;
  } catch {
    return encodeURI(url);
  }
}

function codeUrlsOf(fields: ReadonlyMap<string, string>): string[] {
  const urls = new Set<string>();
  for (const name of CODE_FIELDS) {
    const value = fields.get(name)?.trim();
    if (value !== undefined && /^https?:\/\//.test(value)) {
      urls.add(value.replace(/\\_/g, '_'));
    }
  }
  for (const name of ['url', 'note', 'howpublished', 'annote', 'abstract']) {
    const value = fields.get(name);
    // indexOf is a fast native scan; the host regex runs only on values that have a URL at all.
    if (value !== undefined && value.indexOf('://') >= 0 && CODE_HOST.test(value)) {
      for (const match of (value.includes('\\_') ? value.replace(/\\_/g, '_') : value).matchAll(CODE_URL)) {
        urls.add(match[0].replace(/[.:]+$/, ''));
      }
    }
  }
  return [...urls];
}

function arxivIdOf(fields: ReadonlyMap<string, string>): string | undefined {
  const eprint = fields.get('eprint');
  if (eprint !== undefined) {
    const id = arxivIdFromEprint(eprint);
    if (id !== undefined) {
      return id;
    }
  }
  for (const name of ['url', 'doi', 'journal', 'journaltitle', 'note', 'howpublished', 'booktitle']) {
    const value = fields.get(name);
    if (value !== undefined && /arxiv/i.test(value)) {
      const id = arxivIdInText(value);
      if (id !== undefined) {
        return id;
      }
    }
  }
  return undefined;
}

function yearOf(fields: ReadonlyMap<string, string>): number | undefined {
  const year = /\d{4}/.exec(fields.get('year') ?? '') ?? /^\s*(\d{4})/.exec(fields.get('date') ?? '');
  return year === null ? undefined : Number(year[1] ?? year[0]);
}

function decoded(fields: ReadonlyMap<string, string>, name: string, context: LatexContext): string | undefined {
  const value = fields.get(name);
  if (value === undefined) {
    return undefined;
  }
  const text = latexToUnicode(value, context);
  return text.length > 0 ? text : undefined;
}

/**
 * How an entry without a title is shown: by its container, volume and pages, as physics and astronomy cite
 * (`Astrophys. Space Sci. 10, 87`), else by what else describes it (a note, biblatex's shorthand, its URL), else by its key.
 */
function untitledTitle(entry: BibtexEntry, fields: ReadonlyMap<string, string>, venue: string | undefined, context: LatexContext): string {
  const volume = decoded(fields, 'volume', context);
  const pages = decoded(fields, 'pages', context) ?? decoded(fields, 'number', context);
  const place = [venue, volume].filter((part) => part !== undefined).join(' ');
  const shown = [place, pages].filter((part) => part !== undefined && part.length > 0).join(', ');
  return shown || decoded(fields, 'howpublished', context) || decoded(fields, 'note', context)
    || decoded(fields, 'shorttitle', context) || decoded(fields, 'shorthand', context) || fields.get('url')?.trim() || entry.key;
}

/** The record for one entry (crossref already applied to `fields`); `titled` is false when it had no title. */
function bibtexRecord(entry: BibtexEntry, fields: ReadonlyMap<string, string>, file: string, context: LatexContext): { record: PaperRecord; titled: boolean } {
  const venue = ARTICLE_TYPES.has(entry.type)
    ? decoded(fields, 'journaltitle', context) ?? decoded(fields, 'journal', context) ?? decoded(fields, 'booktitle', context)
    : decoded(fields, 'booktitle', context) ?? decoded(fields, 'journaltitle', context) ?? decoded(fields, 'journal', context);
  const mainTitle = decoded(fields, 'title', context);
  const subtitle = decoded(fields, 'subtitle', context);
  const title = mainTitle === undefined
    ? untitledTitle(entry, fields, venue, context)
    : subtitle === undefined ? mainTitle : `${mainTitle}: ${subtitle}`;
  const rawDoi = fields.get('doi')?.trim();
  const doi = rawDoi ? rawDoi.replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '') : undefined;
  const rawUrl = fields.get('url') ?? (fields.get('howpublished')?.trim().startsWith('http') ? fields.get('howpublished') : undefined);
  const arxivId = arxivIdOf(fields);
  const url = rawUrl?.trim() ? normaliseUrl(rawUrl) : arxivId !== undefined ? `https://arxiv.org/abs/${arxivId}` : undefined;
  const author = fields.get('author');
  const isArticle = ARTICLE_TYPES.has(entry.type);
  const record: PaperRecord = {
    key: entry.key,
    title,
    abstract: decoded(fields, 'abstract', context) ?? '',
    authors: author === undefined ? [] : bibtexNames(author, context),
    year: yearOf(fields),
    arxivId,
    doi: doi || undefined,
    venue,
    venueType: venue === undefined ? undefined : isArticle ? 'journal' : PROCEEDINGS_PARTS.has(entry.type) ? 'conference' : undefined,
    containerTitle: venue,
    volume: decoded(fields, 'volume', context),
    issue: decoded(fields, 'number', context) ?? decoded(fields, 'issue', context),
    pages: decoded(fields, 'pages', context)?.replace(/\s*-+\s*/g, '-'),
    publisher: decoded(fields, 'publisher', context),
    url,
    codeUrls: codeUrlsOf(fields),
    source: { file, line: entry.line },
  };
  return { record, titled: mainTitle !== undefined };
}

/**
 * Reads a .bib file into paper records. `@string`, `#`, crossref, `@preamble` macros, LaTeX accents, logos and
 * commands are handled; a broken entry becomes a diagnostic at its line and every other entry still loads. Every
 * bibliographic entry is a paper under its own key: books and proceedings (also the venue of the entries that
 * crossref them), and entries without a title, shown by their container, volume and pages. Glossary entries
 * (NON_BIBLIOGRAPHIC_TYPES) are skipped with one info diagnostic per file.
 */
export const readBibtex: LibraryReader = (text: string, file: string): ReadResult => {
  const steps = bibtexSteps(text, file);
  for (;;) {
    const step = steps.next();
    if (step.done === true) {
      return step.value;
    }
  }
};

/** Entries handled between two checks of the clock when reading in slices. */
const ENTRIES_PER_STEP = 256;

/**
 * Reading as a generator: it yields its progress (0..1) every few hundred entries, so the same code serves the
 * one-shot reader and the sliced one that gives the event loop back between slices.
 */
function* bibtexSteps(text: string, file: string): Generator<number, ReadResult> {
  // Entries become records as they are scanned, so their raw fields die young (the GC copies only what survives).
  // Crossref children wait until the end, when every key is known.
  const slots: (PaperRecord | undefined)[] = [];
  const deferred: { entry: BibtexEntry; slot: number }[] = [];
  const deferredByKey = new Map<string, BibtexEntry>();
  const offsets = new Map<string, number>();
  const diagnostics: LibraryDiagnostic[] = [];
  const skipped = new Map<string, { count: number; line: number }>();
  const unknownCommands = new Map<string, { count: number; line: number }>();
  let entryLine = 0;
  const scanner = new BibtexScanner(text, file, (entry, offset) => {
    if (NON_BIBLIOGRAPHIC_TYPES.has(entry.type)) {
      const seen = skipped.get(entry.type);
      if (seen === undefined) skipped.set(entry.type, { count: 1, line: entry.line });
      else seen.count++;
      return;
    }
    if (offsets.has(entry.key)) {
      diagnostics.push({ file, line: entry.line, severity: 'warning', message: `Citation key "${entry.key}" is used by more than one entry in this file.` });
    } else {
      offsets.set(entry.key, offset);
    }
    if (entry.fields.has('crossref')) {
      deferred.push({ entry, slot: slots.length });
      slots.push(undefined);
      if (!deferredByKey.has(entry.key)) deferredByKey.set(entry.key, entry);
      return;
    }
    slots.push(toRecord(entry, entry.fields));
  });
  const preambles = scanner.preambles();
  const context: LatexContext = {
    macros: preambles.length === 0 ? undefined : parseMacroDefinitions(preambles.join('\n')),
    onUnknownCommand: (name) => {
      const seen = unknownCommands.get(name);
      if (seen === undefined) unknownCommands.set(name, { count: 1, line: entryLine });
      else seen.count++;
    },
  };
  const toRecord = (entry: BibtexEntry, fields: ReadonlyMap<string, string>): PaperRecord | undefined => {
    entryLine = entry.line;
    let decoded: ReturnType<typeof bibtexRecord>;
    try {
      decoded = bibtexRecord(entry, fields, file, context);
    } catch (error) {
      // Whatever breaks while decoding one entry costs that entry only.
      diagnostics.push({ file, line: entry.line, severity: 'error', message: `Entry "${entry.key}" could not be read: ${describeFailure(error)}; skipped it.` });
      return undefined;
    }
    const { record, titled } = decoded;
    if (!titled && record.title === entry.key) {
      diagnostics.push({ file, line: entry.line, severity: 'warning', message: `Entry "${entry.key}" has no title, container, note, shorthand or URL, so it is listed by its key.` });
    }
    return record;
  };
  while (!scanner.done) {
    scanner.scan(ENTRIES_PER_STEP);
    yield scanner.progress;
  }

  const reread = new Map<string, BibtexEntry | undefined>();
  const inherited = new Map<BibtexEntry, Map<string, string>>();
  const entryByKey = (key: string): BibtexEntry | undefined => {
    const kept = deferredByKey.get(key);
    if (kept !== undefined) return kept;
    if (!reread.has(key)) {
      const offset = offsets.get(key);
      reread.set(key, offset === undefined ? undefined : scanner.entryAt(offset));
    }
    return reread.get(key);
  };
  for (const { entry, slot } of deferred) {
    const parentKey = entry.fields.get('crossref') ?? '';
    if (!offsets.has(parentKey)) {
      diagnostics.push({ file, line: entry.line, severity: 'warning', message: `Entry "${entry.key}": crossref "${parentKey}" is not in this file.` });
    }
    slots[slot] = toRecord(entry, inheritedFields(entry, entryByKey, new Set(), inherited));
  }
  const records = slots.filter((record): record is PaperRecord => record !== undefined);
  const summaries: LibraryDiagnostic[] = [];
  if (skipped.size > 0) {
    const types = [...skipped].map(([type, { count }]) => `@${type} (${count})`).join(', ');
    const line = Math.min(...[...skipped.values()].map((seen) => seen.line));
    summaries.push({ file, line, severity: 'info', message: `Skipped entries that are not references (glossary or @xdata entries): ${types}.` });
  }
  if (unknownCommands.size > 0) {
    summaries.push({ file, line: Math.min(...[...unknownCommands.values()].map((seen) => seen.line)), severity: 'info', message: unknownCommandsMessage(unknownCommands) });
  }
  // Scanner problems first, in file order, then the per-entry ones, then the per-file summaries.
  return { records, diagnostics: [...scanner.diagnostics, ...diagnostics, ...summaries] };
}

/** Names of commands shown without their names; the list stops after a few dozen. */
function unknownCommandsMessage(unknown: ReadonlyMap<string, { count: number }>): string {
  const listed = [...unknown].sort((a, b) => b[1].count - a[1].count);
  const shown = listed.slice(0, 30).map(([name, { count }]) => `\\${name}${count > 1 ? ` (${count})` : ''}`).join(', ');
  const more = listed.length > 30 ? `, and ${listed.length - 30} more` : '';
  return `Unknown LaTeX commands (not defined in this file's @preamble) are shown without their names, arguments kept: ${shown}${more}.`;
}

export interface SlicedReadOptions {
  /** Longest stretch of work between two pauses, in milliseconds. */
  readonly sliceMs?: number;
  /** Called after each slice with the fraction done (0..1). */
  readonly onProgress?: (fraction: number) => void;
  /** How to give the event loop back; a zero-delay timeout by default. */
  readonly pause?: () => Promise<void>;
}

const pauseWithTimeout = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The same result as `readBibtex`, computed in slices of about `sliceMs` with a pause between them, so a 100k-entry
 * file never blocks the caller's event loop (the extension host) for long.
 */
export async function readBibtexInSlices(text: string, file: string, options: SlicedReadOptions = {}): Promise<ReadResult> {
  const sliceMs = options.sliceMs ?? 40;
  const pause = options.pause ?? pauseWithTimeout;
  const steps = bibtexSteps(text, file);
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done === true) {
      options.onProgress?.(1);
      return step.value;
    }
    if (performance.now() - sliceStart >= sliceMs) {
      options.onProgress?.(step.value);
      await pause();
      sliceStart = performance.now();
    }
  }
}

