import { parseArgs } from 'node:util';
import type { CategoryId } from '../../core/categories/category';
import { facetOf } from '../../core/categories/categoryPins';
import type { Paper } from '../../core/library/paper';
import { visibleText } from '../../core/view/inertText';
import { CliError, type CliCommand } from '../cliCommand';

/** The JSON shape of one paper in `list --json`. */
export function paperSummary(paper: Paper) {
  return {
    key: paper.key,
    title: paper.title,
    authors: paper.authors,
    year: paper.year ?? null,
    arxivId: paper.arxivId ?? null,
    venue: paper.venue ?? null,
    categories: paper.categories.map((c) => c.id),
    source: `${paper.source.file}:${paper.source.line}`,
  };
}

/** One line per paper: key, year, method families and domains, title. */
export function paperLine(paper: Paper): string {
  const categories = paper.categories.filter((c) => c.facet !== 'type').map((c) => c.id).join(', ') || 'uncategorised';
  const shown = visibleText(paper.title);
  const title = shown.length > 60 ? `${shown.slice(0, 59)}…` : shown;
  return `${visibleText(paper.key).padEnd(32)} ${String(paper.year ?? '    ')}  ${title.padEnd(60)}  [${categories}]`;
}

export const listCommand: CliCommand = {
  name: 'list',
  usage: 'list [--category ID] [--json]',
  summary: 'list the papers, optionally those of one category',
  run({ library, io }, args) {
    const { values } = parseArgs({ args, options: { category: { type: 'string' }, json: { type: 'boolean' } }, strict: true });
    let papers = library.papers;
    if (values.category !== undefined) {
      if (facetOf(values.category) === undefined) throw new CliError(`unknown category ${values.category}`);
      papers = library.inCategory(values.category as CategoryId);
    }
    if (values.json) io.stdout(`${JSON.stringify(papers.map(paperSummary), null, 2)}\n`);
    else for (const paper of papers) io.stdout(`${paperLine(paper)}\n`);
    return 0;
  },
};
