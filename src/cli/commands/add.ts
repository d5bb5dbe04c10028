import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { findInLibrary, planBibtexAddition } from '../../core/import/addPapers';
import { bibtexAppendix } from '../../core/import/importedPaper';
import { ImportError, lookUpPapers } from '../../core/import/metadataService';
import { parsePaperReferences } from '../../core/import/paperReference';
import { buildLibrary } from '../../core/library/library';
import { writeFilesAtomically } from '../../node/atomicWrite';
import { cliMetadataClient } from '../../node/importEnvironment';
import { CliError, type CliCommand } from '../cliCommand';

export const addCommand: CliCommand = {
  name: 'add',
  usage: 'add ID_OR_URL... [--to FILE]',
  summary: 'add papers by arXiv id, DOI or link to a BibTeX file (default references.bib) and print their keys',
  async run({ library, io, cwd, env }, args) {
    const { values, positionals } = parseArgs({ args, options: { to: { type: 'string', default: 'references.bib' } }, allowPositionals: true, strict: true });
    if (positionals.length === 0) throw new CliError('add needs at least one arXiv id, DOI or paper link');
    const { references, unrecognised } = parsePaperReferences(positionals.join(' '));
    if (unrecognised.length > 0) throw new CliError(`not an arXiv id, DOI or paper link: ${unrecognised.join(', ')}`);
    const target = path.resolve(cwd, values.to);
    let text = '';
    try {
      text = await readFile(target, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new CliError(`cannot read ${values.to}: ${(error as Error).message}`);
    }
    const inFile = buildLibrary([{ file: values.to, text, format: 'bibtex' }]).papers;
    const keys = new Map<string, string>();
    const missing = references.filter((reference) => {
      const known = findInLibrary(reference, inFile);
      if (known !== undefined) keys.set(reference.input, known.key);
      return known === undefined;
    });
    if (missing.length > 0) {
      const { endpoints, http } = cliMetadataClient(env);
      try {
        const { papers, notFound } = await lookUpPapers(missing, http, endpoints);
        if (notFound.length > 0) throw new CliError(`not found: ${notFound.join(', ')}; ${values.to} is unchanged`);
        const addition = planBibtexAddition(papers, inFile, (key) => inFile.some((paper) => paper.key === key) || library.get(key) !== undefined);
        await writeFilesAtomically([{ path: target, text: text + bibtexAppendix(text, addition.entries) }]);
        addition.keys.forEach((key) => io.stdout(`${key}\n`));
      } catch (error) {
        if (error instanceof ImportError) throw new CliError(`${error.message}; ${values.to} is unchanged`);
        throw error;
      } finally {
        http.dispose();
      }
    }
    for (const [input, key] of keys) io.stderr(`${input} is already in ${values.to} as ${key}\n`);
    for (const key of keys.values()) io.stdout(`${key}\n`);
    return 0;
  },
};
