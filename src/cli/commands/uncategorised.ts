import { parseArgs } from 'node:util';
import type { CliCommand } from '../cliCommand';
import { paperLine, paperSummary } from './list';

export const uncategorisedCommand: CliCommand = {
  name: 'uncategorised',
  usage: 'uncategorised [--json]',
  summary: 'list papers with no method family and no domain (exit code 1 when there are any)',
  run({ library, io }, args) {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean' } }, strict: true });
    const papers = library.uncategorised();
    if (values.json) io.stdout(`${JSON.stringify(papers.map(paperSummary), null, 2)}\n`);
    else if (papers.length === 0) io.stdout(`all ${library.size} papers have a method family or a domain\n`);
    else for (const paper of papers) io.stdout(`${paperLine(paper)}\n`);
    return papers.length === 0 ? 0 : 1;
  },
};
