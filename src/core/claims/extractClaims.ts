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

/** At most this many claims per paper: a real abstract makes a few dozen; more is repeated or generated text. */
export const MAX_CLAIMS_PER_PAPER = 200;
/** A merged claim lists where this many of its repeats are. */
const MAX_LISTED_REPEATS = 20;
/** A claim's sentence is cut to this many characters around the claim, so one endless "sentence" is not copied per claim. */
const MAX_SENTENCE_CHARS = 600;

/** The claims of an abstract and what the limits left out (see `extractClaimsWithReport`). */
export interface ClaimExtraction {
  readonly claims: Claim[];
  /** Distinct claims found before the cap. */
  readonly found: number;
  /** The cap that was applied. */
  readonly cap: number;
  /** Repeats merged into an identical earlier claim (same kind and text). */
  readonly merged: number;
}

/**
 * Extracts the claims an abstract makes: speedups, reductions, results, complexity, scale, benchmarks, code links
 * and comparisons. Pure and deterministic; never throws on any string. Claims are sorted by start offset and
 * `abstract.slice(claim.start, claim.end) === claim.text`. Overlapping claims of the same kind are resolved to the
 * longest one; claims of different kinds may overlap ("99% at 1.3B params" is a result that contains a scale).
 * Identical claims (same kind and text) are merged into the first, with `occurrences`; at most `MAX_CLAIMS_PER_PAPER`.
 */
export function extractClaims(abstract: string): Claim[] {
  return extractClaimsWithReport(abstract).claims;
}

/**
 * `extractClaims` with what its limits did. Linear in the abstract's length (up to the sorting of its candidates), so
 * a 10 MB abstract takes seconds: every pass is a regex scan, a sort, or a binary search over sorted claims.
 */
export function extractClaimsWithReport(abstract: string, cap = MAX_CLAIMS_PER_PAPER): ClaimExtraction {
  if (abstract.length === 0) return { claims: [], found: 0, cap, merged: 0 };
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
  const sentenceFacts = new SentenceFacts(abstract, sentences);
  const kept = drafts.filter((draft) => keepDraft(abstract, sentenceFacts, draft, isSurvey));
  const resolved = resolveOverlaps(kept);
  const withoutShadowedComparisons = dropComparisonsInsideNumericClaims(resolved);
  const { distinct, occurrences, repeats } = mergeIdentical(abstract, withoutShadowedComparisons);
  const claims = distinct.slice(0, cap).map((draft, i) => toClaim(abstract, sentences, draft, occurrences[i] ?? 1, repeats[i] ?? []));
  return { claims, found: distinct.length, cap, merged: withoutShadowedComparisons.length - distinct.length };
}

/** What the paper view says about the limits, when they changed anything. */
export function claimLimitNotes(extraction: ClaimExtraction): string[] {
  const notes: string[] = [];
  if (extraction.merged > 0) {
    notes.push(`${extraction.merged.toLocaleString('en')} repeated claim${extraction.merged === 1 ? ' was' : 's were'} merged into identical earlier ones (their count is shown).`);
  }
  if (extraction.found > extraction.cap) {
    notes.push(`Only the first ${extraction.cap.toLocaleString('en')} of ${extraction.found.toLocaleString('en')} claims are shown: at most ${extraction.cap.toLocaleString('en')} claims are kept per paper.`);
  }
  return notes;
}

/** Claims of one kind with the same text are one claim; the first keeps its place and counts the rest. */
function mergeIdentical(text: string, drafts: readonly Draft[]): { distinct: Draft[]; occurrences: number[]; repeats: number[][] } {
  const firstIndex = new Map<string, number>();
  const distinct: Draft[] = [];
  const occurrences: number[] = [];
  const repeats: number[][] = [];
  for (const draft of drafts) {
    const key = `${draft.kind}\u0000${text.slice(draft.start, draft.end)}`;
    const index = firstIndex.get(key);
    if (index === undefined) {
      firstIndex.set(key, distinct.length);
      distinct.push(draft);
      occurrences.push(1);
      repeats.push([]);
    } else {
      occurrences[index] = (occurrences[index] ?? 1) + 1;
      const listed = repeats[index]!;
      if (listed.length < MAX_LISTED_REPEATS) listed.push(draft.start);
    }
  }
  return { distinct, occurrences, repeats };
}

/** Per-sentence tests, each run once per sentence however many claims the sentence holds. */
class SentenceFacts {
  private readonly ownMethod = new Map<number, boolean>();
  constructor(private readonly text: string, readonly sentences: readonly SentenceSpan[]) {}

