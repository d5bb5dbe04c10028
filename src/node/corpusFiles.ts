import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { LibraryFormat, LibraryInput } from '../core/library/library';

/** The files of the embedded corpus, relative to the `corpus/` folder shipped with the extension and the CLI. */
export const EMBEDDED_CORPUS: ReadonlyArray<{ readonly name: string; readonly format: LibraryFormat }> = [
  { name: '000_3372b0a668492b2d.txt', format: 'daily-papers' },
  { name: 'seed-metadata.json', format: 'paper-metadata' },
];

/** A file that could not be read, with the reason in one line. */
export class CorpusFileError extends Error {
  constructor(readonly file: string, reason: string) {
    super(`cannot read ${file}: ${reason}`);
  }
}

/**
 * Reads files as UTF-8 for the library; rejects with a CorpusFileError naming the first unreadable file in the given
 * order. The files are read in parallel, so the error is picked after all have settled: which read fails first in
 * time varies from run to run.
 */
export async function readCorpusFiles(
  files: ReadonlyArray<{ readonly path: string; readonly format: LibraryFormat; readonly display?: string }>,
): Promise<LibraryInput[]> {
  const results = await Promise.allSettled(files.map(async (file) => {
    const display = file.display ?? file.path;
    try {
      return { file: display, text: await readFile(file.path, 'utf8'), format: file.format };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
      throw new CorpusFileError(display, reason);
    }
  }));
  return results.map((result) => {
    if (result.status === 'rejected') throw result.reason;
    return result.value;
  });
}

/** Reads the embedded corpus from `corpusDir`; each input is named by its file name. */
export function readEmbeddedCorpus(corpusDir: string): Promise<LibraryInput[]> {
  return readCorpusFiles(EMBEDDED_CORPUS.map((entry) => ({
    path: path.join(corpusDir, entry.name),
    format: entry.format,
    display: entry.name,
  })));
}
