import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { renderNote } from '../../core/cite/csl/renderNote';
import { parsePandocCitations } from '../../core/cite/pandocCitations';
import { positionAt } from '../../core/cite/textEdit';
import { CliError, type CliCommand } from '../cliCommand';
import { cslFormatterFor, STYLE_OPTION } from './styleOption';

/**
 * `render NOTE.md [--style ID|FILE.csl]`: the note with every Pandoc citation formatted and the bibliography appended,
 * as `pandoc --citeproc -t markdown` prints it. Unknown keys are warned about with their line and printed as `**key?**`.
 */
export const renderCommand: CliCommand = {
  name: 'render',
  usage: 'render NOTE.md [--style ID|FILE.csl]',
  summary: 'print a note with its citations and bibliography formatted in a CSL style',
  async run({ library, io, cwd, csl }, args) {
    const { values, positionals } = parseArgs({ args, options: { ...STYLE_OPTION }, allowPositionals: true, strict: true });
    if (positionals.length !== 1) throw new CliError('render needs exactly one NOTE.md');
    const note = positionals[0]!;
    let text: string;
    try {
      text = await readFile(path.resolve(cwd, note), 'utf8');
    } catch {
      throw new CliError(`cannot read ${note}`);
    }
    const formatter = cslFormatterFor(csl, values.style, cwd);
    const lookup = (key: string) => library.get(key);
    for (const citation of parsePandocCitations(text)) {
      for (const item of citation.items) {
        if (lookup(item.key) === undefined) io.stderr(`${note}:${positionAt(text, item.keyStart).line + 1}: warning: unknown citation key ${item.key}\n`);
      }
    }
    io.stdout(renderNote(text, formatter, lookup));
    return 0;
  },
};
