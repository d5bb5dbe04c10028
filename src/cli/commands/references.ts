import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { REFERENCE_ORDERS, type ReferenceOrder } from '../../core/cite/citationStyle';
import { cslReferenceList } from '../../core/cite/csl/renderNote';
import { updateReferences } from '../../core/cite/referencesSection';
import { scanCitations } from '../../core/cite/scanCitations';
import { applyTextEdit, positionAt } from '../../core/cite/textEdit';
import { CliError, type CliCommand } from '../cliCommand';
import { cslFormatterFor, STYLE_OPTION } from './styleOption';

/**
 * `references NOTE.md [--write|--check] [--order first-citation|alphabetical] [--style ID|FILE.csl]`: the managed
 * References section of a note in a CSL style (Chicago author-date unless told), as Update References writes it. Prints the updated note, writes it in place, or
 * (for pre-commit hooks) exits 1 when the section is out of date or a key is unknown.
 */
export const referencesCommand: CliCommand = {
  name: 'references',
  usage: 'references NOTE.md [--write|--check] [--order ORDER] [--style ID|FILE.csl]',
  summary: 'update the managed References section of a Markdown note (print, --write in place, or --check)',
  async run({ library, io, cwd, csl }, args) {
    const { values, positionals } = parseArgs({
      args,
      options: { write: { type: 'boolean', default: false }, check: { type: 'boolean', default: false }, order: { type: 'string', default: 'first-citation' }, ...STYLE_OPTION },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new CliError('references needs exactly one NOTE.md');
    if (values.write && values.check) throw new CliError('use either --write or --check');
    const order = values.order as ReferenceOrder;
    if (!REFERENCE_ORDERS.includes(order)) throw new CliError(`unknown order ${values.order}; use ${REFERENCE_ORDERS.join(' or ')}`);
    const note = positionals[0]!;
    const file = path.resolve(cwd, note);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      throw new CliError(`cannot read ${note}`);
    }

    const formatter = cslFormatterFor(csl, values.style, cwd);
    const result = updateReferences(text, (key) => library.get(key), order, cslReferenceList(formatter));
    if (result.problem) throw new CliError(`${note}:${result.problem.line}: ${result.problem.message}`);
    const citations = scanCitations(text);
    for (const key of result.unknownKeys) {
      const first = citations.find((citation) => citation.key === key)!;
      io.stderr(`${note}:${positionAt(text, first.keyStart).line + 1}: warning: unknown citation key ${key}\n`);
    }
    const updated = result.edit ? applyTextEdit(text, result.edit) : text;

    if (values.check) {
      if (result.edit) io.stderr(`${note}: the References section is out of date; run paper-notes references ${note} --write\n`);
      return result.edit || result.unknownKeys.length > 0 ? 1 : 0;
    }
    if (values.write) {
      if (result.edit) await writeFile(file, updated, 'utf8');
      io.stdout(result.edit ? `updated ${note}: ${result.cited.length} references\n` : `${note} is up to date\n`);
      return 0;
    }
    io.stdout(updated);
    return 0;
  },
};
