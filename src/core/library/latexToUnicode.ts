// LaTeX field values (as BibTeX stores them) to plain Unicode text.
// The symbol tables are citation-js's own, so both readers agree on every accent and command they share;
// the differential test (test/unit/library/bibtexDifferential.test.ts) documents where we deliberately differ.
import unicodeTables from '@citation-js/plugin-bibtex/lib/input/unicode.json';

/** The JSON has a few null placeholders (commands with no single-character form): leave those out. */
function symbolTable(table: Readonly<Record<string, string | null>>): Readonly<Record<string, string>> {
  return Object.fromEntries(Object.entries(table).filter((entry): entry is [string, string] => entry[1] !== null));
}

const diacritics = symbolTable(unicodeTables.diacritics);
const textCommands = symbolTable(unicodeTables.commands);
const greekCommands = symbolTable(unicodeTables.mathCommands);

/** Math operators citation-js leaves as raw TeX; abstracts about sequence models use them a lot. */
const mathSymbols: Readonly<Record<string, string>> = {
  ...greekCommands,
  leq: '≤', le: '≤', geq: '≥', ge: '≥', neq: '≠', ne: '≠', approx: '≈', sim: '∼', simeq: '≃', propto: '∝',
  times: '×', cdot: '·', cdots: '⋯', ldots: '…', dots: '…', pm: '±', mp: '∓', div: '÷', ast: '∗', star: '⋆',
  infty: '∞', partial: '∂', nabla: '∇', sum: '∑', prod: '∏', int: '∫', sqrt: '√', ell: 'ℓ', circ: '∘',
  in: '∈', notin: '∉', subset: '⊂', subseteq: '⊆', cup: '∪', cap: '∩', forall: '∀', exists: '∃',
  to: '→', rightarrow: '→', leftarrow: '←', Rightarrow: '⇒', mapsto: '↦', ll: '≪', gg: '≫',
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
  'operatorname', 'NoCaseChange', 'MakeUppercase', 'MakeLowercase', 'uppercase', 'lowercase',
]);
/** Declarations that switch style until the end of the group: `{\it text}`. */
const styleSwitches = new Set(['it', 'itshape', 'sl', 'slshape', 'em', 'bf', 'bfseries', 'sc', 'scshape', 'rm', 'sf', 'tt', 'upshape', 'normalfont']);
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
export function latexToUnicode(value: string): string {
  if (!NEEDS_DECODING.test(value)) {
    return value.trim();
  }
  // Pieces joined once: cheaper than growing a string piece by piece and flattening it.
  return trimPieces(new LatexDecoder(value).decodeAll()).join('');
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

/** Plain-text ligatures TeX applies inside a run of ordinary characters. */
function applyLigatures(run: string): string {
  if (!LIGATURE_TEST.test(run)) {
    return run;
  }
  return run.replace(LIGATURES, (ligature) => (ligature === '---' ? '—' : ligature === '--' ? '–' : ligature === '``' ? '“' : '”'));
}

/** A recursive-descent decoder over one value; `pos` only moves forward, so it always terminates. */
class LatexDecoder {
  private pos = 0;

  constructor(private readonly text: string) {}

  decodeAll(): string[] {
    const pieces: string[] = [];
    while (this.pos < this.text.length) {
      const piece = this.nextPiece(false);
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
    return applyLigatures(run);
  }

  /** `{...}`: protective braces vanish, their content is decoded. */
  private group(math: boolean): string {
    this.pos++;
    let out = '';
    while (this.pos < this.text.length && this.text.charCodeAt(this.pos) !== 125) {
      out += this.nextPiece(math);
    }
    this.pos++;
    return out;
  }

  /** The rest of the current group, for style switches like `{\it text}`. */
  private restOfGroup(math: boolean): string {
    let out = '';
    while (this.pos < this.text.length && this.text.charCodeAt(this.pos) !== 125) {
      out += this.nextPiece(math);
    }
    return out;
  }

  private mathUntilShift(): string {
    let out = '';
    while (this.pos < this.text.length && this.text.charCodeAt(this.pos) !== 36) {
      out += this.nextPiece(true);
    }
    this.pos++;
    return out;
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
    if (this.pos >= this.text.length) {
      return '';
    }
    return this.nextPiece(math);
  }

  private command(math: boolean): string {
    const text = this.text;
    const commandStart = this.pos;
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
    const symbol = textCommands[name] ?? (math ? mathSymbols[name] : greekCommands[name]);
    if (symbol !== undefined) {
      return symbol;
    }
    if (name === 'url') {
      return this.argument(math);
    }
    if (name === 'href') {
      const url = this.argument(math);
      this.argument(math);
      return url;
    }
    if (name === '\\' || name === ' ' || name === ',' || name === ';' || name === ':' || name === '!' || name === '/') {
      // Line breaks and TeX spacing commands are spacing, not text.
      return name === '/' || name === '!' ? '' : ' ';
    }
    if (name.length === 1 && '&%$#_{}'.includes(name)) {
      return name;
    }
    if (name === 'begin' || name === 'end') {
      this.argument(math); // the environment name
      return '';
    }
    // Unknown command: keep it as written rather than silently losing text.
    return text.slice(commandStart, this.pos);
  }
}
