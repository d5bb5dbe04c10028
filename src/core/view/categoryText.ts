import type { CategoryAssignment, CategoryEvidence, CategoryId, Facet } from '../categories/category';

export const FACET_LABELS: Readonly<Record<Facet, string>> = {
  method: 'Method family',
  domain: 'Application domain',
  type: 'Paper type',
};

/** A readable name for a category id ("state-space-models" -> "State space models"), used when no taxonomy label is given. */
export function humanizeCategoryId(id: CategoryId | string): string {
  const words = id.split('-').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function describeEvidence(evidence: CategoryEvidence): string {
  if (evidence.field === 'pin') return `pinned: "${evidence.term}"`;
  const times = evidence.count > 1 ? ` ×${evidence.count}` : '';
  return `"${evidence.term}" in ${evidence.field}${times}`;
}

/**
 * Why a paper sits in a category, as one line: the matched terms, strongest first
 * (e.g. `"mamba" in title, "state space" in abstract ×3`).
 */
export function explainAssignment(assignment: CategoryAssignment): string {
  if (assignment.evidence.length === 0) return 'pinned';
  return [...assignment.evidence]
    .sort((a, b) => b.weight * b.count - a.weight * a.count || a.term.localeCompare(b.term))
    .map(describeEvidence)
    .join(', ');
}
