import type { ClaimKind } from '../claim';

/**
 * One pattern rule. `pattern` and `before` are regex sources with `{FRAGMENT}` references (see fragments.ts) and these
 * optional named groups: `q` qualifier, `v` value text (numbers are read from it), `m` what is measured, `b` baseline,
 * `s` (in `before` only, ending at the anchor) where the span starts when it should not include all of `before`.
 *
 * Rules with `anchor: 'number'` (the default) are tried only where a number starts: `pattern` must match from that
 * digit on, and `before`, when given, must match the text that ends right there (it becomes part of the span).
 * Anchoring on numbers keeps extraction fast; `anchor: 'text'` rules scan the whole abstract.
 * The claim's span is `before` + the match (plus the baseline tail when `baselineTail` is set).
 */
export interface PatternRule {
  readonly id: string;
  readonly kind: ClaimKind;
  readonly anchor?: 'number' | 'text';
  readonly before?: string;
  readonly pattern: string;
  /**
   * For `anchor: 'text'` rules: lowercase ASCII words of which at least one must occur in the abstract, in any ASCII
   * case, for the rule to run at all (a cheap prefilter; the pattern still decides). Number-anchored rules are cheap
   * without it.
   */
  readonly requires?: readonly string[];
  /** Fixed unit, or `auto` to read it from the value text (`%`, `x`), or a size unit for scale rules. */
  readonly unit?: string;
  /** Fixed measure when the pattern has no `m` group. */
  readonly measure?: string;
  /** Case-insensitive matching (default: case-sensitive, so acronyms stay exact). */
  readonly ignoreCase?: boolean;
  /** Try "than X" / "over X" / "compared to X" right after the match and include it in the span. */
  readonly baselineTail?: boolean;
  /**
   * A hedge right before the match ("up to", "about", "~") is the qualifier and joins the span. Looked up after a
   * match instead of inside the pattern, so the pattern starts at a digit and the regex engine scans fast.
   */
  readonly qualifierBefore?: boolean;
  /** The value must carry a decimal point or a percent sign (keeps "3 AP"-like noise out). */
  readonly needsPreciseValue?: boolean;
}

const SPEED_PHASE = String.raw`(?:forward\/backward|forward|backward|training|inference|decoding|generation|prefill|sampling|end-to-end)(?:\s+(?:pass|passes|phase|time|speed))?`;

