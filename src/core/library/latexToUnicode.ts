// LaTeX field values (as BibTeX stores them) to plain Unicode text.
// The symbol tables are citation-js's own, so both readers agree on every accent and command they share;
// the differential test (test/unit/library/bibtexDifferential.test.ts) documents where we deliberately differ.
import unicodeTables from '@citation-js/plugin-bibtex/lib/input/unicode.json';
import { MAX_OPTIONAL_LENGTH, substituteArguments, type LatexMacro, type LatexMacros } from './latexMacros';
import { texLogoMacros } from './texLogos';

/** The JSON has a few null placeholders (commands with no single-character form): leave those out. */
function symbolTable(table: Readonly<Record<string, string | null>>): Readonly<Record<string, string>> {
  return Object.fromEntries(Object.entries(table).filter((entry): entry is [string, string] => entry[1] !== null));
}

const diacritics = symbolTable(unicodeTables.diacritics);
/** citation-js's text symbols, plus the Scandinavian ring letters it leaves out. */
const textCommands: Readonly<Record<string, string>> = { ...symbolTable(unicodeTables.commands), aa: 'å', AA: 'Å' };
const greekCommands = symbolTable(unicodeTables.mathCommands);

/** Math operators citation-js leaves as raw TeX; abstracts about sequence models use them a lot. */
const mathSymbols: Readonly<Record<string, string>> = {
  ...greekCommands,
  leq: '≤', le: '≤', geq: '≥', ge: '≥', neq: '≠', ne: '≠', approx: '≈', sim: '∼', simeq: '≃', propto: '∝',
  times: '×', cdot: '·', cdots: '⋯', ldots: '…', dots: '…', pm: '±', mp: '∓', div: '÷', ast: '∗', star: '⋆',
  infty: '∞', partial: '∂', nabla: '∇', sum: '∑', prod: '∏', int: '∫', sqrt: '√', ell: 'ℓ', circ: '∘',
  in: '∈', notin: '∉', subset: '⊂', subseteq: '⊆', cup: '∪', cap: '∩', forall: '∀', exists: '∃',
  to: '→', rightarrow: '→', leftarrow: '←', Rightarrow: '⇒', mapsto: '↦', hookrightarrow: '↪', ll: '≪', gg: '≫', aleph: 'ℵ',
  log: 'log', exp: 'exp', max: 'max', min: 'min', sin: 'sin', cos: 'cos', softmax: 'softmax',
  lvert: '|', rvert: '|', vert: '|', mid: '|', lfloor: '⌊', rfloor: '⌋', lceil: '⌈', rceil: '⌉', langle: '⟨', rangle: '⟩',
};

/** The Unicode form of a LaTeX symbol command (`times` -> ×, `alpha` -> α, `ss` -> ß), or undefined. */
export function latexSymbol(name: string): string | undefined {
  return textCommands[name] ?? mathSymbols[name];
}

/** Commands whose argument is text: their name and braces go, their argument stays (`\\textbf{Mamba}` -> Mamba). */
export function isTextArgumentCommand(name: string): boolean {
  return argumentTextCommands.has(name);
}

