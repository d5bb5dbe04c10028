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

/** Lowercased first two characters of every first token: most words of an abstract are rejected by this alone. */
const FIRST_TWO_CHARS = new Uint8Array(128 * 129);

/**
 * Aliases keyed by a hash of their lowercased first alphanumeric token, longest first, so the longest name wins.
 * Hashing the token in place (no substring, no toLowerCase) keeps the scan allocation-free; every candidate is
 * verified against the text, so a hash collision costs a comparison, never a wrong hit.
 */
const BY_FIRST_TOKEN: ReadonlyMap<number, readonly CompiledAlias[]> = compileGazetteer(BENCHMARK_GAZETTEER);

/** Every benchmark-name mention in `text`, left to right, longest alias at each position, never overlapping. */
export function findBenchmarks(text: string): GazetteerHit[] {
  const hits: GazetteerHit[] = [];
  let coveredUntil = 0;
  const length = text.length;
  let i = 0;
  while (i < length) {
    if (!isAlnumCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    i++;
    while (i < length && isAlnumCode(text.charCodeAt(i))) i++;
    if (start < coveredUntil || !FIRST_TWO_CHARS[prefixSlot(text, start, i)]) continue;
    let hash = HASH_SEED;
    for (let j = start; j < i; j++) hash = hashStep(hash, text.charCodeAt(j));
    const candidates = BY_FIRST_TOKEN.get(hash);
    if (candidates === undefined) continue;
    for (const alias of candidates) {
      const end = start + alias.text.length;
      if (end > text.length) continue;
      if (!matchesAt(text, start, alias)) continue;
      if (!isBoundary(text, end, alias.text)) continue;
      hits.push({ start, end, ruleId: alias.ruleId, canonical: alias.canonical, ambiguous: alias.ambiguous });
      coveredUntil = end;
      break;
    }
  }
  return hits;
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

/** Slot of a token's first two ASCII-lowercased chars (a one-char token uses slot 128 for its second char). */
function prefixSlot(text: string, start: number, end: number): number {
  const first = text.charCodeAt(start) | 32;
  const second = end - start > 1 ? text.charCodeAt(start + 1) : 0;
  const lowerSecond = second >= 65 && second <= 90 ? second + 32 : second === 0 ? 128 : second;
  return (first & 127) * 129 + lowerSecond;
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

function compileGazetteer(gazetteer: Readonly<Record<string, readonly string[]>>): Map<number, CompiledAlias[]> {
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
          FIRST_TWO_CHARS[prefixSlot(first, 0, first.length)] = 1;
          const key = hashToken(first);
          const bucket = map.get(key) ?? [];
          bucket.push(alias);
          map.set(key, bucket);
        }
      }
    }
  }
  for (const bucket of map.values()) bucket.sort((a, b) => b.text.length - a.text.length);
  return map;
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
