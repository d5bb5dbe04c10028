// The clean reading text of scraped titles and abstracts (issue #18): "5times" reads "5×", "93\%" reads "93%",
// "Oleft(n^{1.5}dright)" reads "O(n^1.5·d)". Claims are still extracted from the raw text; the offset map carries
// their spans over, so a highlight covers the same words in the clean text.
import { isTextArgumentCommand, latexSymbol } from '../library/latexToUnicode';

/** Which end of a span an offset is: inside a replaced piece, a start snaps to its beginning and an end to its end. */
export type SpanSide = 'start' | 'end';

export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * A raw text and its clean reading, with a map between their UTF-16 offsets. The raw text is cut into pieces that
 * are either kept (copied unchanged) or replaced (`5times` -> `5×`, `\%` -> `%`, `\textbf{` -> nothing); offsets
 * inside a kept piece map one to one, offsets inside a replaced piece snap to the piece's ends.
 */
export class ReadingText {
  /** Piece boundaries: piece i is raw [rawBounds[i], rawBounds[i+1]) and clean [cleanBounds[i], cleanBounds[i+1]). */
  private readonly rawBounds: readonly number[];
  private readonly cleanBounds: readonly number[];
  private readonly replaced: readonly boolean[];

  constructor(
    readonly raw: string,
    readonly text: string,
    pieces: ReadonlyArray<{ readonly rawEnd: number; readonly cleanEnd: number; readonly replaced: boolean }>,
  ) {
    const rawBounds = [0];
    const cleanBounds = [0];
    const replaced: boolean[] = [];
    for (const piece of pieces) {
      rawBounds.push(piece.rawEnd);
      cleanBounds.push(piece.cleanEnd);
      replaced.push(piece.replaced);
    }
    this.rawBounds = rawBounds;
    this.cleanBounds = cleanBounds;
    this.replaced = replaced;
  }

  /** True when the clean text is the raw text: nothing to map. */
  get unchanged(): boolean {
    return this.replaced.every((replaced) => !replaced);
  }

  /** The clean offset of a raw offset. */
  toClean(rawOffset: number, side: SpanSide): number {
    return mapOffset(rawOffset, side, this.rawBounds, this.cleanBounds, this.replaced);
  }

  /**
   * The raw offset of a clean offset. Where deleted markup (`\textbf{`, `\(`) sits at the offset, the tighter raw
   * offset is taken: a start after the markup, an end before it.
   */
  toRaw(cleanOffset: number, side: SpanSide): number {
    return mapOffset(cleanOffset, side, this.cleanBounds, this.rawBounds, this.replaced);
  }

  /** The clean span showing the words of a raw span (widened to whole replaced pieces). */
  cleanSpan(rawStart: number, rawEnd: number): TextSpan {
    const start = this.toClean(rawStart, 'start');
    return { start, end: Math.max(start, this.toClean(rawEnd, 'end')) };
  }

  /** The raw span behind a clean span. */
  rawSpan(cleanStart: number, cleanEnd: number): TextSpan {
    const start = this.toRaw(cleanStart, 'start');
    return { start, end: Math.max(start, this.toRaw(cleanEnd, 'end')) };
  }
}

