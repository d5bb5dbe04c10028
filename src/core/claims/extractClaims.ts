import type { Claim, ClaimKind } from './claim';
import { findBenchmarks, type GazetteerHit } from './gazetteerMatcher';
import { expandFragments } from './rules/fragments';
import { PATTERN_RULES, type PatternRule } from './rules/patternRules';
import { sentenceIndexAt, splitSentences, type SentenceSpan } from './sentences';
import { trieSource } from './regexTrie';
import { parseValues, unitFromValueText } from './values';

/** What follows the first number of a value: a multiplier, a percentage, a size, or nothing special. */
type ValueClass = 'x' | '%' | 'size' | 'plain';

interface CompiledRule {
  readonly rule: PatternRule;
  readonly regex: RegExp;
  /** The value classes the rule's match can start with; undefined when any number may start it. */
  readonly startsWith?: ReadonlySet<ValueClass>;
  /** Indexes into `PREFILTER_WORDS` of the rule's `requires` words. */
  readonly requires?: readonly number[];
}

/** The value class each leading fragment stands for; NUM may be any number. */
const FRAGMENT_CLASS: Readonly<Record<string, ValueClass | undefined>> = { MULT: 'x', PCT: '%', SIZE: 'size', NUM: undefined };

/** Every rule compiled once, at module load: number-anchored rules as sticky regexes with their context behind. */
const NUMBER_RULES: readonly CompiledRule[] = PATTERN_RULES.filter((rule) => (rule.anchor ?? 'number') === 'number').map(
  (rule) => ({ rule, regex: compileRule(rule, 'y'), startsWith: valueClassesAtStart(rule.pattern) }),
);
/**
 * The `requires` words of the text rules and the words that can make an abstract a survey, longest first. Found in
 * one case-insensitive pass (`findPrefilterWords`) instead of one `includes` per word on a lowercased copy.
 */
const PREFILTER_WORDS: readonly string[] = [
  ...new Set([...PATTERN_RULES.flatMap((rule) => rule.requires ?? []), 'survey', 'review']),
].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
const SURVEY_WORDS = [PREFILTER_WORDS.indexOf('survey'), PREFILTER_WORDS.indexOf('review')] as const;
/** For each word, the words that are prefixes of it (itself included): found wherever it is found. */
const PREFILTER_PREFIXES: readonly (readonly number[])[] = PREFILTER_WORDS.map((word) =>
  PREFILTER_WORDS.flatMap((other, j) => (word.startsWith(other) ? [j] : [])),
);
const PREFILTER_INDEX: ReadonlyMap<string, number> = new Map(PREFILTER_WORDS.map((word, i) => [word, i]));
const PREFILTER = compilePrefilter(PREFILTER_WORDS);
const TEXT_RULES: readonly CompiledRule[] = PATTERN_RULES.filter((rule) => rule.anchor === 'text').map((rule) => ({
  rule,
  regex: compileRule(rule, 'g'),
  ...(rule.requires === undefined ? {} : { requires: rule.requires.map((word) => PREFILTER_INDEX.get(word) ?? -1) }),
}));

/**
 * The prefilter words as one trie regex, matched ASCII-case-insensitively: for lowercase ASCII words that finds what
 * `text.toLowerCase().includes(word)` finds, except through the Kelvin sign and the dotted capital I, the only other
 * characters that lowercase to ASCII (no current word has a "k" or ends in "i").
 */
function compilePrefilter(words: readonly string[]): RegExp {
  for (const word of words) {
    if (!/^[\x20-\x7e]+$/.test(word) || word !== word.toLowerCase()) throw new Error(`claim rule prefilter word "${word}" must be lowercase ASCII`);
  }
  return new RegExp(trieSource(words), 'gi');
}

/**
 * 1 at the index of every prefilter word the text contains. Every match restarts one character later, so
 * overlapping occurrences (" than over ") are all seen; the trie matches the longest word at a place, so a shorter
 * one starting there is one of its prefixes and is marked with it.
 */
