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

/** Aliases keyed by their lowercased first alphanumeric token, longest first, so the longest name wins. */
const BY_FIRST_TOKEN: ReadonlyMap<string, readonly CompiledAlias[]> = compileGazetteer(BENCHMARK_GAZETTEER);

const TOKEN = /[A-Za-z0-9]+/g;

/** Every benchmark-name mention in `text`, left to right, longest alias at each position, never overlapping. */
export function findBenchmarks(text: string): GazetteerHit[] {
  const hits: GazetteerHit[] = [];
  let coveredUntil = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const start = m.index;
    if (start < coveredUntil) continue;
    const candidates = BY_FIRST_TOKEN.get(m[0].toLowerCase());
    if (candidates === undefined) continue;
    for (const alias of candidates) {
      const end = start + alias.text.length;
      if (end > text.length) continue;
      const found = text.slice(start, end);
      if (alias.caseSensitive ? found !== alias.text : found.toLowerCase() !== alias.lower) continue;
      if (!isBoundary(text, end, alias.text)) continue;
      hits.push({ start, end, ruleId: alias.ruleId, canonical: alias.canonical, ambiguous: alias.ambiguous });
      coveredUntil = end;
      break;
    }
  }
  return hits;
}

/** The character after a name must not continue a word ("COCO" is not in "COCOA", "ETT" not in "ETTh1"). */
function isBoundary(text: string, end: number, alias: string): boolean {
  if (end >= text.length) return true;
  const next = text.charCodeAt(end);
  const isAlnum = (next >= 48 && next <= 57) || (next >= 65 && next <= 90) || (next >= 97 && next <= 122);
  if (isAlnum) return false;
  // "ImageNet-" followed by a suffix the list does not know ("ImageNet-Foo") is a different name.
  if (next === 45 /* - */ && !alias.endsWith('-')) {
    const after = text.charCodeAt(end + 1);
    if ((after >= 48 && after <= 57) || (after >= 65 && after <= 90) || (after >= 97 && after <= 122)) return false;
  }
  return true;
}

function compileGazetteer(gazetteer: Readonly<Record<string, readonly string[]>>): Map<string, CompiledAlias[]> {
  const map = new Map<string, CompiledAlias[]>();
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
          const key = `${caseSensitive ? 'cs' : 'ci'}:${caseSensitive ? variant : variant.toLowerCase()}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const first = /[A-Za-z0-9]+/.exec(variant)?.[0];
          if (first === undefined || !variant.startsWith(first)) continue;
          const alias: CompiledAlias = { text: variant, lower: variant.toLowerCase(), caseSensitive, ruleId, canonical, ambiguous };
          const bucket = map.get(first.toLowerCase()) ?? [];
          bucket.push(alias);
          map.set(first.toLowerCase(), bucket);
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