export const PATTERN_RULES: readonly PatternRule[] = [
  // ---- speedup: faster, higher throughput, lower latency ----
  {
    id: 'speedup.mult-faster',
    kind: 'speedup',
    unit: 'x',
    baselineTail: true,
    ignoreCase: true,
    qualifierBefore: true,
    pattern: String.raw`(?<v>{MULT})\s+(?<m>(?:faster|quicker)(?:\s+(?:in\s+(?:the\s+)?)?${SPEED_PHASE})?|(?:higher|greater|more|better)\s+(?:[\w-]+\s+)?(?:throughput|speed|FPS)(?:\s+(?:for|in|during)\s+(?:the\s+)?${SPEED_PHASE})?|(?:lower|less|reduced)\s+(?:[\w-]+\s+)?latency|(?:[\w-]+\s+){0,2}?(?:speed-?ups?|speed ups?|acceleration)(?:\s+(?:in|during|for)\s+(?:the\s+)?${SPEED_PHASE})?|gains?\s+in\s+(?:[\w-]+\s+)?(?:throughput|speed)|(?:the\s+)?(?:[\w-]+\s+)?throughput)`,
  },
  {
    id: 'speedup.word-as-fast',
    kind: 'speedup',
    requires: ['as fast as'],
    anchor: 'text',
    unit: 'x',
    measure: 'speed',
    ignoreCase: true,
    pattern: String.raw`\b(?<v>twice|two times|three times|four times|five times|ten times)\s+as\s+fast\s+as\s+(?<b>{BASE})`,
  },
  {
    id: 'speedup.outperform-by-mult',
    kind: 'speedup',
    unit: 'x',
    measure: 'speed',
    before: String.raw`\b(?:outperform\w*|surpass\w*|beat\w*)\s+(?<b>{BASE})\s+by\s+(?<q>{QUAL})?`,
    pattern: String.raw`(?<v>{MULT})`,
  },
  {
    id: 'speedup.speed-up-by',
    kind: 'speedup',
    unit: 'x',
    measure: 'speed',
    ignoreCase: true,
    before: String.raw`\b(?:speeds?\s+up|sped\s+up|accelerat\w+|scal\w+\s+up)\s+(?:[\w-]+\s+){0,4}?by\s+(?<q>{QUAL})?`,
    pattern: String.raw`(?<v>{MULT}|{PCT})`,
  },
  {
    id: 'speedup.rate-from-to',
    kind: 'speedup',
    ignoreCase: true,
    before: String.raw`\b(?:boost\w*|increas\w*|improv\w*|enhanc\w*|rais\w*|accelerat\w*)\s+(?:the\s+)?(?<m>FPS|throughput|speed|frame rate|frames per second|tokens\/s)\s+from\s+`,
    pattern: String.raw`(?<v>{NUM}\s+to\s+{NUM})`,
  },
  {
    id: 'speedup.percent',
    kind: 'speedup',
    unit: '%',
    baselineTail: true,
    ignoreCase: true,
    qualifierBefore: true,
    pattern: String.raw`(?<v>{PCT})\s+(?<m>(?:[\w-]+\s+){0,2}?(?:speed-?ups?|faster|higher throughput|more throughput|throughput (?:improvement|gain|increase)|lower latency|latency reduction|reduction in latency))`,
  },
  {
    id: 'speedup.speedup-of',
    kind: 'speedup',
    baselineTail: true,
    ignoreCase: true,
    before: String.raw`\b(?<m>speed-?ups?|acceleration|throughput (?:gain|improvement)s?)\s+of\s+(?<q>{QUAL})?`,
    pattern: String.raw`(?<v>{MULT}|{PCT})`,
  },
  {
    id: 'speedup.latency-by',
    kind: 'speedup',
    ignoreCase: true,
    before: String.raw`\b(?:reduc\w+|lower\w*|cut\w*)\s+(?:the\s+)?(?<m>(?:[\w-]+\s+)?latency)\s+by\s+(?<q>{QUAL})?`,
    pattern: String.raw`(?<v>{MULT}|{PCT})`,
  },

  // ---- reduction: fewer parameters, FLOPs, memory, energy, cost or length ----
  {
    id: 'reduction.mult-less',
    kind: 'reduction',
    unit: 'x',
    baselineTail: true,
    qualifierBefore: true,
    pattern: String.raw`(?<v>{MULT})\s+(?:less|fewer|smaller|lower|reduced)\s+(?<m>{RESOURCE})`,
  },
  {
    id: 'reduction.mult-drop-in',
    kind: 'reduction',
    unit: 'x',
    baselineTail: true,
    qualifierBefore: true,
    pattern: String.raw`(?<v>{MULT})\s+(?:[\w-]+\s+)?(?:{DROP}|compression)\s+(?:in|of)\s+(?:the\s+)?(?<m>{RESOURCE})`,
  },
  {
    id: 'reduction.mult-compression',
    kind: 'reduction',
    unit: 'x',
    baselineTail: true,
    qualifierBefore: true,
    pattern: String.raw`(?<v>{MULT})\s+(?<m>(?:model\s+|memory\s+|KV[- ]cache\s+|parameter\s+)?compression)`,
  },
  {
    id: 'reduction.mult-resource-drop',
    kind: 'reduction',
    unit: 'x',
    baselineTail: true,
    qualifierBefore: true,
    pattern: String.raw`(?<v>{MULT})\s+(?<m>{RESOURCE})\s+{DROP}`,
  },
  {
    id: 'reduction.percent-drop-in',
    kind: 'reduction',
    unit: '%',
    baselineTail: true,
    qualifierBefore: true,
    pattern: String.raw`(?<v>{PCT})\s+{DROP}\s+(?:in|of)\s+(?:the\s+)?(?<m>{RESOURCE})`,
  },
  {
    id: 'reduction.percent-resource-drop',
    kind: 'reduction',
    unit: '%',
    baselineTail: true,
    qualifierBefore: true,
    pattern: String.raw`(?<v>{PCT})\s+(?<m>{RESOURCE})\s+{DROP}`,
  },
  {
    id: 'reduction.percent-less',
    kind: 'reduction',
    unit: '%',
    baselineTail: true,
    qualifierBefore: true,
    pattern: String.raw`(?<v>{PCT})\s+(?:less|fewer|smaller|lower)\s+(?<m>{RESOURCE})`,
  },
  {
    id: 'reduction.verb-resource-by',
    kind: 'reduction',
    unit: 'auto',
    before: String.raw`\b(?:[Rr]educ\w*|[Cc]ut\w*|[Ss]av\w*|[Ll]ower\w*|[Dd]ecreas\w*|[Ss]hrink\w*|[Cc]ompress\w*)\s+(?:the\s+)?(?:overall\s+)?(?<m>{RESOURCE})\s+(?:by\s+|\(\s*)(?<q>{QUAL})?`,
    pattern: String.raw`(?<v>{PCT}|{MULT})\)?(?:\s+(?:of|than|compared\s+(?:to|with)|relative\s+to)\s+(?<b>{BASE}))?`,
  },
  {
    id: 'reduction.verb-percent-resource',
    kind: 'reduction',
    unit: '%',
    baselineTail: true,
    before: String.raw`\b(?:[Ss]av\w*|[Rr]educ\w*|[Cc]ut\w*|[Uu]s\w+\s+only)\s+(?<q>{QUAL})?`,
    pattern: String.raw`(?<v>{PCT})\s+(?:of\s+(?:the\s+)?)?(?<m>{RESOURCE})`,
  },

  // ---- result: a metric value or an improvement ----
  {
    id: 'result.value-metric',
    kind: 'result',
    unit: 'auto',
    needsPreciseValue: true,
    qualifierBefore: true,
    pattern: String.raw`(?<v>{PCT}|{NUM})\s+(?<m>{METRIC})(?![\w-])(?:\s+(?:on|in)\s+(?:the\s+)?[A-Z][\w\-./]*(?:[ -][A-Z0-9][\w\-./]*){0,3})?`,
  },
  {
    id: 'result.metric-of',
    kind: 'result',
    unit: 'auto',
    needsPreciseValue: true,
    before: String.raw`\b(?<m>{METRIC})(?:\s+(?:scores?|values?|rates?))?\s+(?:of|=|:|reaching)\s+(?<q>{QUAL})?`,
    pattern: String.raw`(?<v>(?:{PCT}|{NUM})(?:\s?,\s?(?:{PCT}|{NUM}))*(?:,?\s+and\s+(?:{PCT}|{NUM}))?)(?![\w%])`,
  },
  {
    id: 'result.versus',
    kind: 'result',
    unit: 'auto',
    pattern: String.raw`(?<v>{NUM}%?\s+vs\.?\s+{NUM}%?)\s+(?<m>{METRIC}|points)`,
  },
  {
    id: 'result.plus-minus',
    kind: 'result',
    unit: 'auto',
    pattern: String.raw`(?<v>{NUM}{PM}{NUM}\s?(?:%|\\%|points|pp)?)(?<m>\s?{METRIC})?(?:\s+(?:of\s+)?(?:improvement|gain|lift|increase))?`,
  },
  {
    id: 'result.metric-by',
    kind: 'result',
    unit: 'auto',
    before: String.raw`(?:\b(?:[Ii]mprov|[Bb]oost|[Ii]ncreas|[Rr]educ|[Dd]ecreas|[Ll]ower|[Rr]ais)\w*\s+(?:the\s+)?)?\b(?<m>{METRIC})(?:\s+of\s+[^,.;]{1,40}?)?\s+by\s+(?<q>{QUAL})?`,
    pattern: String.raw`(?<v>{PCT}|{NUM}(?![\d.,]|{TIMES})(?:\s+(?:absolute\s+)?(?:points|pp|PPL))?)(?:\s*\(\s*{PCT}\s*\))?`,
  },
  {
    id: 'result.outperform-by',
    kind: 'result',
    unit: 'auto',
    before: String.raw`\b(?:outperform\w*|surpass\w*|beat\w*|exceed\w*)\s+(?<b>{BASE})(?:\s+(?:on|in)\s+(?:the\s+)?[\w\-.]+(?:\s[\w\-.]+){0,2}?)?\s+by\s+(?<q>{QUAL})?`,
    pattern: String.raw`(?<v>{PCT}|{NUM}(?![\d.,]|{TIMES}))(?:\s+(?<m>{METRIC}|points|pp))?`,
  },
  {
    id: 'result.percent-higher',
    kind: 'result',
    unit: 'auto',
    baselineTail: true,
    qualifierBefore: true,
    pattern: String.raw`(?<v>{PCT}|{NUM}\s+(?:absolute\s+)?(?:points|pp))\s+(?:(?:absolute|relative)\s+)?(?<m>(?:higher|better|lower|improvement|gain|increase|drop|degradation|decline)(?:\s+in\s+{METRIC})?|(?:{METRIC}|performance)\s+(?:improvement|gain|increase|drop|degradation|decline))(?!\s+(?:throughput|speed|FPS|latency|memory|energy|FLOPs|parameters|params|cost|compute))`,
  },
  {
    id: 'result.percent-reduction-in-metric',
    kind: 'result',
    unit: '%',
    baselineTail: true,
    qualifierBefore: true,
    pattern: String.raw`(?<v>{PCT})\s+(?:relative\s+)?(?:reduction|decrease|drop)\s+in\s+(?:the\s+)?(?<m>{METRIC})`,
  },
  {
    id: 'result.gain-in-parentheses',
    kind: 'result',
    unit: 'auto',
    ignoreCase: true,
    before: String.raw`\b(?<m>gain|improvement|boost|increase)\s*\(\s*(?<q>{QUAL})?`,
    pattern: String.raw`(?<v>{PCT}|{NUM}\s+points)\s*\)`,
  },
  {
    id: 'result.fraction-of-reference',
    kind: 'result',
    unit: '%',
    before: String.raw`\b(?:[Rr]ecover\w*|[Rr]etain\w*|[Pp]rovid\w*|[Aa]chiev\w*|[Rr]each\w*|[Mm]atch\w*|[Pp]reserv\w*|[Mm]aintain\w*)\s+(?<q>{QUAL})?`,
    pattern: String.raw`(?<v>{PCT})\s+of\s+(?<b>(?:the\s+)?[\w-]+(?:\s+(?!(?:at|on|in|with|while|for|and)\b)[\w-]+){0,2}?)(?:\s+(?<m>quality|performance|accuracy))?(?=\s+(?:at|on|in|with|while|for|and|using)\b|[,.;)]|$)`,
  },
  {
    id: 'result.percent-at-size',
    kind: 'result',
    unit: '%',
    pattern: String.raw`(?<v>{PCT})\s+at\s+(?:the\s+)?{SIZE}(?:[ -]param(?:eter)?s?)?`,
  },
  {
    id: 'result.number-better-metric',
    kind: 'result',
    unit: 'auto',
    needsPreciseValue: true,
    pattern: String.raw`(?<v>{NUM})\s+(?:better|lower|higher)\s+(?<m>{METRIC})`,
  },
  {
    id: 'result.points-of-gain',
    kind: 'result',
    unit: 'points',
    ignoreCase: true,
    pattern: String.raw`(?<v>{NUM})\s+(?:absolute\s+)?(?:points|pp)\s+(?:of\s+)?(?<m>improvement|gain|lift|increase|boost)`,
  },

  // ---- scale: model, data or context size the paper reaches ----
  {
    id: 'scale.parameters',
    kind: 'scale',
    unit: 'params',
    measure: 'parameters',
    qualifierBefore: true,
    pattern: String.raw`(?<v>{SIZE}(?:\s+to\s+{SIZE})?)(?:\s*-\s*|\s+)(?:parameters?|params?)(?!\w)(?:\s+models?)?`,
  },
  {
    id: 'scale.model-size',
    kind: 'scale',
    unit: 'params',
    measure: 'parameters',
    qualifierBefore: true,
    pattern: String.raw`(?<v>{SIZE})\s+(?:models?|LMs?|LLMs?|language models?)\b`,
  },
  {
    id: 'scale.tokens',
    kind: 'scale',
    unit: 'tokens',
    measure: 'tokens',
    qualifierBefore: true,
    pattern: String.raw`(?<v>{SIZE})\s+(?:(?:training|pre-?training|input|context|text)\s+)?tokens\b`,
  },
  {
    id: 'scale.context-size',
    kind: 'scale',
    unit: 'tokens',
    qualifierBefore: true,
    pattern: String.raw`(?<v>{SIZE})(?:[\s-]+tokens?)?[\s-]+(?<m>context(?:\s+window)?(?:\s+(?:size|length))?|context-length|sequence length|length sequences?|frames)\b`,
  },
  {
    id: 'scale.sequences-up-to',
    kind: 'scale',
    unit: 'tokens',
    measure: 'sequence length',
    before: String.raw`\b(?:sequences?|inputs?|contexts?|documents?|videos?|task)\s+(?:(?:with|of)\s+)?(?<q>up to|over|beyond|exceeding|longer than|larger than|more than|of length|of up to)\s+`,
    pattern: String.raw`(?<v>{SIZE}|{NUM})(?![\w.,]\d)(?:\s+(?:tokens|frames|steps))?`,
  },
  {
    id: 'scale.word-length-sequences',
    kind: 'scale',
    unit: 'tokens',
    measure: 'sequence length',
    qualifierBefore: true,
    pattern: String.raw`(?<v>{SIZE})-(?:length|token|long)\s+(?:sequences?|contexts?|inputs?)`,
  },
  {
    id: 'scale.word-length-sequences-in-words',
    kind: 'scale',
    requires: ['million-', 'billion-', 'thousand-'],
    anchor: 'text',
    unit: 'tokens',
    measure: 'sequence length',
    qualifierBefore: true,
    pattern: String.raw`\b(?<v>million|billion|thousand)-(?:length|token|long)\s+(?:sequences?|contexts?|inputs?)`,
  },
  {
    id: 'scale.mult-larger-size',
    kind: 'scale',
    unit: 'x',
    baselineTail: true,
    qualifierBefore: true,
    pattern: String.raw`(?<v>{MULT}(?:\s+and\s+{MULT})?)\s+(?:(?:larger|longer|bigger)\s+)?(?:maximum\s+)?(?<m>(?:hidden|batch|model|context|vocabulary)\s+sizes?(?:\s+and\s+(?:sequence|context)\s+lengths?)?|(?:sequence|context)\s+lengths?)`,
  },
  {
    id: 'scale.mult-longer-than',
    kind: 'scale',
    unit: 'x',
    baselineTail: true,
    qualifierBefore: true,
    pattern: String.raw`(?<v>{MULT})\s+(?<m>longer|larger|bigger)(?:\s+(?:sequences?|contexts?|models?|inputs?))?(?=\s+than\b)`,
  },
  {
    id: 'scale.our-named-size',
    kind: 'scale',
    unit: 'params',
    measure: 'parameters',
    before: String.raw`\b[Oo]ur\s+(?<s>[A-Z][\w.]*(?:-[A-Za-z]\w*)*-)`,
    pattern: String.raw`(?<v>{NUM}[BMK])(?![\w-])`,
  },
  {
    id: 'scale.size-in-parentheses',
    kind: 'scale',
    unit: 'params',
    measure: 'parameters',
    before: String.raw`\bsize\s*\(\s*(?<q>{QUAL})?`,
    pattern: String.raw`(?<v>{SIZE})\s*\)`,
  },

  // ---- complexity: the asymptotic cost of the paper's own method (big-O is scanned in code) ----
  {
    id: 'complexity.named-class',
    kind: 'complexity',
    requires: ['linear', 'quadratic', 'constant', 'logarithmic'],
    anchor: 'text',
    ignoreCase: true,
    pattern: String.raw`\b(?<v>linear|log-?linear|sub-?quadratic|near-?linear|quasi-?linear|constant|logarithmic)(?:[\s-]+time)?(?:\s+\([^)]{0,40}\))?(?:[\s-]+(?:time|space|memory|computational|computation|compute|inference|training|and|drop-in|complexity)){0,4}[\s-]+(?<m>complexity|cost|scaling|memory|parallelization|operator|replacement|computation|training|inference|algorithm|decoding|generation)\b(?:\s+(?:in|with)\s+(?:the\s+)?(?:input\s+)?(?:sequence\s+length|sequence|length|context\s+length))?`,
  },
  {
    id: 'complexity.scales-linearly',
    kind: 'complexity',
    requires: ['linearly', 'quadratically'],
    anchor: 'text',
    ignoreCase: true,
    pattern: String.raw`\bscal\w+\s+(?<q>nearly\s+|almost\s+)?(?<v>linearly|sub-?quadratically|log-?linearly)\s+(?:with|in)\s+(?:the\s+)?(?<m>(?:input\s+)?(?:sequence\s+length|sequence|length|context\s+length|number\s+of\s+tokens))`,
  },

  // ---- comparison: outperforms a named baseline, without a number ----
  {
    id: 'comparison.outperforms',
    kind: 'comparison',
    requires: ['outperform', 'surpass', 'beat', 'superior'],
    anchor: 'text',
    pattern: String.raw`\b(?:outperform(?:s|ed|ing)?|surpass(?:es|ed|ing)?|beat(?:s|ing)?|superior\s+(?:or\s+\w+\s+)?to)\s+(?<b>{NAMED})`,
  },
  {
    id: 'comparison.better-than',
    kind: 'comparison',
    requires: [' than '],
    anchor: 'text',
    pattern: String.raw`\b(?:more\s+(?:effective|efficient|accurate|expressive)|better|lower\s+perplexity|higher\s+(?:accuracy|performance|quality))\s+(?:than|compared\s+(?:to|with))\s+(?<b>{NAMED})`,
  },
  {
    id: 'comparison.improvements-over',
    kind: 'comparison',
    requires: [' over '],
    anchor: 'text',
    pattern: String.raw`\b(?:improvements?|enhancements?|gains?|advantages?)\s+over\s+(?<b>{NAMED})`,
  },
];