function findPrefilterWords(text: string): Uint8Array {
  const present = new Uint8Array(PREFILTER_WORDS.length);
  PREFILTER.lastIndex = 0;
  for (let m = PREFILTER.exec(text); m !== null; m = PREFILTER.exec(text)) {
    for (const j of PREFILTER_PREFIXES[PREFILTER_INDEX.get(m[0].toLowerCase()) ?? -1] ?? []) present[j] = 1;
    PREFILTER.lastIndex = m.index + 1;
  }
  return present;
}
/** Where number-anchored rules are tried: the start of every number. */
const NUMBER_START = /\d+(?:,\d{3})*(?:\.\d+)?/g;
/** The value at an anchor, through an optional range, and the sign after it that gives its class. */
const VALUE_AT_ANCHOR = /\d+(?:,\d{3})*(?:\.\d+)?(?:\s?(?:-|–|~|∼|to|\/)\s?\d+(?:,\d{3})*(?:\.\d+)?)?\s?(?<c>times|[xX×]|\$\s?\\times|\\times|%|\\%|percent|billion|million|thousand|trillion|[KMBTk])?/y;

/**
 * The classes a pattern's value can start with, read from its leading `(?<v>{MULT}|{PCT}...` alternatives, so an
 * anchor followed by "%" never tries the multiplier rules. Undefined (try always) when a plain number may start it.
 */