/** Index of the last bound <= offset (bounds are non-decreasing). */
function lastBoundAtOrBefore(bounds: readonly number[], offset: number): number {
  let low = 0;
  let high = bounds.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (bounds[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Index of the first bound >= offset. */
function firstBoundAtOrAfter(bounds: readonly number[], offset: number): number {
  let low = 0;
  let high = bounds.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (bounds[middle]! >= offset) high = middle;
    else low = middle + 1;
  }
  return low;
}

function mapOffset(offset: number, side: SpanSide, from: readonly number[], to: readonly number[], replaced: readonly boolean[]): number {
  const clamped = Math.min(Math.max(offset, 0), from[from.length - 1]!);
  // Several bounds sit at one offset where pieces are empty on this side (deleted markup, seen from the clean text):
  // a start takes the last of them, an end the first, which keeps the mapped span tight.
  const first = firstBoundAtOrAfter(from, clamped);
  if (from[first] === clamped) return to[side === 'start' ? lastBoundAtOrBefore(from, clamped) : first]!;
  const piece = first - 1;
  if (!replaced[piece]) return to[piece]! + (clamped - from[piece]!);
  return side === 'start' ? to[piece]! : to[piece + 1]!;
}

const SUPERSCRIPTS: Readonly<Record<string, string>> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
  '+': '⁺', '-': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', a: 'ᵃ', b: 'ᵇ', c: 'ᶜ', d: 'ᵈ', e: 'ᵉ', f: 'ᶠ', g: 'ᵍ',
  h: 'ʰ', i: 'ⁱ', j: 'ʲ', k: 'ᵏ', l: 'ˡ', m: 'ᵐ', n: 'ⁿ', o: 'ᵒ', p: 'ᵖ', r: 'ʳ', s: 'ˢ', t: 'ᵗ', u: 'ᵘ', v: 'ᵛ',
  w: 'ʷ', x: 'ˣ', y: 'ʸ', z: 'ᶻ', T: 'ᵀ',
};
const SUBSCRIPTS: Readonly<Record<string, string>> = {
  '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉',
  '+': '₊', '-': '₋', '=': '₌', '(': '₍', ')': '₎', a: 'ₐ', e: 'ₑ', o: 'ₒ', x: 'ₓ', h: 'ₕ', k: 'ₖ', l: 'ₗ', m: 'ₘ',
  n: 'ₙ', s: 'ₛ', p: 'ₚ', t: 'ₜ', i: 'ᵢ', j: 'ⱼ', r: 'ᵣ', u: 'ᵤ', v: 'ᵥ',
};

/** Operator names scrapers leave without their backslash, read as symbols only right before a number ("approx 5"). */
const BARE_OPERATORS: Readonly<Record<string, string>> = { approx: '≈', sim: '∼', leq: '≤', geq: '≥' };

/**
 * Everything the reader rewrites, as one alternation scanned left to right. Context that a regex cannot see
 * (inside math or not, which braces belong to a dropped command, an open scraped `left(`) is kept by the scanner.
 */
const TOKEN = new RegExp(
  [
    String.raw`\\\(\s*`, // inline math opens: \( x \)
    String.raw`\s*\\\)`,
    String.raw`\\[%&#_$]`, // escaped specials: 93\%
    String.raw`\\[A-Za-z]+\s?`, // a command: \times, \textbf{, \left(
    String.raw`\\[,;:! ]`, // TeX spacing
    String.raw`\$`,
    String.raw`\^`,
    String.raw`_`,
    String.raw`[{}]`,
    String.raw`~`,
    String.raw`(?<=\d)times(?![A-Za-z])`, // scraped \times: 5times, 16times16
    String.raw`(?<=\d\s?)pm(?=\s?\d)`, // scraped \pm: 11.0 pm 1.3
    String.raw`(?<=[A-Za-z0-9])left(?=[(\[|])`, // scraped \left( after a letter: Oleft(
    String.raw`(?<=\S)right(?=[)\]|])`, // scraped \right)
    String.raw`(?<![A-Za-z])(?:approx|sim|leq|geq)(?=\s?\d)`,
  ].join('|'),
  'g',
);

/** A quick test for text with nothing to rewrite, which is most titles and many abstracts. */
const MAY_NEED_READING = /[\\$^_{}~]|\dtimes|\d\s?pm|left[([|]|(?:approx|sim|leq|geq)\s?\d/;

/** How far a `$` looks for its closing `$` before it is read as a plain dollar sign. */
const MAX_MATH_LENGTH = 300;

class Reader {
  private readonly out: string[] = [];
  private readonly pieces: { rawEnd: number; cleanEnd: number; replaced: boolean }[] = [];
  private rawPos = 0;
  private cleanLength = 0;
  private math: 'none' | 'dollar' | 'paren' = 'none';
  private braceDepth = 0;
  /** Brace depths whose closing brace belongs to a dropped command (`\textbf{`) and goes with it. */
  private readonly droppedBraces: number[] = [];
  private openScrapedLefts = 0;

  constructor(private readonly raw: string) {}

  read(): ReadingText {
    const raw = this.raw;
    TOKEN.lastIndex = 0;
    for (let match = TOKEN.exec(raw); match !== null; match = TOKEN.exec(raw)) {
      if (match.index < this.rawPos) {
        TOKEN.lastIndex = this.rawPos;
        continue;
      }
      const handled = this.token(match[0], match.index);
      if (!handled) TOKEN.lastIndex = match.index + 1;
      else TOKEN.lastIndex = this.rawPos;
    }
    this.keepUntil(raw.length);
    return new ReadingText(raw, this.out.join(''), this.pieces);
  }

  /** Copies raw text up to `end` unchanged. */
  private keepUntil(end: number): void {
    if (end <= this.rawPos) return;
    const text = this.raw.slice(this.rawPos, end);
    this.out.push(text);
    this.cleanLength += text.length;
    const previous = this.pieces[this.pieces.length - 1];
    // Neighbouring kept runs are one piece.
    if (previous !== undefined && !previous.replaced) {
      previous.rawEnd = end;
      previous.cleanEnd = this.cleanLength;
    } else {
      this.pieces.push({ rawEnd: end, cleanEnd: this.cleanLength, replaced: false });
    }
    this.rawPos = end;
  }

  /** Replaces raw [start, end) with `text`. */
  private replace(start: number, end: number, text: string): true {
    this.keepUntil(start);
    this.out.push(text);
    this.cleanLength += text.length;
    this.pieces.push({ rawEnd: end, cleanEnd: this.cleanLength, replaced: true });
    this.rawPos = end;
    return true;
  }

  /** Rewrites one token at `start`; false leaves it as text. */
  private token(token: string, start: number): boolean {
    const end = start + token.length;
    const inMath = this.math !== 'none';
    const first = token[0]!;
    if (token.startsWith('\\(')) {
      if (inMath) return false;
      this.math = 'paren';
      return this.replace(start, end, '');
    }
    if (token.endsWith('\\)')) {
      if (this.math !== 'paren') return false;
      this.math = 'none';
      this.braceDepth = 0;
      return this.replace(start, end, '');
    }
    if (first === '\\') return this.command(token, start, end);
    if (first === '$') return this.dollar(start);
    if (first === '^' || first === '_') return this.script(first === '^', start);
    if (first === '{' || first === '}') return this.brace(first === '{', start);
    if (first === '~') {
      if (/\d/.test(this.raw[start - 1] ?? '') && /\d/.test(this.raw[start + 1] ?? '')) return this.replace(start, end, '–');
      return inMath ? this.replace(start, end, ' ') : false;
    }
    if (token === 'times') return this.replace(start, end, '×');
    if (token === 'pm') return this.replace(start, end, '±');
    if (token === 'left') {
      this.openScrapedLefts++;
      return this.replace(start, end, '');
    }
    if (token === 'right') {
      if (this.openScrapedLefts === 0) return false;
      this.openScrapedLefts--;
      return this.replace(start, end, '');
    }
    const operator = BARE_OPERATORS[token];
    return operator === undefined ? false : this.replace(start, end, operator);
  }

  private command(token: string, start: number, end: number): boolean {
    const name = token.slice(1).trimEnd();
    if (name.length === 1 && '%&#_$'.includes(name)) return this.replace(start, end, name);
    if (name === '' || ',;:! '.includes(name)) return this.replace(start, end, name === '!' ? '' : ' ');
    // The space a control word swallows stays in the text when the command is kept as text: "\alpha n" -> "α n".
    const nameEnd = start + 1 + name.length;
    if (name === 'left' || name === 'right') return this.replace(start, nameEnd, '');
    if (isTextArgumentCommand(name) && this.raw[nameEnd] === '{') {
      this.braceDepth++;
      this.droppedBraces.push(this.braceDepth);
      return this.replace(start, nameEnd + 1, '');
    }
    const symbol = latexSymbol(name);
    if (symbol === undefined) return false;
    return this.replace(start, nameEnd, symbol);
  }

  /**
   * A `$` opens math only as Pandoc's `tex_math_dollars` reads it: a non-space right after the opening `$`, and a
   * closing `$` within the paragraph with a non-space right before it and no digit right after it. So "$(alert) $(zap)"
   * and "$5 or $10" stay as written. The pair is dropped.
   */
  private dollar(start: number): boolean {
    if (this.math === 'dollar') {
      this.math = 'none';
      this.braceDepth = 0;
      return this.replace(start, start + 1, '');
    }
    if (this.math === 'paren') return this.replace(start, start + 1, '');
    const closing = this.closingDollar(start);
    if (closing === undefined) return false;
    this.math = 'dollar';
    return this.replace(start, start + 1, '');
  }

  private closingDollar(open: number): number | undefined {
    const raw = this.raw;
    if (/\s/.test(raw[open + 1] ?? ' ')) return undefined;
    for (let close = raw.indexOf('$', open + 2); close >= 0 && close - open <= MAX_MATH_LENGTH; close = raw.indexOf('$', close + 1)) {
      if (raw.slice(open, close).includes('\n\n')) return undefined;
      const before = raw[close - 1]!;
      if (/\s/.test(before) || before === '\\' || /\d/.test(raw[close + 1] ?? '')) continue;
      return close;
    }
    return undefined;
  }

  /**
   * `^2` -> ², `^{1.5}` -> ^1.5 (no Unicode form), then `·` when a letter follows, so `n^{1.5}d` reads `n^1.5·d`.
   * Outside math a script needs something to sit on, and takes a run of digits (`10^23`); `_` only counts in math.
   */
  private script(superscript: boolean, start: number): boolean {
    const raw = this.raw;
    const inMath = this.math !== 'none';
    if (!superscript && !inMath) return false;
    if (!inMath && !/[A-Za-z0-9)\]}]/.test(raw[start - 1] ?? '')) return false;
    let operand: string;
    let end: number;
    if (raw[start + 1] === '{') {
      const close = raw.indexOf('}', start + 2);
      if (close < 0 || close - start > 24) return false;
      operand = raw.slice(start + 2, close);
      if (operand === '' || /[\\{$]/.test(operand)) return false;
      end = close + 1;
    } else {
      const run = inMath ? /^[A-Za-z0-9]/.exec(raw.slice(start + 1, start + 2)) : /^(?:\d+|[A-Za-z](?![A-Za-z]))/.exec(raw.slice(start + 1, start + 12));
      if (run === null) return false;
      operand = run[0];
      end = start + 1 + operand.length;
    }
    const table = superscript ? SUPERSCRIPTS : SUBSCRIPTS;
    const chars = [...operand];
    const mapped = chars.every((char) => table[char] !== undefined)
      ? chars.map((char) => table[char]).join('')
      : `${superscript ? '^' : '_'}${operand}`;
    const joiner = /[A-Za-z]/.test(raw[end] ?? '') ? '·' : '';
    return this.replace(start, end, mapped + joiner);
  }

  /** Braces of a dropped command go with it; in math, grouping braces go; other braces are text. */
  private brace(open: boolean, start: number): boolean {
    if (open) {
      this.braceDepth++;
      return this.math !== 'none' ? this.replace(start, start + 1, '') : false;
    }
    const depth = this.braceDepth;
    this.braceDepth = Math.max(0, depth - 1);
    if (this.droppedBraces.length > 0 && this.droppedBraces[this.droppedBraces.length - 1] === depth) {
      this.droppedBraces.pop();
      return this.replace(start, start + 1, '');
    }
    return this.math !== 'none' ? this.replace(start, start + 1, '') : false;
  }
}

/**
 * The clean reading text of a scraped title or abstract, with its offset map: `5times` -> `5×`, `16times16` ->
 * `16×16`, `93\%` -> `93%`, `11.0 pm 1.3` -> `11.0 ± 1.3`, `10~30%` -> `10–30%`, `Oleft(n^{1.5}dright)` ->
 * `O(n^1.5·d)`, `O(N^2)` -> `O(N²)`, `\textbf{Mamba}` -> `Mamba`, and inline math (`$\times$`, `$O(n^2)$`,
 * `\( A \)`) -> its Unicode reading. Text that is already clean comes back unchanged. Never throws.
 */
export function readingText(raw: string): ReadingText {
  if (!MAY_NEED_READING.test(raw)) return new ReadingText(raw, raw, raw.length > 0 ? [{ rawEnd: raw.length, cleanEnd: raw.length, replaced: false }] : []);
  return new Reader(raw).read();
}

/** The clean reading text alone, for titles, sentences and any text shown without highlights. */
export function displayText(raw: string): string {
  return MAY_NEED_READING.test(raw) ? new Reader(raw).read().text : raw;
}
