import { parseArgs } from 'node:util';
import type { Paper } from '../../core/library/paper';
import { displayText } from '../../core/text/readingText';
import { visibleText } from '../../core/view/inertText';
import { CliError, type CliCommand } from '../cliCommand';

/** A paper as text: metadata, categories with their evidence, then the abstract; clean reading text unless `raw`. */
export function describePaper(paper: Paper, options: { raw?: boolean } = {}): string {
  const read = (text: string): string => (options.raw ? text : displayText(text));
  // Bidi controls are shown by name: in a terminal they would reorder the text around them.
  const lines = [visibleText(read(paper.title)), ''];
  const field = (name: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') lines.push(`${`${name}:`.padEnd(12)}${typeof value === 'string' ? visibleText(value) : value}`);
  };
  field('Key', paper.key);
  field('Authors', paper.authors.join(', '));
  field('Year', paper.year);
  field('Venue', paper.venue);
  field('arXiv', paper.arxivId);
  field('DOI', paper.doi);
  field('URL', paper.url);
  field('Code', paper.codeUrls.join(' '));
  field('Source', `${paper.source.file}:${paper.source.line}`);
  lines.push('', 'Categories:');
  for (const category of paper.categories) {
    const evidence = category.evidence.map((e) =>
      e.field === 'pin' ? `pinned in ${e.term}` : e.field === 'default' ? e.term : `"${e.term}" ${e.field} x${e.count}`);
    lines.push(`  ${category.facet.padEnd(7)} ${category.id} (score ${category.score})${evidence.length ? `: ${evidence.join(', ')}` : ''}`);
  }
  lines.push('', paper.abstract === '' ? '(no abstract)' : read(paper.abstract).split('\n').map(visibleText).join('\n'), '');
  return lines.join('\n');
}

export const showCommand: CliCommand = {
  name: 'show',
  usage: 'show KEY [--json] [--raw]',
  summary: 'show one paper with its categories and why',
  run({ library, io }, args) {
    const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean' }, raw: { type: 'boolean' } }, allowPositionals: true, strict: true });
    if (positionals.length !== 1) throw new CliError('show needs exactly one KEY');
    const paper = library.get(positionals[0]) ?? library.byArxivId(positionals[0]);
    if (paper === undefined) throw new CliError(`unknown key ${positionals[0]}`);
    // JSON keeps the source text and adds the reading of title and abstract beside it.
    const json = (): string => `${JSON.stringify({ ...paper, displayTitle: displayText(paper.title), displayAbstract: displayText(paper.abstract) }, null, 2)}\n`;
    io.stdout(values.json ? json() : describePaper(paper, { raw: values.raw === true }));
    return 0;
  },
};
