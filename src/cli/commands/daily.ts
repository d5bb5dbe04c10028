import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { dailyPapersFileNames, renderDailyPapersMetadata, renderDailyPapersPage, utcDay } from '../../core/import/huggingFace';
import { fetchDailyPapers, ImportError } from '../../core/import/metadataService';
import { writeFilesAtomically } from '../../node/atomicWrite';
import { cliMetadataClient } from '../../node/importEnvironment';
import { CliError, type CliCommand } from '../cliCommand';

export const dailyCommand: CliCommand = {
  name: 'daily',
  usage: 'daily [--date YYYY-MM-DD] [--out DIR]',
  summary: "save a day of Hugging Face Daily Papers (default today in UTC) and its metadata into DIR (default papers)",
  async run({ io, cwd, env }, args) {
    const { values } = parseArgs({ args, options: { date: { type: 'string' }, out: { type: 'string', default: 'papers' } }, strict: true });
    const today = utcDay(new Date());
    const date = values.date ?? today;
    const { endpoints, http } = cliMetadataClient(env);
    try {
      const papers = await fetchDailyPapers(date, today, http, endpoints);
      const names = dailyPapersFileNames(date);
      const folder = path.resolve(cwd, values.out);
      await mkdir(folder, { recursive: true });
      await writeFilesAtomically([
        { path: path.join(folder, names.metadata), text: renderDailyPapersMetadata(papers, date) },
        { path: path.join(folder, names.page), text: renderDailyPapersPage(papers) },
      ]);
      io.stdout(`${path.join(values.out, names.page)}\n${path.join(values.out, names.metadata)}\n`);
      io.stderr(`${papers.length} papers of ${date}\n`);
      return 0;
    } catch (error) {
      if (error instanceof ImportError) throw new CliError(`${error.message}; nothing was written`);
      throw error;
    } finally {
      http.dispose();
    }
  },
};
