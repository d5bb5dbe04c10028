import { trieSource } from './regexTrie';
import { BENCHMARK_GAZETTEER } from './rules/benchmarkGazetteer';

/** One benchmark mention found in a text. */
export interface GazetteerHit {
  readonly start: number;
  readonly end: number;
  /** `benchmark.<domain>.<canonical name>` */
  readonly ruleId: string;
  readonly canonical: string;
  /** The name is also an ordinary word and needs dataset context to count. */
  readonly ambiguous: boolean;
}

interface CompiledAlias {
  readonly text: string;
  readonly lower: string;
  readonly caseSensitive: boolean;
  readonly ruleId: string;
  readonly canonical: string;
  readonly ambiguous: boolean;
}

const HASH_SEED = 2166136261 & 0x3fffffff;

/** Open-addressing table from the hash of a first token to its bucket in `BUCKETS`; -1 marks an empty cell. */
const TABLE_SIZE = 4096;
const TABLE_KEYS = new Int32Array(TABLE_SIZE).fill(-1);
const TABLE_BUCKETS = new Int32Array(TABLE_SIZE);
/** Every alias as the regex scan compares it (see `scanKey`). */
const SCAN_KEYS = new Set<string>();

/**
 * Aliases grouped by a hash of their lowercased first alphanumeric token, longest first, so the longest name wins.
 * Hashing the token in place (no substring, no toLowerCase) keeps the scan allocation-free; every candidate is
 * verified against the text, so a hash collision costs a comparison, never a wrong hit.
 */
const BUCKETS: readonly (readonly CompiledAlias[])[] = compileGazetteer(BENCHMARK_GAZETTEER);

/**
 * Where some alias starts, in any case: one regex of every alias, its alternatives merged into a trie so the engine
 * rejects most positions on their first character. It only proposes positions (a superset of the real hits); the
 * aliases of the word there are then verified exactly. Much faster than walking every word in JavaScript.
 * `\b` equals "the previous character is not alphanumeric" only where no underscore precedes, so a text with an
 * underscore takes the word-by-word path.
 */
const ALIAS_START = new RegExp(String.raw`\b${trieSource([...SCAN_KEYS])}`, 'gi');

/** Every benchmark-name mention in `text`, left to right, longest alias at each position, never overlapping. */
export function findBenchmarks(text: string): GazetteerHit[] {
  const hits: GazetteerHit[] = [];
  if (text.includes('_')) {
    for (let i = 0, coveredUntil = 0; i < text.length; ) {
      if (!isAlnumCode(text.charCodeAt(i))) {
        i++;
        continue;
      }
      const start = i;
      while (i < text.length && isAlnumCode(text.charCodeAt(i))) i++;
      if (start >= coveredUntil) coveredUntil = matchAt(text, start, i, hits, coveredUntil);
    }
    return hits;
  }
  ALIAS_START.lastIndex = 0;
  for (let m = ALIAS_START.exec(text); m !== null; m = ALIAS_START.exec(text)) {
    const start = m.index;
    let tokenEnd = start + 1;
    while (tokenEnd < text.length && isAlnumCode(text.charCodeAt(tokenEnd))) tokenEnd++;
    ALIAS_START.lastIndex = matchAt(text, start, tokenEnd, hits, tokenEnd);
  }
  return hits;
}

/**
 * Tries the aliases whose first token is `text[start, tokenEnd)`, longest first; pushes the first that matches with a
 * word boundary after it. Returns the end of that hit, or `otherwise` when none matches.
 */
function matchAt(text: string, start: number, tokenEnd: number, hits: GazetteerHit[], otherwise: number): number {
  let hash = HASH_SEED;
  for (let j = start; j < tokenEnd; j++) hash = hashStep(hash, text.charCodeAt(j));
  const bucket = lookupBucket(hash);
  if (bucket < 0) return otherwise;
  for (const alias of BUCKETS[bucket] ?? []) {
    const end = start + alias.text.length;
    if (end > text.length) continue;
    if (!matchesAt(text, start, alias)) continue;
    if (!isBoundary(text, end, alias.text)) continue;
    hits.push({ start, end, ruleId: alias.ruleId, canonical: alias.canonical, ambiguous: alias.ambiguous });
    return end;
  }
  return otherwise;
}

function lookupBucket(hash: number): number {
  for (let cell = hash & (TABLE_SIZE - 1); ; cell = (cell + 1) & (TABLE_SIZE - 1)) {
    const key = TABLE_KEYS[cell] ?? -1;
    if (key === hash) return TABLE_BUCKETS[cell] ?? -1;
    if (key === -1) return -1;
  }
}

function insertBucket(hash: number, bucket: number): void {
  let cell = hash & (TABLE_SIZE - 1);
  while (TABLE_KEYS[cell] !== -1) cell = (cell + 1) & (TABLE_SIZE - 1);
  TABLE_KEYS[cell] = hash;
  TABLE_BUCKETS[cell] = bucket;
}

