import { foldAccents } from '../library/normalize';

const NOT_FOUND = -1;

/**
 * A fixed vocabulary of folded words (see `terms` in normalize.ts) that finds the words of a text by id without
 * allocating a string per word: the classifier's hot loop reads whole abstracts, and almost none of their words
 * are in the taxonomy.
 */
export class WordTable {
  private readonly words: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly byHash = new Map<number, number[]>();

  /** The id of `word` (already folded), added if new. */
  add(word: string): number {
    const known = this.ids.get(word);
    if (known !== undefined) return known;
    const id = this.words.length;
    this.words.push(word);
    this.ids.set(word, id);
    let hash = 0;
    for (let i = 0; i < word.length; i++) hash = (Math.imul(hash, 31) + word.charCodeAt(i)) | 0;
    const bucket = this.byHash.get(hash);
    if (bucket) bucket.push(id);
    else this.byHash.set(hash, [id]);
    return id;
  }

  /**
   * Appends to `out` one entry per word of `text`: its id, or -1 for a word not in the table. Words are runs of
   * ASCII letters and digits after folding accents and case; plurals fold as `foldPlural` does.
   */
  scan(text: string, out: number[]): void {
    const lower = foldAccents(text).toLowerCase();
    const length = lower.length;
    let i = 0;
    while (i < length) {
      let c = lower.charCodeAt(i);
      if (!isWordChar(c)) {
        i++;
        continue;
      }
      const start = i;
      while (i < length && isWordChar(lower.charCodeAt(i))) i++;
      const end = i;
      const size = end - start;
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
      out.push(this.find(hash, lower, start, baseEnd, addY));
    }
  }

  private find(hash: number, text: string, start: number, baseEnd: number, addY: boolean): number {
    const bucket = this.byHash.get(hash);
    if (bucket === undefined) return NOT_FOUND;
    const size = baseEnd - start + (addY ? 1 : 0);
    for (const id of bucket) {
      const word = this.words[id];
      if (word.length !== size) continue;
      let k = 0;
      while (k < baseEnd - start && word.charCodeAt(k) === text.charCodeAt(start + k)) k++;
      if (k === baseEnd - start && (!addY || word.charCodeAt(k) === 121)) return id;
    }
    return NOT_FOUND;
  }
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}
