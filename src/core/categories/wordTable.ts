import { foldAccents } from '../library/normalize';

const NOT_FOUND = -1;

/** What `scan` reports besides word ids when asked for marks: the punctuation that delimits sentences and clauses. */
export const Mark = {
  /** A word not in the table. */
  unknown: -1,
  /** '.', '!' or '?' before a space or the end, not after an abbreviation such as "e.g." or "et al.". */
  sentenceEnd: -2,
  /** ';' */
  clauseEnd: -3,
  openParen: -4,
  closeParen: -5,
  /** ',' */
  comma: -7,
  /** Comes just before the id of the per-call `name` word (a paper's own model name). */
  name: -6,
} as const;

export interface ScanOptions {
  /** Report sentence and clause punctuation as marks between the word ids. */
  readonly marks?: boolean;
  /** One extra folded word reported as `Mark.name` (with marks only), e.g. the model a paper is about. */
  readonly name?: string;
}

/**
 * A fixed vocabulary of folded words (see `terms` in normalize.ts) that finds the words of a text by id without
 * allocating a string per word: the classifier's hot loop reads whole abstracts, and almost none of their words
 * are in the taxonomy.
 */
export class WordTable {
  private readonly words: string[] = [];
  private readonly hashes: number[] = [];
  private readonly ids = new Map<string, number>();
  // Open addressing over the word hashes: a slot holds id + 1 (0 is empty). Kept under half full. Faster than a Map
  // in the scan, where every word of every abstract is looked up.
  private slots = new Int32Array(64);

  /** The id of `word` (already folded), added if new. */
  add(word: string): number {
    const known = this.ids.get(word);
    if (known !== undefined) return known;
    const id = this.words.length;
    this.words.push(word);
    this.ids.set(word, id);
    this.hashes.push(hashOf(word));
    if (2 * this.words.length > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2);
      for (let known = 0; known < this.words.length; known++) this.place(known);
    } else this.place(id);
    return id;
  }

  /**
   * Appends to `out` one entry per word of `text`: its id, or -1 for a word not in the table. Words are runs of
   * ASCII letters and digits after folding accents and case; plurals fold as `foldPlural` does.
   */
  scan(text: string, out: number[], options: ScanOptions = {}): void {
    const lower = foldAccents(text).toLowerCase();
    const length = lower.length;
    const marks = options.marks === true;
    const name = marks && options.name ? options.name : undefined;
    const nameHash = name === undefined ? 0 : hashOf(name);
    // Length of the last word when it had letters only: "e.g." and "et al." do not end sentences.
    let lastLettersOnly = 0;
    let i = 0;
    while (i < length) {
      let c = lower.charCodeAt(i);
      if (!isWordChar(c)) {
        if (marks) {
          if (c === 46 /* . */ || c === 33 /* ! */ || c === 63 /* ? */) {
            const next = i + 1 < length ? lower.charCodeAt(i + 1) : 32;
            if ((next === 32 || next === 10 || next === 13 || next === 9) && (lastLettersOnly === 0 || lastLettersOnly > 2)) {
              out.push(Mark.sentenceEnd);
            }
          } else if (c === 59 /* ; */) out.push(Mark.clauseEnd);
          else if (c === 44 /* , */) out.push(Mark.comma);
          else if (c === 40 /* ( */) out.push(Mark.openParen);
          else if (c === 41 /* ) */) out.push(Mark.closeParen);
          if (c !== 46) lastLettersOnly = 0;
        }
        i++;
        continue;
      }
      const start = i;
      let digits = false;
      while (i < length) {
        const ch = lower.charCodeAt(i);
        if (ch >= 97 && ch <= 122) i++;
        else if (ch >= 48 && ch <= 57) {
          digits = true;
          i++;
        } else break;
      }
      const end = i;
      const size = end - start;
      lastLettersOnly = digits ? 0 : size;
      // The folded word is lower[start, baseEnd) plus an optional 'y' (for "-ies").
      let baseEnd = end;
      let addY = false;
      c = lower.charCodeAt(end - 1);
      if (c === 115 /* s */) {
        if (size > 4 && lower.charCodeAt(end - 2) === 101 /* e */ && lower.charCodeAt(end - 3) === 105 /* i */) {
          baseEnd = end - 3;
          addY = true;
        } else if (size > 3 && lower.charCodeAt(end - 2) !== 115) {
          baseEnd = end - 1;
        }
      }
      let hash = 0;
      for (let k = start; k < baseEnd; k++) hash = (Math.imul(hash, 31) + lower.charCodeAt(k)) | 0;
      if (addY) hash = (Math.imul(hash, 31) + 121) | 0;
      if (name !== undefined && hash === nameHash && sameWord(name, lower, start, baseEnd, addY)) out.push(Mark.name);
      out.push(this.find(hash, lower, start, baseEnd, addY));
    }
  }

  private place(id: number): void {
    const mask = this.slots.length - 1;
    let slot = this.hashes[id] & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = id + 1;
  }

  private find(hash: number, text: string, start: number, baseEnd: number, addY: boolean): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; this.slots[slot] !== 0; slot = (slot + 1) & mask) {
      const id = this.slots[slot] - 1;
      if (this.hashes[id] === hash && sameWord(this.words[id], text, start, baseEnd, addY)) return id;
    }
    return NOT_FOUND;
  }
}

function hashOf(word: string): number {
  let hash = 0;
  for (let i = 0; i < word.length; i++) hash = (Math.imul(hash, 31) + word.charCodeAt(i)) | 0;
  return hash;
}

/** Whether `word` is text[start, baseEnd) followed by 'y' when `addY`. */
function sameWord(word: string, text: string, start: number, baseEnd: number, addY: boolean): boolean {
  if (word.length !== baseEnd - start + (addY ? 1 : 0)) return false;
  let k = 0;
  while (k < baseEnd - start && word.charCodeAt(k) === text.charCodeAt(start + k)) k++;
  return k === baseEnd - start && (!addY || word.charCodeAt(k) === 121);
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}