function valueClassesAtStart(pattern: string): ReadonlySet<ValueClass> | undefined {
  const lead = /^\(\?<v>((?:\{[A-Z]+\}\|?)+)/.exec(pattern);
  if (lead === null) return undefined;
  const classes = new Set<ValueClass>();
  for (const name of (lead[1] ?? '').split('|').map((f) => f.replace(/[{}]/g, '')).filter(Boolean)) {
    const valueClass = FRAGMENT_CLASS[name];
    if (valueClass === undefined) return undefined;
    classes.add(valueClass);
  }
  return classes;
}

function valueClassAt(text: string, index: number): ValueClass {
  VALUE_AT_ANCHOR.lastIndex = index;
  const sign = VALUE_AT_ANCHOR.exec(text)?.groups?.c;
  if (sign === undefined) return 'plain';
  if (sign === '%' || sign === '\\%' || sign === 'percent') return '%';
  if (/^(?:times|[xX×]|\$\s?\\times|\\times)$/.test(sign)) return 'x';
  return 'size';
}

function compileRule(rule: PatternRule, flags: string): RegExp {
  const before = rule.before === undefined ? '' : `(?<=(?<pre>${expandFragments(rule.before)}))`;
  return new RegExp(before + expandFragments(rule.pattern), rule.ignoreCase ? `${flags}i` : flags);
}

/** "than Transformers", "over FlashAttention-2", "compared with tensor parallelism", right after a claim. */
const BASELINE_TAIL = new RegExp(
  expandFragments(String.raw`\s+(?:than|over|compared\s+(?:to|with)|relative\s+to|against|vs\.?)\s+(?<b>{BASE})`),
  'y',
);
/** A hedge that ends right where a claim starts: "up to |5times faster". */
const QUALIFIER_BEFORE = new RegExp(`(?:^|[^A-Za-z])(?<q>${expandFragments('{QUAL}')})$`);
/** "Compared with tensor parallelism, ..." at the start of a sentence: the baseline of every claim in it. */
const LEADING_BASELINE = /^(?:Compared\s+(?:to|with)|Relative\s+to|Against)\s+([^,]{2,60}),/;
/** Percent or decimal value right before "on (the) <benchmark>": "66.2% on Something-Something V2". */
const VALUE_BEFORE_BENCHMARK = new RegExp(expandFragments(String.raw`(?<v>{PCT}|\d+\.\d+)\s+on\s+(?:the\s+)?$`));
/** Code and project links; trailing punctuation is trimmed afterwards. */
const URL = /\bhttps?:\/\/[^\s<>"'`{}|\\^]+|\b(?:www\.|github\.com\/|gitlab\.com\/|huggingface\.co\/)[^\s<>"'`{}|\\^]+/g;
/** Big-O: "O(L log L)", "Oleft(n^{1.5}dright)", "$O(n)$", "O($L\log L$)", "\mathcal{O}(n)". */
const BIG_O_START = /(?:\\mathcal\{O\}|\bO)\s?(?:\\left|left)?\(/g;
/** A survey reports no claims of its own (benchmarks and links still count). */
const SURVEY = /\b(?:this|our|the present)\s+(?:survey|review)\b|\bwe\s+(?:survey|review)\b/i;
/** First-person or "proposed": the sentence is about the paper's own method. */
const OWN_METHOD = /\b(?:we|our|us|ours|proposed|this (?:paper|work))\b/i;
/** Background: the sentence is about other work. */
const BACKGROUND = /\b(?:suffers?|hinder\w*|limit\w*|bottleneck\w*|however|although|despite|existing|prior|previous|conventional|traditional|such as|e\.g\.|garnered)\b/i;
/** Dataset context for names that are also ordinary words ("Weather", "Breakfast"). */
const DATASET_CONTEXT = /\b(?:datasets?|benchmarks?|corpus|corpora|val(?:idation)? sets?|test sets?|splits?)\b/i;
/** A big-O expression that is quadratic or worse describes the baseline, not an efficiency claim. */
const QUADRATIC_OR_WORSE = /\^\s?\{?\s?(?:[2-9]|\d{2})/;

const NUMERIC_KINDS: ReadonlySet<ClaimKind> = new Set(['speedup', 'reduction', 'result', 'scale']);
const SURVEY_SUPPRESSED: ReadonlySet<ClaimKind> = new Set(['speedup', 'reduction', 'result', 'scale', 'complexity', 'comparison']);

interface Draft {
  kind: ClaimKind;
  start: number;
  end: number;
  values: number[];
  unit?: string;
  qualifier?: string;
  measure?: string;
  baseline?: string;
  ruleId: string;
}

/**
 * Extracts the claims an abstract makes: speedups, reductions, results, complexity, scale, benchmarks, code links
 * and comparisons. Pure and deterministic; never throws on any string. Claims are sorted by start offset and
 * `abstract.slice(claim.start, claim.end) === claim.text`. Overlapping claims of the same kind are resolved to the
 * longest one; claims of different kinds may overlap ("99% at 1.3B params" is a result that contains a scale).
 */
export function extractClaims(abstract: string): Claim[] {
  if (abstract.length === 0) return [];
  const sentences = splitSentences(abstract);
  const present = findPrefilterWords(abstract);
  const isSurvey = (present[SURVEY_WORDS[0]] === 1 || present[SURVEY_WORDS[1]] === 1) && SURVEY.test(abstract);
  const drafts: Draft[] = [];

  collectNumberRules(abstract, NUMBER_RULES, drafts);
  for (const compiled of TEXT_RULES) {
    if (compiled.requires === undefined || compiled.requires.some((word) => present[word] === 1)) collectTextRule(abstract, compiled, drafts);
  }
  collectBigO(abstract, drafts);
  collectUrls(abstract, drafts);
  collectBenchmarks(abstract, sentences, drafts);

  extendResultsToTheirBenchmark(abstract, drafts);
  const kept = drafts.filter((draft) => keepDraft(abstract, sentences, draft, isSurvey));
  const resolved = resolveOverlaps(kept);
  const withoutShadowedComparisons = dropComparisonsInsideNumericClaims(resolved);
  return withoutShadowedComparisons.map((draft) => toClaim(abstract, sentences, draft));
}

function collectNumberRules(text: string, rules: readonly CompiledRule[], out: Draft[]): void {
  NUMBER_START.lastIndex = 0;
  for (let n = NUMBER_START.exec(text); n !== null; n = NUMBER_START.exec(text)) {
    const valueClass = valueClassAt(text, n.index);
    for (const compiled of rules) {
      if (compiled.startsWith !== undefined && !compiled.startsWith.has(valueClass)) continue;
      compiled.regex.lastIndex = n.index;
      const m = compiled.regex.exec(text);
      if (m !== null) addMatch(text, compiled.rule, m, out);
    }
  }
}

function collectTextRule(text: string, { rule, regex }: CompiledRule, out: Draft[]): void {
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    if (m[0].length === 0) regex.lastIndex++;
    else addMatch(text, rule, m, out);
  }
}

function addMatch(text: string, rule: PatternRule, m: RegExpExecArray, out: Draft[]): void {
  {
    const groups = m.groups ?? {};
    const valueText = groups.v ?? m[0];
    if (rule.needsPreciseValue && !/\d\.\d|%/.test(valueText)) return;
    let end = m.index + m[0].length;
    let baseline = cleanBaseline(groups.b);
    if (rule.baselineTail && baseline === undefined) {
      BASELINE_TAIL.lastIndex = end;
      const tail = BASELINE_TAIL.exec(text);
      if (tail !== null) {
        baseline = cleanBaseline(tail.groups?.b);
        end = BASELINE_TAIL.lastIndex;
      }
    }
    // The context matched behind the anchor joins the span (from its `s` group when it names one).
    let start = m.index - (groups.s ?? groups.pre ?? '').length;
    let qualifier = groups.q;
    if (rule.qualifierBefore) {
      const before = QUALIFIER_BEFORE.exec(text.slice(Math.max(0, start - 24), start));
      if (before?.groups?.q !== undefined) {
        qualifier = before.groups.q;
        start -= qualifier.length;
      }
    }
    const unit = rule.unit === 'auto' ? unitFromValueText(valueText) : rule.unit;
    out.push({
      kind: rule.kind,
      start,
      end: trimClaimEnd(text, start, end),
      values: parseValues(valueText),
      unit,
      qualifier: cleanQualifier(qualifier),
      measure: normaliseMeasure(rule, groups.m),
      baseline,
      ruleId: rule.id,
    });
  }
}

function collectBigO(text: string, out: Draft[]): void {
  BIG_O_START.lastIndex = 0;
  for (let m = BIG_O_START.exec(text); m !== null; m = BIG_O_START.exec(text)) {
    const end = closeBigO(text, m.index + m[0].length);
    if (end < 0) continue;
    let start = m.index;
    let claimEnd = end;
    // "$O(n)$": keep the math delimiters with the expression.
    if (start > 0 && text[start - 1] === '$' && text[claimEnd] === '$') {
      start--;
      claimEnd++;
    }
    const expression = text.slice(m.index, end);
    out.push({
      kind: 'complexity',
      start,
      end: claimEnd,
      values: [],
      measure: 'asymptotic cost',
      ruleId: QUADRATIC_OR_WORSE.test(expression) ? 'complexity.big-o-quadratic' : 'complexity.big-o',
    });
    BIG_O_START.lastIndex = end;
  }
}

/** Index just past the parenthesis that closes a big-O opened before `from`; -1 when it does not close nearby. */
function closeBigO(text: string, from: number): number {
  let depth = 1;
  const limit = Math.min(text.length, from + 60);
  for (let i = from; i < limit; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth === 0) return i + 1;
    } else if (ch === '.' && text[i + 1] === ' ') return -1;
  }
  return -1;
}

function collectUrls(text: string, out: Draft[]): void {
  URL.lastIndex = 0;
  for (let m = URL.exec(text); m !== null; m = URL.exec(text)) {
    const end = trimUrlEnd(m[0]);
    if (end < 8) continue;
    out.push({ kind: 'code', start: m.index, end: m.index + end, values: [], ruleId: 'code.url' });
  }
}

/** Drops trailing sentence punctuation and an unbalanced closing bracket: "…/LMUFormer.git." -> "…/LMUFormer.git". */
function trimUrlEnd(url: string): number {
  let end = url.length;
  for (;;) {
    const last = url[end - 1];
    if (last === undefined) return end;
    if ('.,;:!?\'"'.includes(last)) {
      end--;
      continue;
    }
    if (last === ')' || last === ']') {
      const open = last === ')' ? '(' : '[';
      const body = url.slice(0, end);
      if (body.split(open).length - 1 < body.split(last).length - 1) {
        end--;
        continue;
      }
    }
    return end;
  }
}

function collectBenchmarks(text: string, sentences: readonly SentenceSpan[], out: Draft[]): void {
  const hits = findBenchmarks(text);
  const sentenceOf = hits.map((hit) => sentenceIndexAt(sentences, hit.start));
  hits.forEach((hit, i) => {
    if (hit.ambiguous && !ambiguousNameHasContext(text, sentences, hits, sentenceOf, i)) return;
    out.push({ kind: 'benchmark', start: hit.start, end: hit.end, values: [], measure: hit.canonical, ruleId: hit.ruleId });
    collectValueBeforeBenchmark(text, hit, out);
  });
}

function ambiguousNameHasContext(
  text: string,
  sentences: readonly SentenceSpan[],
  hits: readonly GazetteerHit[],
  sentenceOf: readonly number[],
  index: number,
): boolean {
  const sentence = sentences[sentenceOf[index] ?? -1];
  if (sentence !== undefined && DATASET_CONTEXT.test(text.slice(sentence.start, sentence.end))) return true;
  return hits.some((other, j) => j !== index && !other.ambiguous && sentenceOf[j] === sentenceOf[index]);
}

/** "66.2% on Something-Something V2": the value is a result on that benchmark. */
function collectValueBeforeBenchmark(text: string, hit: GazetteerHit, out: Draft[]): void {
  const windowStart = Math.max(0, hit.start - 40);
  const m = VALUE_BEFORE_BENCHMARK.exec(text.slice(windowStart, hit.start));
  if (m === null) return;
  const valueText = m.groups?.v ?? m[0];
  out.push({
    kind: 'result',
    start: windowStart + m.index,
    end: hit.end,
    values: parseValues(valueText),
    unit: unitFromValueText(valueText),
    measure: hit.canonical,
    ruleId: 'result.value-on-benchmark',
  });
}

const ON_THE = /\s+on\s+(?:the\s+)?/y;

/** "91\% accuracy" followed by "on sequential CIFAR-10": the result names its benchmark. */
function extendResultsToTheirBenchmark(text: string, drafts: Draft[]): void {
  const benchmarkEnds = new Map<number, number>();
  for (const draft of drafts) if (draft.kind === 'benchmark') benchmarkEnds.set(draft.start, draft.end);
  if (benchmarkEnds.size === 0) return;
  for (const draft of drafts) {
    if (draft.kind !== 'result') continue;
    ON_THE.lastIndex = draft.end;
    if (ON_THE.exec(text) === null) continue;
    const benchmarkEnd = benchmarkEnds.get(ON_THE.lastIndex);
    if (benchmarkEnd !== undefined) draft.end = benchmarkEnd;
  }
}

function keepDraft(text: string, sentences: readonly SentenceSpan[], draft: Draft, isSurvey: boolean): boolean {
  if (isSurvey && SURVEY_SUPPRESSED.has(draft.kind)) return false;
  if (draft.ruleId === 'complexity.big-o-quadratic') return false;
  // An example is not a claim: "(e.g., inputs with 8k tokens)".
  if (draft.kind !== 'benchmark' && draft.kind !== 'code' && /\be\.g\.,?\s*(?:\S+\s+){0,2}$/.test(text.slice(Math.max(0, draft.start - 24), draft.start))) {
    return false;
  }
  if (draft.kind === 'complexity' || draft.kind === 'comparison') return isAboutOwnMethod(text, sentences, draft);
  return true;
}

/**
 * Complexity and comparisons count only for the paper's own method: not the baseline it improves on
 * ("from O(n^2) to O(n)"), not background ("Transformers suffer from ...", "SSMs such as Mamba outperform ...").
 * A first-person sentence is the paper's; otherwise any sentence but the first that carries no background cue.
 */
function isAboutOwnMethod(text: string, sentences: readonly SentenceSpan[], draft: Draft): boolean {
  if (/\bfrom\s+\$?$/.test(text.slice(Math.max(0, draft.start - 8), draft.start))) return false;
  const index = sentenceIndexAt(sentences, draft.start);
  const sentence = sentences[index];
  if (sentence === undefined) return false;
  const sentenceText = text.slice(sentence.start, sentence.end);
  if (OWN_METHOD.test(sentenceText)) return true;
  return index > 0 && !BACKGROUND.test(sentenceText);
}

/** Keeps, among overlapping claims of one kind, the longest (the earlier rule on a tie). */
function resolveOverlaps(drafts: readonly Draft[]): Draft[] {
  const byKind = new Map<ClaimKind, Draft[]>();
  for (const draft of drafts) {
    const list = byKind.get(draft.kind) ?? [];
    list.push(draft);
    byKind.set(draft.kind, list);
  }
  const kept: Draft[] = [];
  for (const list of byKind.values()) {
    const ordered = [...list].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const chosen: Draft[] = [];
    for (const draft of ordered) {
      if (chosen.every((other) => draft.end <= other.start || draft.start >= other.end)) chosen.push(draft);
    }
    kept.push(...chosen);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end || a.kind.localeCompare(b.kind));
}

/** "outperforms Transformers on OpenWebText by 1.0 PPL" is a result; the bare comparison inside it is redundant. */
function dropComparisonsInsideNumericClaims(drafts: readonly Draft[]): Draft[] {
  const numeric = drafts.filter((d) => NUMERIC_KINDS.has(d.kind));
  return drafts.filter(
    (d) => d.kind !== 'comparison' || !numeric.some((n) => d.start < n.end && n.start < d.end),
  );
}

function toClaim(text: string, sentences: readonly SentenceSpan[], draft: Draft): Claim {
  const sentence = sentences[sentenceIndexAt(sentences, draft.start)];
  const sentenceText = sentence === undefined ? '' : text.slice(sentence.start, sentence.end);
  const baseline = draft.baseline ?? (NUMERIC_KINDS.has(draft.kind) ? leadingBaseline(sentenceText) : undefined);
  const claim: Claim = {
    kind: draft.kind,
    start: draft.start,
    end: draft.end,
    text: text.slice(draft.start, draft.end),
    values: draft.values,
    sentence: sentenceText,
    ruleId: draft.ruleId,
    ...(draft.unit === undefined ? {} : { unit: draft.unit }),
    ...(draft.qualifier === undefined ? {} : { qualifier: draft.qualifier }),
    ...(draft.measure === undefined ? {} : { measure: draft.measure }),
    ...(baseline === undefined ? {} : { baseline }),
  };
  return claim;
}

function leadingBaseline(sentence: string): string | undefined {
  const m = LEADING_BASELINE.exec(sentence);
  return m === null ? undefined : m[0].slice(0, -1).replace(/\s+/g, ' ');
}

function trimClaimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /[\s,;:]/.test(text[e - 1] ?? '')) e--;
  return e;
}

