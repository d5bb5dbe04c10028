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

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
}

function formatUnit(unit: string | undefined): { text: string; attached: boolean } {
  if (unit === undefined || unit === '') return { text: '', attached: true };
  if (unit === 'x' || unit === '×') return { text: '×', attached: true };
  if (unit === '%') return { text: '%', attached: true };
  return { text: unit, attached: false };
}

/**
 * The claim's numbers as a short phrase: qualifier, values (a range joins with an en dash), unit and measure,
 * e.g. "up to 5× throughput", "40% memory", "1.3–2.8 B params". Empty when the claim states no number.
 */
export function formatClaimValue(claim: Claim): string {
  if (claim.values.length === 0) return claim.measure ?? '';
  const unit = formatUnit(claim.unit);
  const numbers = claim.values.map(formatNumber).join('–');
  const amount = unit.text === '' ? numbers : unit.attached ? `${numbers}${unit.text}` : `${numbers} ${unit.text}`;
  return [claim.qualifier, amount, claim.measure].filter((part) => part !== undefined && part !== '').join(' ');
}

/** The lines of a claim's tooltip: kind, values, baseline and the rule that produced it. */
export function describeClaim(claim: Claim): string[] {
  const value = formatClaimValue(claim);
  return [
    `Kind: ${CLAIM_KIND_LABELS[claim.kind] ?? claim.kind}`,
    `Values: ${value === '' ? '—' : value}`,
    `Baseline: ${claim.baseline ?? '—'}`,
    `Rule: ${claim.ruleId}`,
  ];
}
