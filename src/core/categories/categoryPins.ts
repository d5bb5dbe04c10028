import type { LibraryDiagnostic } from '../library/paper';
import type { CategoryAssignment, CategoryId, Facet } from './category';
import taxonomyData from './taxonomy.json';

/** Pinned categories by citation key or arXiv id. */
export type CategoryPins = ReadonlyMap<string, readonly CategoryId[]>;

export interface PinsReadResult {
  readonly pins: CategoryPins;
  readonly diagnostics: LibraryDiagnostic[];
}

const FACET_OF = new Map<string, Facet>(
  (taxonomyData.categories as ReadonlyArray<{ id: string; facet: string }>).map((c) => [c.id, c.facet as Facet]),
);

/** The facet a category id belongs to, or undefined for an unknown id. */
export function facetOf(id: string): Facet | undefined {
  return FACET_OF.get(id);
}

/**
 * Reads a workspace pins file (`.papernotes/categories.json`): an object from citation key (or arXiv id) to the
 * category ids that paper belongs to, e.g. `{ "gu2023mamba": ["state-space-models", "language"] }`.
 * Unknown ids and malformed entries become diagnostics with their line; the rest still applies.
 */
export function readCategoryPins(text: string, file: string): PinsReadResult {
  const pins = new Map<string, CategoryId[]>();
  const diagnostics: LibraryDiagnostic[] = [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = Number(/line (\d+)/.exec(message)?.[1] ?? 1);
    diagnostics.push({ file, line, severity: 'error', message: `not valid JSON: ${message}` });
    return { pins, diagnostics };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    diagnostics.push({ file, line: 1, severity: 'error', message: 'expected an object from citation key to category ids' });
    return { pins, diagnostics };
  }
  for (const [key, value] of Object.entries(data)) {
    const line = lineOf(text, key);
    if (!Array.isArray(value)) {
      diagnostics.push({ file, line, severity: 'error', message: `${key}: expected a list of category ids` });
      continue;
    }
    const ids: CategoryId[] = [];
    for (const id of value) {
      if (typeof id === 'string' && FACET_OF.has(id)) ids.push(id as CategoryId);
      else diagnostics.push({ file, line, severity: 'warning', message: `${key}: unknown category ${JSON.stringify(id)}; ignored it` });
    }
    pins.set(key, ids);
  }
  return { pins, diagnostics };
}

function lineOf(text: string, key: string): number {
  const at = text.indexOf(JSON.stringify(key));
  return at < 0 ? 1 : text.slice(0, at).split('\n').length;
}

/**
 * Applies a pin to a paper's automatic categories: for every facet the pin names, the pinned categories replace the
 * classifier's; facets the pin does not name keep the classifier's choice. Pinned assignments carry a 'pin' evidence.
 */
export function applyPin(assignments: readonly CategoryAssignment[], pinned: readonly CategoryId[], pinFile: string): CategoryAssignment[] {
  const pinnedFacets = new Set(pinned.map((id) => FACET_OF.get(id)));
  const kept = assignments.filter((a) => !pinnedFacets.has(a.facet));
  const added = pinned.map((id): CategoryAssignment => ({
    facet: FACET_OF.get(id) as Facet,
    id,
    score: 0,
    evidence: [{ term: pinFile, field: 'pin', count: 1, weight: 0 }],
  }));
  const order: Facet[] = ['method', 'domain', 'type'];
  return [...kept, ...added].sort((a, b) => order.indexOf(a.facet) - order.indexOf(b.facet));
}
