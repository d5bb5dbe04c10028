// TeX Live's bibliographies (Debian's texlive-bibtex-extra) read by our reader and by Pandoc, compared entry by entry.
// Shared by the differential test (test/unit/library/texLiveBibliographies.test.ts) and `npm run bench`.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseBibtex, readBibtex } from '../../src/core/library/bibtexReader';
import type { PaperRecord } from '../../src/core/library/paper';

export interface CorpusFile {
  /** Path below `bibtex/bib`, e.g. `beebe/texbook3.bib`. */
  readonly name: string;
  readonly text: string;
}

/** The `.bib` files of TeX Live's `bibtex/bib` tree, found through kpsewhich (installed with texlive-bibtex-extra). */
export function texLiveBibFiles(): CorpusFile[] {
  let texmfDist: string;
  try {
    texmfDist = execFileSync('kpsewhich', ['-var-value', 'TEXMFDIST'], { encoding: 'utf8' }).trim();
  } catch (error) {
    throw new Error(`kpsewhich could not run; the setup installs Debian's texlive-bibtex-extra: ${String(error)}`, { cause: error });
  }
  const root = join(texmfDist, 'bibtex', 'bib');
  const files: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.bib')) files.push(path);
    }
  };
  walk(root);
  files.sort();
  if (files.length < 30) {
    throw new Error(`expected TeX Live's 30 .bib files under ${root}, found ${files.length}; install Debian's texlive-bibtex-extra`);
  }
  return files.map((path) => ({ name: relative(root, path), text: decodeBib(readFileSync(path)) }));
}

/** UTF-8, or Latin-1 for the few older files that are not UTF-8 (as Pandoc falls back). */
function decodeBib(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

export interface PandocName {
  readonly family?: string;
  readonly given?: string;
  readonly literal?: string;
  readonly 'non-dropping-particle'?: string;
  readonly 'dropping-particle'?: string;
}

export interface PandocItem {
  readonly id: string;
  readonly author?: readonly PandocName[];
}

export interface PandocFileResult {
  readonly items: readonly PandocItem[];
  /** Set when Pandoc rejected the file outright. */
  readonly error?: string;
  /** True when Pandoc read the file only after `%` inside lines was escaped (see `pandocReadable`). */
  readonly escapedPercent: boolean;
}

function runPandoc(text: string, args: readonly string[] = ['-f', 'bibtex', '-t', 'csljson']): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('pandoc', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) => reject(new Error(`pandoc could not run (the setup installs Debian's pandoc): ${error.message}`)));
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }));
    child.stdin.end(text);
  });
}

/**
 * Pandoc 2.17 (Debian 12) reads a `%` anywhere as a comment, even inside a quoted value (a DOI's `%3B`, an e-mail
 * route `FX%nnga`), and then rejects the whole file. BibTeX reads `%` inside a value literally. For such files Pandoc
 * gets a copy with every `%` that does not start a line escaped; keys and names, which the test compares, keep theirs.
 */
function pandocReadable(text: string): string {
  return text.replace(/^([ \t]*[^%\n][^\n]*)$/gm, (line) => line.replace(/(?<!\\)%/g, '\\%'));
}

/** The bibliography `pandoc --citeproc` prints for every entry of `bibtex` (default style), as plain text. */
export async function pandocCiteprocPlainText(bibtex: string): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'paper-notes-citeproc-'));
  const bibliography = join(folder, 'export.bib');
  writeFileSync(bibliography, bibtex);
  const { status, stdout, stderr } = await runPandoc('---\nnocite: "@*"\n---\n', ['--citeproc', '--bibliography', bibliography, '-f', 'markdown', '-t', 'plain', '--wrap=none']);
  if (status !== 0) throw new Error(`pandoc --citeproc failed: ${stderr}`);
  return stdout;
}

/** Pandoc's CSL-JSON for one file; a file it rejects is retried once with `%` escaped. */
export async function pandocRead(text: string): Promise<PandocFileResult> {
  for (const escapedPercent of [false, true]) {
    const { status, stdout, stderr } = await runPandoc(escapedPercent ? pandocReadable(text) : text);
    if (status === 0) {
      return { items: JSON.parse(stdout) as PandocItem[], escapedPercent };
    }
    if (escapedPercent) {
      return { items: [], error: stderr.trim().split('\n').slice(0, 3).join(' '), escapedPercent };
    }
  }
  throw new Error('unreachable');
}

/** Runs `task` over `inputs` with at most `limit` at a time, results in input order. */
export async function mapLimited<T, R>(inputs: readonly T[], limit: number, task: (input: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(inputs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < inputs.length) {
      const index = next++;
      results[index] = await task(inputs[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, inputs.length) }, worker));
  return results;
}

/** A backslash command left in text a user reads. */
export const RAW_COMMAND = /\\[A-Za-z@]+|\\./;

export function rawCommandIn(record: PaperRecord): string | undefined {
  for (const text of [record.title, record.venue ?? '', record.abstract, ...record.authors]) {
    const match = RAW_COMMAND.exec(text);
    if (match !== null) return match[0];
  }
  return undefined;
}

/** Names as compared: Pandoc turns ' into ’ (smart quotes), which is typography, not a different name. */
function comparable(text: string): string {
  return text.normalize('NFC').replace(/[‘’]/g, "'").replace(/[{}]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** True if our display name ("Given von Family Jr") names the same person as Pandoc's first author. */
export function sameFirstAuthor(ours: string, pandoc: PandocName): boolean {
  const family = pandoc.family ?? pandoc.literal ?? '';
  const name = comparable(ours);
  if (!name.includes(comparable(family))) return false;
  const given = pandoc.given === undefined ? '' : comparable(pandoc.given).split(' ')[0];
  return given.length === 0 || name.includes(given);
}

export interface FileComparison {
  readonly file: string;
  readonly ours: readonly PaperRecord[];
  /** Key -> entry type, for every entry our scanner saw (bibliographic or not). */
  readonly typeByKey: ReadonlyMap<string, string>;
  readonly pandoc: PandocFileResult;
  readonly readMs: number;
}

/** Reads one file with both readers. */
export async function compareFile(file: CorpusFile): Promise<FileComparison> {
  const start = performance.now();
  const ours = readBibtex(file.text, file.name).records;
  const readMs = performance.now() - start;
  const typeByKey = new Map(parseBibtex(file.text, file.name).entries.map((entry) => [entry.key, entry.type]));
  return { file: file.name, ours, typeByKey, pandoc: await pandocRead(file.text), readMs };
}
