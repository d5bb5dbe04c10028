import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
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

/** The one-line reason a corpus file could not be read. */
function corpusFileError(display: string, error: unknown): CorpusFileError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
  return new CorpusFileError(display, reason);
}

type CorpusFile = { readonly path: string; readonly format: LibraryFormat; readonly display?: string };

/**
 * Reads files as UTF-8 for the library; rejects with a CorpusFileError naming the first unreadable file in the given
 * order. The files are read in parallel, so the error is picked after all have settled: which read fails first in
 * time varies from run to run.
 */
export async function readCorpusFiles(files: ReadonlyArray<CorpusFile>): Promise<LibraryInput[]> {
  const results = await Promise.allSettled(files.map(async (file) => {
    const display = file.display ?? file.path;
    try {
      return { file: display, text: await readFile(file.path, 'utf8'), format: file.format };
    } catch (error) {
      throw corpusFileError(display, error);
    }
  }));
  return results.map((result) => {
    if (result.status === 'rejected') throw result.reason;
    return result.value;
  });
}

/**
 * `readCorpusFiles` in one go: throws a CorpusFileError naming the first unreadable file. For the few small files
 * shipped with the extension, where four event-loop turns per asynchronous read cost more than the read itself.
 */
export function readCorpusFilesSync(files: ReadonlyArray<CorpusFile>): LibraryInput[] {
  return files.map((file) => {
    const display = file.display ?? file.path;
    try {
      return { file: display, text: readFileSync(file.path, 'utf8'), format: file.format };
    } catch (error) {
      throw corpusFileError(display, error);
    }
  });
}

function embeddedCorpusFiles(corpusDir: string): CorpusFile[] {
  return EMBEDDED_CORPUS.map((entry) => ({ path: path.join(corpusDir, entry.name), format: entry.format, display: entry.name }));
}

/** Reads the embedded corpus from `corpusDir`; each input is named by its file name. */
export function readEmbeddedCorpus(corpusDir: string): Promise<LibraryInput[]> {
  return readCorpusFiles(embeddedCorpusFiles(corpusDir));
}

/** `readEmbeddedCorpus` synchronously (two small files): the extension reads it on the way to its first tree. */
export function readEmbeddedCorpusSync(corpusDir: string): LibraryInput[] {
  return readCorpusFilesSync(embeddedCorpusFiles(corpusDir));
}

/**
 * Reads a folder as a corpus: every `.txt` file as a Daily Papers page and every `.json` file as paper metadata,
 * in file-name order. Used when `PAPER_NOTES_CORPUS_DIR` points the extension at another corpus (the UI tests load
 * a hostile corpus and a 10,000-paper one this way).
 */
export async function readCorpusFolder(folder: string): Promise<LibraryInput[]> {
  let names: string[];
  try {
    names = (await readdir(folder)).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CorpusFileError(folder, code === 'ENOENT' ? 'no such folder' : (error as Error).message);
  }
  const files = names.flatMap((name) => {
    const format: LibraryFormat | undefined = name.endsWith('.txt') ? 'daily-papers' : name.endsWith('.json') ? 'paper-metadata' : undefined;
    return format ? [{ path: path.join(folder, name), format, display: name }] : [];
  });
  if (files.length === 0) throw new CorpusFileError(folder, 'holds no .txt or .json corpus file');
  return readCorpusFiles(files);
}