/**
 * An alias as the case-insensitive scan sees it: the characters `matchesAt` compares, ASCII letters lowercased, so the
 * scan matches wherever the exact comparison can.
 */
function scanKey(alias: CompiledAlias): string {
  return (alias.caseSensitive ? alias.text : alias.lower).replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** FNV-1a over ASCII-lowercased char codes, kept within 30 bits so the hash stays a small integer (no boxing). */
function hashStep(hash: number, code: number): number {
  const lower = code >= 65 && code <= 90 ? code + 32 : code;
  return Math.imul(hash ^ lower, 16777619) & 0x3fffffff;
}

function hashToken(token: string): number {
  let hash = HASH_SEED;
  for (let i = 0; i < token.length; i++) hash = hashStep(hash, token.charCodeAt(i));
  return hash;
}

function isAlnumCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Compares in place (no substring): exactly, or ASCII-case-insensitively for case-insensitive aliases. */
function matchesAt(text: string, start: number, alias: CompiledAlias): boolean {
  const name = alias.caseSensitive ? alias.text : alias.lower;
  for (let k = 0; k < name.length; k++) {
    let code = text.charCodeAt(start + k);
    if (!alias.caseSensitive && code >= 65 && code <= 90) code += 32;
    if (code !== name.charCodeAt(k)) return false;
  }
  return true;
}

/** The character after a name must not continue a word ("COCO" is not in "COCOA", "ETT" not in "ETTh1"). */
function isBoundary(text: string, end: number, alias: string): boolean {
  if (end >= text.length) return true;
  const next = text.charCodeAt(end);
  if (isAlnumCode(next)) return false;
  // "ImageNet-" followed by a suffix the list does not know ("ImageNet-Foo") is a different name.
  if (next === 45 /* - */ && !alias.endsWith('-') && isAlnumCode(text.charCodeAt(end + 1))) return false;
  return true;
}

function compileGazetteer(gazetteer: Readonly<Record<string, readonly string[]>>): CompiledAlias[][] {
  const map = new Map<number, CompiledAlias[]>();
  const seen = new Set<string>();
  for (const [domain, entries] of Object.entries(gazetteer)) {
    for (const entry of entries) {
      const names = entry.split('|');
      const canonical = stripMarks(names[0] ?? entry);
      const ruleId = `benchmark.${domain}.${canonical}`;
      for (const raw of names) {
        const ambiguous = raw.startsWith('?');
        const forced = raw.startsWith('=');
        const name = stripMarks(raw);
        for (const variant of separatorVariants(name)) {
          const caseSensitive = ambiguous || forced || isAcronymLike(variant);
          const seenKey = `${caseSensitive ? 'cs' : 'ci'}:${caseSensitive ? variant : variant.toLowerCase()}`;
          if (seen.has(seenKey)) continue;
          seen.add(seenKey);
          const first = /[A-Za-z0-9]+/.exec(variant)?.[0];
          if (first === undefined || !variant.startsWith(first)) continue;
          const alias: CompiledAlias = { text: variant, lower: variant.toLowerCase(), caseSensitive, ruleId, canonical, ambiguous };
          SCAN_KEYS.add(scanKey(alias));
          const key = hashToken(first);
          const bucket = map.get(key) ?? [];
          bucket.push(alias);
          map.set(key, bucket);
        }
      }
    }
  }
  if (map.size > TABLE_SIZE / 2) throw new Error(`gazetteer: ${map.size} first tokens overfill the lookup table`);
  const buckets: CompiledAlias[][] = [];
  for (const [hash, bucket] of map) {
    bucket.sort((a, b) => b.text.length - a.text.length);
    insertBucket(hash, buckets.length);
    buckets.push(bucket);
  }
  return buckets;
}

function stripMarks(name: string): string {
  return name.replace(/^[?=]/, '');
}

/** At most 5 letters, or no lowercase letter at all: an acronym, matched exactly. */
function isAcronymLike(name: string): boolean {
  const letters = name.replace(/[^A-Za-z]/g, '');
  return letters.length <= 5 || !/[a-z]/.test(letters);
}

/** "Long Range Arena" also as "Long-Range-Arena" / "long-range arena"; "WikiText-103" also as "WikiText103". */
function separatorVariants(name: string): string[] {
  const parts = name.split(/([ -])/);
  const separators = parts.filter((_p, i) => i % 2 === 1);
  if (separators.length === 0 || separators.length > 4) return [name];
  const variants = new Set<string>([name]);
  const combos = 1 << separators.length;
  for (let mask = 0; mask < combos; mask++) {
    let out = parts[0] ?? '';
    for (let s = 0; s < separators.length; s++) {
      const nextPart = parts[2 * s + 2] ?? '';
      out += ((mask >> s) & 1 ? '-' : ' ') + nextPart;
    }
    variants.add(out);
  }
  // A hyphen before a number may be dropped: "PG-19" -> "PG19".
  for (const v of [...variants]) variants.add(v.replace(/-(?=\d)/g, ''));
  return [...variants];
}