  /** First-person, or not the first sentence and free of background cues. */
  isAboutOwnMethod(index: number): boolean {
    let answer = this.ownMethod.get(index);
    if (answer === undefined) {
      const sentence = this.sentences[index];
      if (sentence === undefined) answer = false;
      else {
        const sentenceText = this.text.slice(sentence.start, sentence.end);
        answer = OWN_METHOD.test(sentenceText) || (index > 0 && !BACKGROUND.test(sentenceText));
      }
      this.ownMethod.set(index, answer);
    }
    return answer;
  }
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
  // Sentences holding an unambiguous name, and each sentence's dataset-context test, computed once per sentence.
  const withUnambiguousName = new Set<number>();
  hits.forEach((hit, i) => {
    if (!hit.ambiguous) withUnambiguousName.add(sentenceOf[i] ?? -1);
  });
  const datasetContext = new Map<number, boolean>();
  const hasDatasetContext = (index: number): boolean => {
    let answer = datasetContext.get(index);
    if (answer === undefined) {
      const sentence = sentences[index];
      answer = sentence !== undefined && DATASET_CONTEXT.test(text.slice(sentence.start, sentence.end));
      datasetContext.set(index, answer);
    }
    return answer;
  };
  hits.forEach((hit, i) => {
    const sentence = sentenceOf[i] ?? -1;
    if (hit.ambiguous && !hasDatasetContext(sentence) && !withUnambiguousName.has(sentence)) return;
    out.push({ kind: 'benchmark', start: hit.start, end: hit.end, values: [], measure: hit.canonical, ruleId: hit.ruleId });
    collectValueBeforeBenchmark(text, hit, out);
  });
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

function keepDraft(text: string, facts: SentenceFacts, draft: Draft, isSurvey: boolean): boolean {
  if (isSurvey && SURVEY_SUPPRESSED.has(draft.kind)) return false;
  if (draft.ruleId === 'complexity.big-o-quadratic') return false;
  // An example is not a claim: "(e.g., inputs with 8k tokens)".
  if (draft.kind !== 'benchmark' && draft.kind !== 'code' && /\be\.g\.,?\s*(?:\S+\s+){0,2}$/.test(text.slice(Math.max(0, draft.start - 24), draft.start))) {
    return false;
  }
  if (draft.kind === 'complexity' || draft.kind === 'comparison') return isAboutOwnMethod(text, facts, draft);
  return true;
}

/**
 * Complexity and comparisons count only for the paper's own method: not the baseline it improves on
 * ("from O(n^2) to O(n)"), not background ("Transformers suffer from ...", "SSMs such as Mamba outperform ...").
 * A first-person sentence is the paper's; otherwise any sentence but the first that carries no background cue.
 */
function isAboutOwnMethod(text: string, facts: SentenceFacts, draft: Draft): boolean {
  if (/\bfrom\s+\$?$/.test(text.slice(Math.max(0, draft.start - 8), draft.start))) return false;
  return facts.isAboutOwnMethod(sentenceIndexAt(facts.sentences, draft.start));
}

/**
 * Keeps, among overlapping claims of one kind, the longest (the earlier rule on a tie). The kept claims of a kind are
 * disjoint, so they stay sorted by start and by end at once and one binary search finds the only one that can overlap.
 */
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
    const chosen = new DisjointSpans();
    for (const draft of ordered) chosen.addUnlessOverlapping(draft);
    for (const draft of chosen.spans) kept.push(draft);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end || a.kind.localeCompare(b.kind));
}

/** Disjoint spans sorted by start (and so by end). */
class DisjointSpans {
  readonly spans: Draft[] = [];

  addUnlessOverlapping(draft: Draft): void {
    // The first span that ends after the draft starts is the only candidate for an overlap.
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid]!.end <= draft.start) lo = mid + 1;
      else hi = mid;
    }
    const next = this.spans[lo];
    if (next !== undefined && next.start < draft.end) return;
    this.spans.splice(lo, 0, draft);
  }
}

/**
 * "outperforms Transformers on OpenWebText by 1.0 PPL" is a result; the bare comparison inside it is redundant.
 * `drafts` is sorted by start, so the numeric claims starting before a comparison ends are a prefix of them.
 */
function dropComparisonsInsideNumericClaims(drafts: readonly Draft[]): Draft[] {
  const numeric = drafts.filter((d) => NUMERIC_KINDS.has(d.kind));
  const furthestEnd: number[] = [];
  for (const draft of numeric) furthestEnd.push(Math.max(furthestEnd[furthestEnd.length - 1] ?? -1, draft.end));
  const overlapsNumeric = (d: Draft): boolean => {
    let lo = 0;
    let hi = numeric.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (numeric[mid]!.start < d.end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && furthestEnd[lo - 1]! > d.start;
  };
  return drafts.filter((d) => d.kind !== 'comparison' || !overlapsNumeric(d));
}

function toClaim(text: string, sentences: readonly SentenceSpan[], draft: Draft, occurrences: number, repeatedAt: readonly number[]): Claim {
  const sentence = sentences[sentenceIndexAt(sentences, draft.start)];
  const sentenceText = sentence === undefined ? '' : sentenceAround(text, sentence, draft);
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
    ...(occurrences > 1 ? { occurrences, repeatedAt } : {}),
  };
  return claim;
}

/** The claim's sentence, or a window of it around the claim (with "…") when the sentence is very long. */
function sentenceAround(text: string, sentence: SentenceSpan, draft: Draft): string {
  if (sentence.end - sentence.start <= MAX_SENTENCE_CHARS) return text.slice(sentence.start, sentence.end);
  const room = Math.max(0, MAX_SENTENCE_CHARS - (draft.end - draft.start)) >> 1;
  const start = Math.max(sentence.start, draft.start - room);
  const end = Math.min(sentence.end, Math.max(draft.end, start + MAX_SENTENCE_CHARS));
  return `${start > sentence.start ? '…' : ''}${text.slice(start, end)}${end < sentence.end ? '…' : ''}`;
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