function cleanBaseline(raw: string | undefined): string | undefined {
  const trimmed = raw?.trim().replace(/\s+/g, ' ');
  return trimmed === undefined || trimmed.length === 0 ? undefined : trimmed;
}

function cleanQualifier(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const trimmed = raw.trim();
  if (trimmed.length === 0) return undefined;
  if (trimmed === '∼' || trimmed === '≈' || trimmed === '$\\sim$' || trimmed === '\\sim') return '~';
  return trimmed.toLowerCase();
}

const MEASURE_CANONICAL: readonly (readonly [RegExp, string])[] = [
  [/throughput/i, 'throughput'],
  [/latency/i, 'latency'],
  [/FPS|frame rate|frames per second/i, 'FPS'],
  [/FLOPs|FLOPS/, 'FLOPs'],
  [/MACs/, 'MACs'],
  [/param/i, 'parameters'],
  [/KV[- ]cache/i, 'KV cache'],
  [/memory/i, 'memory'],
  [/energy|power/i, 'energy'],
  [/sequence length|length sequences?/i, 'sequence length'],
  [/context/i, 'context length'],
  [/tokens/i, 'tokens'],
  [/frames/i, 'frames'],
  [/compression/i, 'compression'],
  [/cost|compute|computation/i, 'compute'],
  [/batch size/i, 'batch size'],
  [/hidden size/i, 'hidden size'],
  [/perplexity|PPL/i, 'perplexity'],
];

function normaliseMeasure(rule: PatternRule, raw: string | undefined): string | undefined {
  if (raw === undefined) return rule.measure;
  const text = raw.trim().replace(/\s+/g, ' ');
  if (rule.kind === 'speedup' || rule.kind === 'reduction' || rule.kind === 'scale') {
    for (const [pattern, canonical] of MEASURE_CANONICAL) if (pattern.test(text)) return canonical;
    return rule.kind === 'speedup' ? 'speed' : text;
  }
  return text;
}
