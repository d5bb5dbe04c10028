import type { Claim, ClaimKind } from '../claims/claim';

/** Human labels for claim kinds, used in the legend, the tables and the tooltips. */
export const CLAIM_KIND_LABELS: Readonly<Record<ClaimKind, string>> = {
  speedup: 'Speedup',
  reduction: 'Reduction',
  result: 'Result',
  complexity: 'Complexity',
  scale: 'Scale',
  benchmark: 'Benchmark',
  code: 'Code',
  comparison: 'Comparison',
};

const MAGNITUDES: ReadonlyArray<[number, string]> = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e4, 'K'],
];

/** 5 -> "5", 0.123456 -> "0.1235", 1.3e9 -> "1.3B", 125000000 -> "125M": short enough for a table cell. */
function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  for (const [size, suffix] of MAGNITUDES) {
    if (Math.abs(value) >= size) return `${Number((value / size).toPrecision(3))}${suffix}`;
  }
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
}

/** Two ascending values read as a range ("10–20"); anything else is a list ("81.9 / 45.76 / 55.47"). */
function formatValues(values: readonly number[]): string {
  const isRange = values.length === 2 && values[0]! < values[1]!;
  return values.map(formatNumber).join(isRange ? '–' : ' / ');
}

function formatUnit(unit: string | undefined): { text: string; attached: boolean } {
  if (unit === undefined || unit === '') return { text: '', attached: true };
  if (unit === 'x' || unit === '×') return { text: '×', attached: true };
  if (unit === '%') return { text: '%', attached: true };
  return { text: unit, attached: false };
}

/**
 * The claim's numbers as a short phrase: qualifier, values (a range joins with an en dash, large numbers get a
 * K/M/B/T suffix), unit and measure, e.g. "up to 5× throughput", "40% memory", "1.3B–2.8B params".
 * Empty when the claim states neither a number nor a measure.
 */
export function formatClaimValue(claim: Claim): string {
  if (claim.values.length === 0) return claim.measure ?? '';
  const unit = formatUnit(claim.unit);
  const numbers = formatValues(claim.values);
  const amount = unit.text === '' ? numbers : unit.attached ? `${numbers}${unit.text}` : `${numbers} ${unit.text}`;
  // "params" already says "parameters": do not repeat the measure when the unit names it.
  const measure = claim.measure && !unit.attached && claim.measure.toLowerCase().startsWith(unit.text.toLowerCase().slice(0, 4)) ? undefined : claim.measure;
  return [claim.qualifier, amount, measure].filter((part) => part !== undefined && part !== '').join(' ');
}

/** The lines of a claim's tooltip: kind, values, baseline and the rule that produced it. */
export function describeClaim(claim: Claim): string[] {
  const value = formatClaimValue(claim);
  return [
    `Kind: ${CLAIM_KIND_LABELS[claim.kind] ?? claim.kind}`,
    `Values: ${value === '' ? '—' : value}`,
    `Baseline: ${claim.baseline ?? '—'}`,
    `Rule: ${claim.ruleId}`,
    ...(claim.occurrences === undefined ? [] : [`Made ${claim.occurrences} times in the abstract`]),
  ];
}
