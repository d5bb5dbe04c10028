import { parseArgs } from 'node:util';
import { exportPapers, type ExportFormat } from '../../core/cite/export';
import type { Paper } from '../../core/library/paper';
import { CliError, type CliCommand } from '../cliCommand';

const FORMATS: readonly ExportFormat[] = ['bibtex', 'csl-json'];

export const bibCommand: CliCommand = {
  name: 'bib',
  usage: 'bib [KEY...] [--format bibtex|csl-json]',
  summary: 'print BibTeX or CSL-JSON for the given papers (all when no key is given)',
  run({ library, io }, args) {
    const { values, positionals } = parseArgs({
      args, options: { format: { type: 'string', default: 'bibtex' } }, allowPositionals: true, strict: true,
    });
    const format = values.format as ExportFormat;
    if (!FORMATS.includes(format)) throw new CliError(`unknown format ${values.format}; use bibtex or csl-json`);
    const papers: Paper[] = [];
    for (const key of positionals) {
      const paper = library.get(key);
      if (paper === undefined) throw new CliError(`unknown key ${key}`);
      papers.push(paper);
    }
    io.stdout(exportPapers(positionals.length > 0 ? papers : library.papers, format));
    return 0;
  },
};
