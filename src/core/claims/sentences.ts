/** A sentence as a half-open UTF-16 range of the text it came from. */
export interface SentenceSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * Abbreviations that end in a period without ending the sentence ("et al.", "e.g.", "vs.").
 * Compared lowercased against the word before the period.
 */
const ABBREVIATIONS = new Set([
  'al', 'e.g', 'i.e', 'vs', 'cf', 'etc', 'fig', 'figs', 'eq', 'eqs', 'sec', 'no', 'approx', 'resp', 'seq', 'ref', 'refs',
  'dr', 'prof', 'mr', 'ms', 'st', 'vol', 'pp', 'tab', 'appx', 'ca', 'viz', 'params', 'max', 'min', 'avg', 'std', 'incl',
]);

/** A sentence can start with a capital, a digit, an opening bracket or quote, or a backslash (LaTeX). */
function canStartSentence(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 40 || code === 34 || code === 39 || code === 0x201c || code === 92 || code === 91;
}

/**
 * Splits an abstract into sentences. A sentence ends at `.`, `!` or `?` followed by whitespace and a sentence start;
 * abbreviations ("et al.", "e.g.", "i.e.", "vs.") and single initials do not end one, and "WHAM! and" does not
 * because a lowercase word follows.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = skipSpace(text, 0);
  // Jump between the next '.', '!' and '?' with indexOf (a fast native search) instead of testing every character.
  let dot = text.indexOf('.', start);
  let bang = text.indexOf('!', start);
  let question = text.indexOf('?', start);
  for (;;) {
    const i = nearest(nearest(dot, bang), question);
    if (i < 0) break;
    const ch = text.charCodeAt(i);
    if (i === dot) dot = text.indexOf('.', i + 1);
    else if (i === bang) bang = text.indexOf('!', i + 1);
    else question = text.indexOf('?', i + 1);
    const next = i + 1;
    if (next >= text.length || !isSpace(text.charCodeAt(next))) continue;
    const after = skipSpace(text, next);
    if (after >= text.length || !canStartSentence(text.charCodeAt(after))) continue;
    if (ch === 46 && endsWithAbbreviation(text, start, i)) continue;
    spans.push({ start, end: i + 1 });
    // Only spaces lie between the mark and `after`, so every pending search result is already at or past it.
    start = after;
  }
  const end = trimEnd(text, start, text.length);
  if (end > start) spans.push({ start, end });
  return spans;
}

/** The smaller of two indexOf results, -1 only when both are -1. */
function nearest(a: number, b: number): number {
  if (a < 0) return b;
  if (b < 0) return a;
  return a < b ? a : b;
}

function endsWithAbbreviation(text: string, sentenceStart: number, period: number): boolean {
  let wordStart = period;
  while (wordStart > sentenceStart && !isSpace(text.charCodeAt(wordStart - 1)) && text[wordStart - 1] !== '(') wordStart--;
  const word = text.slice(wordStart, period).toLowerCase();
  if (ABBREVIATIONS.has(word)) return true;
  // A single initial ("J. Smith") or a dotted abbreviation ("U.S.").
  return /^[a-z]$/.test(word) || /^(?:[a-z]\.)+[a-z]$/.test(word);
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 160;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && isSpace(text.charCodeAt(e - 1))) e--;
  return e;
}

/** Index of the sentence containing `offset` (binary search over sorted spans); -1 when none. */
export function sentenceIndexAt(spans: readonly SentenceSpan[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid];
    if (span === undefined) break;
    if (span.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}