/** Commands whose braced argument is kept as plain text (formatting is dropped, not rendered as HTML). */
const argumentTextCommands = new Set([
  'textit', 'textsl', 'emph', 'mkbibitalic', 'mkbibemph', 'textbf', 'strong', 'mkbibbold', 'textsc', 'textsuperscript',
  'textsubscript', 'enquote', 'mkbibquote', 'textmd', 'textrm', 'textsf', 'texttt', 'textup', 'textnormal', 'mbox', 'hbox',
  'text', 'mathrm', 'mathbf', 'mathit', 'mathcal', 'mathbb', 'mathsf', 'mathtt', 'mathfrak', 'boldsymbol', 'bm',
  'operatorname', 'NoCaseChange', 'MakeUppercase', 'MakeLowercase', 'uppercase', 'lowercase', 'llap', 'rlap', 'smash',
]);
/** Declarations that switch style until the end of the group: `{\it text}`. */
const styleSwitches = new Set([
  'it', 'itshape', 'sl', 'slshape', 'em', 'bf', 'bfseries', 'sc', 'scshape', 'rm', 'sf', 'tt', 'upshape', 'normalfont',
  'rmfamily', 'sffamily', 'ttfamily', 'mdseries', 'smc', 'SMC', 'sltt', 'tiny', 'scriptsize', 'footnotesize', 'small',
  'normalsize', 'large', 'Large', 'LARGE', 'huge', 'Huge', 'displaystyle', 'textstyle', 'scriptstyle', 'cal', 'frak', 'bold',
]);
/** Commands that show nothing (breaks, kerning hints, grouping, TeX bookkeeping). */
const invisibleCommands = new Set([
  '-', '/', '!', '@', 'relax', 'protect', 'nobreak', 'allowbreak', 'unskip', 'leavevmode', 'ignorespaces', 'null', 'strut',
  'xspace', 'hfill', 'hfil', 'vfill', 'vfil', 'bgroup', 'egroup', 'begingroup', 'endgroup', 'nocorr', 'noindent',
  'smallskip', 'medskip', 'bigskip', 'newblock', 'sloppy', 'fussy', 'hyphenation', 'ifmmode', 'else', 'fi',
  'pagebreak', 'nolinebreak', 'nopagebreak', 'mathstrut', 'left', 'right', 'big', 'Big', 'bigl', 'bigr', 'Bigl', 'Bigr',
]);
/** Commands that read as a space. */
const spaceCommands = new Set(['\\', ' ', '\n', '\r', '\t', ',', ';', ':', '>', 'quad', 'qquad', 'enspace', 'thinspace', 'thickspace', 'medspace', 'negthinspace', 'space', 'newline', 'linebreak', 'par', 'break', 'hskip', 'enskip']);
/** Primitives followed by a number or a dimension (`\kern-.1em`, `\penalty0`, `\spacefactor1000`) and, as TeX reads them, one optional space: not text. */
const numericCommands = new Set(['kern', 'mkern', 'hskip', 'vskip', 'mskip', 'raise', 'lower', 'penalty', 'spacefactor', 'hspace', 'vspace', 'hyphenchar', 'accent']);
const NUMBER_OR_DIMENSION = /\s*=?\s*(?:[-+]\s*)*(?:\d+(?:\.\d*)?|\.\d+|'[0-7]+|"[0-9A-Fa-f]+|`\\?.)\s*(?:(?:true\s*)?(?:em|ex|pt|pc|in|bp|cm|mm|dd|cc|sp|mu)(?![A-Za-z]))?(?:\s*(?:plus|minus)\s*[-+]?\d*\.?\d+\s*(?:em|ex|pt|fil+)?)* ?/y;

/** What a file adds to decoding: its own macros, and a place to note the commands nobody defined. */
export interface LatexContext {
  /** Macros from the file's `@preamble` (see parseMacroDefinitions); they take precedence over the built-in logos. */
  readonly macros?: LatexMacros;
  /** Called with each command that is neither built in nor defined; its name is dropped and its argument kept. */
  readonly onUnknownCommand?: (name: string) => void;
}

/** Macro expansions allowed in one value: enough for any real definition, finite for `\def\a{\a\a}`. */
const MAX_EXPANSIONS = 1000;
/** Characters macro expansion may add to one value, so a definition that copies its argument cannot blow it up. */
const MAX_EXPANDED_CHARACTERS = 100_000;
/** Longest argument read up to a delimiter (`\toenglish ... \endtoenglish`). */
const MAX_DELIMITED_LENGTH = 10_000;
const quoteCommands: Readonly<Record<string, string>> = { enquote: '“', mkbibquote: '“' };

const superscripts: Readonly<Record<string, string>> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
  '+': '⁺', '-': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', i: 'ⁱ', n: 'ⁿ',
};
const subscripts: Readonly<Record<string, string>> = {
  '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉',
  '+': '₊', '-': '₋', '=': '₌', '(': '₍', ')': '₎', a: 'ₐ', e: 'ₑ', o: 'ₒ', x: 'ₓ', 'ə': 'ₔ', h: 'ₕ', k: 'ₖ',
  l: 'ₗ', m: 'ₘ', n: 'ₙ', s: 'ₛ', p: 'ₚ', t: 'ₜ',
};

