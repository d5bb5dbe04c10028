import { foldAccents, normalizeTitle } from './normalize';
import { ITEMS_PER_STEP, runSteps, type Steps } from './steps';

/**
 * Title words a key skips, as Better BibTeX's `skipwords` (English, French, German, Italian, Spanish particles).
 * https://retorque.re/zotero-better-bibtex/citing/ — "skipwords".
 */
const SKIP_WORDS = new Set(`a ab aboard about above across after against al along amid among an and anti around as at before behind
below beneath beside besides between beyond but by d da das de del dell dello dei degli della delle dem den der des despite die do down
du during ein eine einem einen einer eines el en et except for from gli i il in inside into is l la las le les like lo los near nor of off
on onto or over past per plus round save since so some sur than the through to toward towards un una unas under underneath une unlike
uno unos until up upon versus via von while with within without yet zu zum`.split(/\s+/));

/** Name suffixes that are not a family name. */
const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** Pandoc: a key starts with a letter, digit or `_` and may hold alphanumerics, `_` and single internal punctuation. */
const PANDOC_KEY = /^[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*$/u;

/** Whether `key` can be cited as `[@key]` in Pandoc Markdown without braces. */
export function isValidCitationKey(key: string): boolean {
  return PANDOC_KEY.test(key);
}

/** What a key is made from. */
export interface KeySource {
  /** The source's own key (BibTeX, CSL-JSON id); kept when valid. */
  readonly key?: string;
  readonly title: string;
  readonly authors: readonly string[];
  readonly year?: number;
  /** Orders papers whose keys collide, so suffixes do not depend on input order. */
  readonly arxivId?: string;
  readonly doi?: string;
}

/** The family name of a display name: "Gu, Albert" → "Gu", "Jimmy T.H. Smith" → "Smith", "Ludwig van Beethoven" → "Beethoven". */
export function familyName(name: string): string {
  const comma = name.indexOf(',');
  if (comma >= 0) return name.slice(0, comma).trim().split(/\s+/).pop() ?? '';
  const parts = name.trim().split(/\s+/).filter((part) => part !== '');
  while (parts.length > 1 && NAME_SUFFIXES.has(parts[parts.length - 1].toLowerCase().replace(/\./g, ''))) parts.pop();
  return parts[parts.length - 1] ?? '';
}

/** Lower-case ASCII letters and digits only. */
function asciiWord(text: string): string {
  return foldAccents(text).toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Title words without skip words; hyphenated words stay one word ("Linear-Time" → "lineartime"), as in Better BibTeX. */
function significantTitleWords(title: string): string[] {
  return title.split(/\s+/).map(asciiWord).filter((word) => word !== '' && !SKIP_WORDS.has(word));
}

/**
 * The key a paper would get on its own, Better BibTeX style: the first author's family name, the year and the first
 * significant title word, lower-case ASCII (`gu2023mamba`). Without authors: the first three significant title words
 * and the year (`mambalineartimesequence2023`). Always a valid Pandoc key.
 */
export function baseCitationKey(source: KeySource): string {
  const titleWords = significantTitleWords(source.title);
  const year = source.year === undefined ? '' : String(source.year);
  const author = source.authors.length > 0 ? asciiWord(familyName(source.authors[0])) : '';
  const key = author !== ''
    ? `${author}${year}${titleWords[0] ?? ''}`
    : `${titleWords.slice(0, 3).join('')}${year}`;
  if (key === '') return 'paper';
  // A key that is only digits is valid Pandoc but reads as a number; give it a word.
  return /^[0-9]+$/.test(key) ? `paper${key}` : key;
}

/** `a`, `b`, … `z`, `aa`, `ab`, … */
function suffix(index: number): string {
  let text = '';
  let n = index;
  do {
    text = String.fromCharCode(97 + (n % 26)) + text;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return text;
}

export interface KeyAssignment {
  /** Keys in the order of the sources. */
  readonly keys: string[];
  /** Sources whose own key was invalid or taken, with the key they got instead. */
  readonly replaced: ReadonlyArray<{ readonly index: number; readonly ownKey: string; readonly key: string }>;
}

/**
 * Gives every source a key unique in the set. Valid own keys are kept (the first holder keeps a duplicate);
 * generated keys that collide get suffixes `a`, `b`, … in the order of arXiv id, DOI and title, so the same library
 * always gets the same keys whatever order it was read in. The first paper of a colliding group keeps the bare key.
 */
export function assignCitationKeys(sources: readonly KeySource[]): KeyAssignment {
  return runSteps(assignCitationKeysInSteps(sources));
}

/** `assignCitationKeys` as steps (see steps.ts), yielding every few hundred sources. */
export function* assignCitationKeysInSteps(sources: readonly KeySource[]): Steps<KeyAssignment> {
  const keys: string[] = new Array(sources.length);
  const taken = new Set<string>();
  const replaced: Array<{ index: number; ownKey: string; key: string }> = [];
  const generated: number[] = [];

  for (let index = 0; index < sources.length; index++) {
    if (index % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    const own = sources[index].key;
    if (own !== undefined && isValidCitationKey(own) && !taken.has(own)) {
      keys[index] = own;
      taken.add(own);
    } else {
      generated.push(index);
    }
  }

  const groups = new Map<string, number[]>();
  let count = 0;
  for (const index of generated) {
    if (++count % ITEMS_PER_STEP === 0) yield;
    const base = baseCitationKey(sources[index]);
    const group = groups.get(base);
    if (group) group.push(index);
    else groups.set(base, [index]);
  }
  for (const [base, group] of groups) {
    if (group.length > 1) {
      const identity = new Map(group.map((index) => [index, identityOf(sources[index])]));
      group.sort((a, b) => compareIdentity(identity.get(a)!, identity.get(b)!) || a - b);
    }
    let next = 0;
    group.forEach((index, position) => {
      let key = position === 0 && !taken.has(base) ? base : '';
      while (key === '' || taken.has(key)) key = `${base}${suffix(next++)}`;
      keys[index] = key;
      taken.add(key);
      const own = sources[index].key;
      if (own !== undefined) replaced.push({ index, ownKey: own, key });
    });
  }
  return { keys, replaced };
}

type Identity = readonly [string | undefined, string | undefined, string];

function identityOf(source: KeySource): Identity {
  return [source.arxivId, source.doi, normalizeTitle(source.title)];
}

function compareIdentity(a: Identity, b: Identity): number {
  return compareText(a[0], b[0]) || compareText(a[1], b[1]) || compareText(a[2], b[2]);
}

/** Defined before undefined, then code-unit order (locale-free so keys never depend on the machine). */
function compareText(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : 1;
}

