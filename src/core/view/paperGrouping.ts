import type { Paper } from '../library/paper';
import type { CategoryId, Facet } from '../categories/category';
import { humanizeCategoryId } from './categoryText';

/** How the Papers tree files papers. */
export type PaperGrouping = 'method' | 'domain' | 'year' | 'all';

export const PAPER_GROUPINGS: readonly PaperGrouping[] = ['method', 'domain', 'year', 'all'];

export interface MatchedTerm {
  readonly term: string;
  /** How many of the group's papers matched the term. */
  readonly papers: number;
}

export interface PaperGroup {
  /** Stable id: the category id, the year, or "unfiled"/"unknown-year". */
  readonly id: string;
  readonly label: string;
  readonly papers: readonly Paper[];
  /** For category groups: the taxonomy terms that put papers here, most papers first. */
  readonly terms: readonly MatchedTerm[];
}

function byYearThenTitle(a: Paper, b: Paper): number {
  return (b.year ?? -Infinity) - (a.year ?? -Infinity) || a.title.localeCompare(b.title) || a.key.localeCompare(b.key);
}

/**
 * A group's papers in display order: newest first then by title for categories, by title for a year and for all
 * papers. Exported so a tree can sort a group only when it is opened.
 */
export function sortGroupPapers(papers: readonly Paper[], grouping: PaperGrouping): Paper[] {
  return [...papers].sort(grouping === 'year' || grouping === 'all' ? byTitle : byYearThenTitle);
}

function byTitle(a: Paper, b: Paper): number {
  return a.title.localeCompare(b.title) || a.key.localeCompare(b.key);
}

function groupByFacet(papers: readonly Paper[], facet: Facet, label: (id: CategoryId) => string, sort: boolean): PaperGroup[] {
  const groups = new Map<CategoryId, { papers: Paper[]; terms: Map<string, number> }>();
  const unfiled: Paper[] = [];
  for (const paper of papers) {
    let filed = false;
    for (const assignment of paper.categories) {
      if (assignment.facet !== facet) continue;
      filed = true;
      let group = groups.get(assignment.id);
      if (!group) groups.set(assignment.id, (group = { papers: [], terms: new Map() }));
      if (group.papers[group.papers.length - 1] !== paper) group.papers.push(paper);
      for (const term of new Set(assignment.evidence.map((evidence) => (evidence.field === 'pin' ? 'pinned' : evidence.term)))) {
        group.terms.set(term, (group.terms.get(term) ?? 0) + 1);
      }
    }
    if (!filed) unfiled.push(paper);
  }
  const result: PaperGroup[] = [...groups.entries()]
    .map(([id, group]) => ({
      id,
      label: label(id),
      papers: sort ? group.papers.sort(byYearThenTitle) : group.papers,
      terms: [...group.terms.entries()]
        .map(([term, count]) => ({ term, papers: count }))
        .sort((a, b) => b.papers - a.papers || a.term.localeCompare(b.term)),
    }))
    .sort((a, b) => b.papers.length - a.papers.length || a.label.localeCompare(b.label));
  if (unfiled.length > 0) result.push({ id: 'unfiled', label: 'Unfiled', papers: sort ? unfiled.sort(byYearThenTitle) : unfiled, terms: [] });
  return result;
}

function groupByYear(papers: readonly Paper[], sort: boolean): PaperGroup[] {
  const years = new Map<number | undefined, Paper[]>();
  for (const paper of papers) {
    let list = years.get(paper.year);
    if (!list) years.set(paper.year, (list = []));
    list.push(paper);
  }
  return [...years.entries()]
    .sort(([a], [b]) => (b ?? -Infinity) - (a ?? -Infinity))
    .map(([year, list]) => ({
      id: year === undefined ? 'unknown-year' : String(year),
      label: year === undefined ? 'Unknown year' : String(year),
      papers: sort ? list.sort(byTitle) : list,
      terms: [],
    }));
}

/**
 * Files papers for the Papers tree. By method family or application domain, a paper sits in every category it was
 * assigned (so counts can add up to more than the library), biggest category first, with an "Unfiled" group for
 * papers no term matched; by year, newest first; "all" is one group of every paper by title. With
 * `sortPapers: false` the groups keep library order (see sortGroupPapers), for a caller that sorts on demand.
 */
export function groupPapers(
  papers: readonly Paper[],
  grouping: PaperGrouping,
  label: (id: CategoryId) => string = humanizeCategoryId,
  options: { readonly sortPapers?: boolean } = {},
): PaperGroup[] {
  const sort = options.sortPapers ?? true;
  switch (grouping) {
    case 'method':
    case 'domain':
      return groupByFacet(papers, grouping, label, sort);
    case 'year':
      return groupByYear(papers, sort);
    case 'all':
      return [{ id: 'all', label: 'All papers', papers: sort ? [...papers].sort(byTitle) : [...papers], terms: [] }];
  }
}

/** Why a category's papers are there, for its tooltip: "Matched terms: mamba (12 papers), state space (9 papers)". */
export function explainGroup(group: PaperGroup, maxTerms = 12): string {
  if (group.id === 'unfiled') return 'No taxonomy term matched these papers.';
  if (group.terms.length === 0) return `${group.papers.length} paper${group.papers.length === 1 ? '' : 's'}.`;
  const shown = group.terms.slice(0, maxTerms).map(({ term, papers }) => `${term} (${papers} paper${papers === 1 ? '' : 's'})`);
  const more = group.terms.length > maxTerms ? `, and ${group.terms.length - maxTerms} more` : '';
  return `Matched terms: ${shown.join(', ')}${more}.`;
}