/** Anything that needs more than whitespace normalisation. */
/** Anything beyond plain text with single spaces: LaTeX, ligatures, or whitespace to normalise. One scan decides. */
const NEEDS_DECODING = /[\\{}$~`\t\n\r\f\v]|--|''| {2}/;
/** Whitespace to normalise: runs of two or more, or any but a plain space. ASCII only: a tie (~) becomes a non-breaking space that must survive. */

/** Characters that end a run of ordinary text. */
const TEXT_SPECIALS = /[{}\\$~\t\n\r\f\v]|[ \t\n\r\f\v]{2}/g;
const MATH_SPECIALS = /[{}\\$~^_\t\n\r\f\v]|[ \t\n\r\f\v]{2}/g;

/**
 * Converts a BibTeX field value to plain Unicode: accents (`{\"o}`, `\'{e}`), symbols (`{\ss}`, `\&`), ligatures
 * (`--`, `---`, ``` `` ```, `''`), `~`, protective braces, formatting commands (their text is kept), and inline math
 * (Greek letters, common operators, `^2`/`_1` as Unicode scripts; scripts without a Unicode form stay as `^{...}`).
 * Whitespace runs become one space; the result is trimmed. Never throws.
 */
export function latexToUnicode(value: string, context: LatexContext = {}): string {
  if (!NEEDS_DECODING.test(value)) {
    return value.trim();
  }
  // Pieces joined once: cheaper than growing a string piece by piece and flattening it.
  const text = trimPieces(new LatexDecoder(value, context, 0, { expansions: MAX_EXPANSIONS, characters: MAX_EXPANDED_CHARACTERS }).decodeAll(false)).join('');
  // Dropped commands and spaced math can leave two spaces where the source had one between words.
  return text.indexOf('  ') < 0 ? text : text.replace(/ {2,}/g, ' ');
}

/** Trims the whitespace at both ends of the concatenation of `pieces`, in place. */
function trimPieces(pieces: string[]): string[] {
  while (pieces.length > 0) {
    const first = pieces[0].trimStart();
    if (first.length > 0) {
      pieces[0] = first;
      break;
    }
    pieces.shift();
  }
  while (pieces.length > 0) {
    const last = pieces[pieces.length - 1].trimEnd();
    if (last.length > 0) {
      pieces[pieces.length - 1] = last;
      break;
    }
    pieces.pop();
  }
  return pieces.length === 0 ? [''] : pieces;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

const LIGATURE_TEST = /--|''|``/;
const LIGATURES = /---?|''|``/g;
/** With a `` ` `` in the value, TeX's single quotes are in use: `` `quill' `` reads ‘quill’. */
const QUOTE_PAIR_TEST = /--|['`]/;
const QUOTE_PAIR_LIGATURES = /---?|''|``|['`]/g;
const LIGATURE_TEXT: Readonly<Record<string, string>> = { '---': '—', '--': '–', '``': '“', "''": '”', '`': '‘', "'": '’' };

/**
 * Plain-text ligatures TeX applies inside a run of ordinary characters. A lone `'` stays an apostrophe unless the value
 * also has a `` ` ``, so names like O'Brien keep the character the file has.
 */
function applyLigatures(run: string, quotePairs: boolean): string {
  if (!(quotePairs ? QUOTE_PAIR_TEST : LIGATURE_TEST).test(run)) {
    return run;
  }
  return run.replace(quotePairs ? QUOTE_PAIR_LIGATURES : LIGATURES, (ligature) => LIGATURE_TEXT[ligature]);
}

/** English ordinal suffix of a number written in digits (1st, 2nd, 3rd, 11th, 21st). */
function ordinalSuffix(number: string): string {
  const value = Number(number);
  if (!Number.isInteger(value)) return 'th';
  const lastTwo = Math.abs(value) % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][Math.abs(value) % 10] ?? 'th';
}

/**
 * Groups and command arguments nested deeper than this are read flat: a `{` opens no new level and a command takes no
 * argument. Real bibliographies nest a handful of levels; without a cap, 10,000 nested braces overflow the stack.
 */
const MAX_NESTING = 200;

/**
 * A recursive-descent decoder over one value; `pos` only moves forward, so it always terminates. Every recursive path
 * passes through `group`, `restOfGroup` or `argument`, which count the nesting and stop descending at MAX_NESTING.
 */
class LatexDecoder {
  private pos = 0;
  private readonly quotePairs: boolean;

  constructor(
    private readonly text: string,
    private readonly context: LatexContext,
    /** Nesting already used by the decoders this one expands a macro for. */
    private nesting: number,
    private readonly budget: { expansions: number; characters: number },
  ) {
    this.quotePairs = text.includes('`');
  }

  decodeAll(math: boolean): string[] {
    const pieces: string[] = [];
    while (this.pos < this.text.length) {
      const piece = this.nextPiece(math);
      if (piece.length > 0) {
        pieces.push(piece);
      }
    }
    return pieces;
  }

  /** One token's worth of output: a run of text, a group, a command, math, or whitespace. */
  private nextPiece(math: boolean): string {
    const text = this.text;
    const code = text.charCodeAt(this.pos);
    if (code === 123 /* { */) {
      return this.group(math);
    }
    if (code === 125 /* } */) {
      // A stray closing brace (only possible in a hand-built value): drop it.
      this.pos++;
      return '';
    }
    if (code === 92 /* \ */) {
      return this.command(math);
    }
    if (code === 36 /* $ */) {
      this.pos++;
      return math ? '' : this.mathUntilShift();
    }
    if (code === 126 /* ~ */) {
      this.pos++;
      return '\u00a0';
    }
    if (math && (code === 94 /* ^ */ || code === 95 /* _ */)) {
      this.pos++;
      return this.script(code === 94);
    }
    if (isSpace(code) && (code !== 32 || isSpace(text.charCodeAt(this.pos + 1)))) {
      // Whitespace other than a single space: one space, whatever it was (line breaks, tabs, runs).
      while (this.pos < text.length && isSpace(text.charCodeAt(this.pos))) this.pos++;
      return ' ';
    }
    // A run of ordinary text with single spaces: one native search for its end.
    const special = math ? MATH_SPECIALS : TEXT_SPECIALS;
    special.lastIndex = this.pos;
    const next = special.exec(text);
    // Always move on, even if a character the search stops at is not handled above.
    const end = next === null ? text.length : Math.max(next.index, this.pos + 1);
    const run = text.slice(this.pos, end);
    this.pos = end;
    return applyLigatures(run, this.quotePairs);
  }

  /** `{...}`: protective braces vanish, their content is decoded. */
  private group(math: boolean): string {
    this.pos++;
    if (this.nesting >= MAX_NESTING) {
      // Too deep: the brace is dropped and its content read by the enclosing level (text kept, grouping lost).
      return '';
    }
    this.nesting++;
    let out = '';
    while (this.pos < this.text.length && this.text.charCodeAt(this.pos) !== 125) {
      out += this.nextPiece(math);
    }
    this.pos++;
    this.nesting--;
    return out;
  }

  /** The rest of the current group, for style switches like `{\it text}`. */
  private restOfGroup(math: boolean): string {
    if (this.nesting >= MAX_NESTING) {
      return '';
    }
    this.nesting++;
    let out = '';
    while (this.pos < this.text.length && this.text.charCodeAt(this.pos) !== 125) {
      out += this.nextPiece(math);
    }
    this.nesting--;
    return out;
  }

  /** Inline math; the spaces just inside the `$`s are TeX source layout, not text (`for $ 5 \times 7 $ dots`). */
  private mathUntilShift(): string {
    let out = '';
    while (this.pos < this.text.length && this.text.charCodeAt(this.pos) !== 36) {
      out += this.nextPiece(true);
    }
    this.pos++;
    return out.trim();
  }

  /** `^2` -> ², `_{12}` -> ₁₂; a script with no Unicode form keeps TeX notation `^{1.5}`. */
  private script(superscript: boolean): string {
    if (this.pos >= this.text.length) {
      return superscript ? '^' : '_';
    }
    const code = this.text.charCodeAt(this.pos);
    // Without braces a script applies to one character, as in TeX: `n^2)` is n² followed by ")".
    const operand = code === 123 || code === 92 ? this.nextPiece(true) : this.nextCodePoint();
    const table = superscript ? superscripts : subscripts;
    let mapped = '';
    for (const char of operand) {
      const scriptChar = table[char];
      if (scriptChar === undefined) {
        return `${superscript ? '^' : '_'}{${operand}}`;
      }
      mapped += scriptChar;
    }
    return mapped;
  }

  private nextCodePoint(): string {
    const codePoint = this.text.codePointAt(this.pos) ?? 0;
    const char = String.fromCodePoint(codePoint);
    this.pos += char.length;
    return char;
  }

  /** The argument of a command: a group, or else the next single token. */
  private argument(math: boolean): string {
    while (this.pos < this.text.length && isSpace(this.text.charCodeAt(this.pos))) {
      this.pos++;
    }
    if (this.pos >= this.text.length || this.nesting >= MAX_NESTING) {
      return '';
    }
    this.nesting++;
    const argument = this.nextPiece(math);
    this.nesting--;
    return argument;
  }

  private command(math: boolean): string {
    const text = this.text;
    this.pos++;
    if (this.pos >= text.length) {
      return '\\';
    }
    const first = text.charCodeAt(this.pos);
    let name: string;
    if (isLetter(first)) {
      const start = this.pos;
      while (this.pos < text.length && isLetter(text.charCodeAt(this.pos))) {
        this.pos++;
      }
      name = text.slice(start, this.pos);
      // TeX swallows the spaces after a control word; in math we keep them, since they carry the author's spacing
      // ("\alpha \leq n" reads better as "α ≤ n" than "α≤n").
      while (!math && this.pos < text.length && isSpace(text.charCodeAt(this.pos))) {
        this.pos++;
      }
    } else {
      name = text[this.pos];
      this.pos++;
    }

    const diacritic = diacritics[name];
    if (diacritic !== undefined) {
      const base = this.argument(math);
      if (base.length === 0) {
        return diacritic.trim();
      }
      const [head] = Array.from(base);
      return (head + diacritic).normalize('NFC') + base.slice(head.length);
    }
    if (argumentTextCommands.has(name)) {
      const argument = this.argument(math);
      const quote = quoteCommands[name];
      return quote ? `${quote}${argument}”` : argument;
    }
    if (styleSwitches.has(name)) {
      return this.restOfGroup(math);
    }
    // A math symbol written outside math (`\$60\times\$` in a Zotero export) is still that symbol.
    const symbol = textCommands[name] ?? mathSymbols[name];
    if (symbol !== undefined) {
      return symbol;
    }
    if (name === 'url' || name === 'path' || name === 'verb') {
      return this.verbatimArgument(math);
    }
    if (name === 'href') {
      const url = this.argument(math);
      this.argument(math);
      return url;
    }
    if (spaceCommands.has(name)) {
      // Line breaks and TeX spacing commands are spacing, not text.
      if (name === 'hskip') this.skipNumber(name);
      return ' ';
    }
    if (invisibleCommands.has(name)) {
      return '';
    }
    if (numericCommands.has(name)) {
      this.skipNumber(name);
      return '';
    }
    if (name === 'nth') {
      // tugboat.def's ordinal: \nth{21} is 21st.
      const number = this.argument(math);
      return `${number}${ordinalSuffix(number)}`;
    }
    if (name === 'char') {
      const code = this.number();
      return code === undefined ? '' : String.fromCharCode(code);
    }
    if (name.length === 1 && '&%$#_{}'.includes(name)) {
      return name;
    }
    if (name === 'begin' || name === 'end') {
      this.argument(math); // the environment name
      return '';
    }
    const macro = this.context.macros?.get(name) ?? texLogoMacros.get(name);
    if (macro !== undefined) {
      return this.expand(macro, math);
    }
    // Unknown command: its name goes (it is not text), what follows it, such as a braced argument, stays.
    this.context.onUnknownCommand?.(name);
    return '';
  }

  /** Skips the number or dimension after `\kern`, `\penalty`, `\hskip`, ... (or `{...}` after `\hspace`). */
  private skipNumber(name: string): void {
    if (name === 'hspace' || name === 'vspace') {
      if (this.text.charCodeAt(this.pos) === 42 /* * */) this.pos++;
      this.rawArgument();
      return;
    }
    NUMBER_OR_DIMENSION.lastIndex = this.pos;
    const match = NUMBER_OR_DIMENSION.exec(this.text);
    if (match !== null) this.pos += match[0].length;
  }

  /** The number after `\char` (decimal, 'octal, "hex or `character). */
  private number(): number | undefined {
    NUMBER_OR_DIMENSION.lastIndex = this.pos;
    const match = NUMBER_OR_DIMENSION.exec(this.text);
    if (match === null) return undefined;
    this.pos += match[0].length;
    const literal = match[0].replace(/[\s=]/g, '');
    const code = literal.startsWith("'") ? parseInt(literal.slice(1), 8)
      : literal.startsWith('"') ? parseInt(literal.slice(1), 16)
        : literal.startsWith('`') ? literal.charCodeAt(literal.length - 1)
          : Number(literal);
    return Number.isInteger(code) && code >= 32 && code < 0x110000 ? code : undefined;
  }

  /** `\url{...}`, or `\path|...|` / `\verb+...+` with any delimiter: the characters as written. */
  private verbatimArgument(math: boolean): string {
    const text = this.text;
    const open = text[this.pos];
    if (open === undefined || open === '{' || /\s/.test(open)) {
      return this.argument(math);
    }
    const close = text.indexOf(open, this.pos + 1);
    const end = close < 0 ? text.length : close;
    const content = text.slice(this.pos + 1, end);
    this.pos = Math.min(text.length, end + 1);
    return content;
  }

  /** The raw text of a command's argument: a balanced group's content, a control sequence or one character. */
  private rawArgument(): string {
    const text = this.text;
    while (this.pos < text.length && isSpace(text.charCodeAt(this.pos))) this.pos++;
    if (this.pos >= text.length) return '';
    const code = text.charCodeAt(this.pos);
    if (code === 123) {
      const start = this.pos + 1;
      let depth = 0;
      for (; this.pos < text.length; this.pos++) {
        const inner = text.charCodeAt(this.pos);
        if (inner === 92) this.pos++;
        else if (inner === 123) depth++;
        else if (inner === 125 && --depth === 0) break;
      }
      const end = Math.min(this.pos, text.length);
      this.pos = end + 1;
      return text.slice(start, end);
    }
    if (code === 92) {
      const match = /\\(?:[A-Za-z@]+|.)?/y;
      match.lastIndex = this.pos;
      const found = match.exec(text)?.[0] ?? '\\';
      this.pos += found.length;
      return found;
    }
    return this.nextCodePoint();
  }

  /** The raw text up to `delimiter` (consumed too), looked for within a window; empty when it is not there. */
  private delimitedArgument(delimiter: string): string {
    const end = this.text.slice(this.pos, this.pos + MAX_DELIMITED_LENGTH).indexOf(delimiter);
    if (end < 0) {
      return '';
    }
    const argument = this.text.slice(this.pos, this.pos + end);
    this.pos += end + delimiter.length;
    return argument;
  }

  /** A macro's body with its arguments substituted, decoded at this nesting level (bounded in depth and count). */
  private expand(macro: LatexMacro, math: boolean): string {
    if (this.budget.expansions <= 0 || this.nesting >= MAX_NESTING) {
      return '';
    }
    this.budget.expansions--;
    const args: string[] = [];
    let first = 0;
    if (macro.optionalDefault !== undefined) {
      first = 1;
      let pos = this.pos;
      while (pos < this.text.length && isSpace(this.text.charCodeAt(pos))) pos++;
      const close = this.text[pos] === '[' ? this.text.slice(pos, pos + MAX_OPTIONAL_LENGTH).indexOf(']') : -1;
      if (close >= 0) {
        args.push(this.text.slice(pos + 1, pos + close));
        this.pos = pos + close + 1;
      } else {
        args.push(macro.optionalDefault);
      }
    }
    for (let i = first; i < macro.parameters; i++) {
      const delimiter = macro.delimiters?.[i];
      args.push(delimiter ? this.delimitedArgument(delimiter) : this.rawArgument());
    }
    const expansion = substituteArguments(macro.body, args);
    this.budget.characters -= expansion.length;
    if (this.budget.characters < 0) {
      return '';
    }
    return new LatexDecoder(expansion, this.context, this.nesting + 1, this.budget).decodeAll(math).join('');
  }
}
