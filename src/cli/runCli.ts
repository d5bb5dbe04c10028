import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { readCategoryPins } from '../core/categories/categoryPins';
import { dailyPapersMetadataFile } from '../core/library/dailyPapersWithMetadata';
import { IncrementalLibrary } from '../core/library/incrementalLibrary';
import { buildLibrary, Library, type BuildLibraryOptions, type LibraryInput } from '../core/library/library';
import { invalidUtf8Diagnostics } from '../core/library/invalidUtf8';
import { libraryFormatOf } from '../core/library/libraryFormats';
import type { LibraryDiagnostic } from '../core/library/paper';
import { stripControlChars, visibleText } from '../core/view/inertText';
import { CorpusFileError, readEmbeddedCorpus } from '../node/corpusFiles';
import { CslFiles } from '../node/cslFiles';
import { readWorkspaceLibraryFiles } from '../node/workspaceLibraryFiles';
import { CliError, type CliCommand, type CliIo } from './cliCommand';
import { COMMANDS } from './commands';

/** Where pins are read from when `--pins` is not given, relative to the working directory. */
export const DEFAULT_PINS_FILE = path.join('.papernotes', 'categories.json');

export interface CliEnvironment {
  readonly io: CliIo;
  /** The folder holding the embedded corpus. */
  readonly corpusDir: string;
  readonly cwd: string;
  /** Default: none (the commands that go online then use the public services, without proxy or cache). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The bundled CSL styles and locales (`dist/csl`); beside the corpus's `dist/` when not given. */
  readonly cslDir?: string;
}

function commandTable(commands: readonly CliCommand[]): Map<string, CliCommand> {
  const table = new Map<string, CliCommand>();
  for (const command of commands) {
    if (table.has(command.name)) throw new Error(`duplicate CLI command ${command.name}`);
    table.set(command.name, command);
  }
  return table;
}

function usage(commands: readonly CliCommand[]): string {
  const lines = ['usage: paper-notes [--workspace DIR] [--corpus FILE]... [--pins FILE] COMMAND [ARGS]', '', 'commands:'];
  for (const command of commands) lines.push(`  ${command.usage.padEnd(44)} ${command.summary}`);
  lines.push('', 'options:',
    '  --workspace DIR read the library the extension reads in DIR: the files paperNotes.library.files matches',
    '                  (DIR/.vscode/settings.json, else the defaults), plus the bundled papers unless turned off',
    '  --corpus FILE   read this BibTeX, CSL-JSON or Daily Papers file (told by name and content; repeatable),',
    '                  instead of the embedded corpus, or in addition to the --workspace library',
    `  --pins FILE     category pins, a JSON object from key to category ids (default ${DEFAULT_PINS_FILE} if present)`);
  return `${lines.join('\n')}\n`;
}

/** `file:line: severity: message`, the form editors and terminals link to; bidi controls in it are shown by name. */
export function formatDiagnostic(d: LibraryDiagnostic): string {
  return `${d.file}:${d.line}: ${d.severity}: ${visibleText(d.message)}`;
}

/** Reads one `--corpus` file; its format is told by its name and content, as the extension tells it. */
async function readCorpusArgument(cwd: string, file: string, diagnostics: LibraryDiagnostic[]): Promise<LibraryInput> {
  let text: string;
  try {
    const bytes = await readFile(path.resolve(cwd, file));
    text = new TextDecoder('utf-8').decode(bytes);
    diagnostics.push(...invalidUtf8Diagnostics(bytes, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CorpusFileError(file, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message);
  }
  const format = libraryFormatOf(file, text);
  if (format === undefined) throw new CliError(`${file}: not a library file (expected BibTeX, CSL-JSON or a Daily Papers page)`);
  return { file, text, format };
}

/**
 * The library the command works on. `--workspace` builds it as the extension does (its files first, by path, then
 * the bundled papers, through the same incremental library); `--corpus` files join it, or stand alone without it.
 */
async function loadLibrary(
  env: CliEnvironment,
  request: { workspace?: string; corpus: readonly string[]; pins?: BuildLibraryOptions['pins'] },
): Promise<Library> {
  const extra: LibraryInput[] = [];
  const encoding: LibraryDiagnostic[] = [];
  for (const file of request.corpus) {
    const input = await readCorpusArgument(env.cwd, file, encoding);
    extra.push(input);
    // A Daily Papers page and the metadata file saved beside it are read as one (the library merges them by title).
    const metadata = dailyPapersMetadataFile(file);
    if (input.format === 'daily-papers' && !request.corpus.includes(metadata) && existsSync(path.resolve(env.cwd, metadata))) {
      extra.push(await readCorpusArgument(env.cwd, metadata, encoding));
    }
  }
  if (request.workspace === undefined) {
    const inputs = extra.length > 0 ? extra : await readEmbeddedCorpus(env.corpusDir);
    const built = buildLibrary(inputs, request.pins ? { pins: request.pins } : {});
    return encoding.length === 0 ? built : new Library(built.papers, [...encoding, ...built.diagnostics]);
  }
  const folder = path.resolve(env.cwd, request.workspace);
  if (!existsSync(folder)) throw new CliError(`--workspace ${request.workspace}: no such folder`);
  const workspace = await readWorkspaceLibraryFiles(folder, env.corpusDir);
  const library = new IncrementalLibrary(request.pins ? { pins: request.pins } : {});
  for (const input of extra) library.setFile(input);
  for (const { input, bundled } of workspace.files) library.setFile(input, bundled);
  const built = library.build();
  const early = [...encoding, ...workspace.diagnostics];
  return early.length === 0 ? built : new Library(built.papers, [...early, ...built.diagnostics]);
}

/** Runs the CLI on `argv` (without node and script) and returns the exit code; never throws for user errors. */
export async function runCli(argv: readonly string[], env: CliEnvironment): Promise<number> {
  // Nothing the CLI writes, to a terminal or a redirected file, carries a control character (an escape sequence can
  // retitle or clear a terminal); tab and line breaks stay.
  const io: CliIo = { stdout: (text) => env.io.stdout(stripControlChars(text)), stderr: (text) => env.io.stderr(stripControlChars(text)) };
  const commands = commandTable(COMMANDS);
  try {
    const corpus: string[] = [];
    let pinsFile: string | undefined;
    let workspace: string | undefined;
    const rest: string[] = [];
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i];
      const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
      if (flag === '--corpus' || flag === '--pins' || flag === '--workspace') {
        const value = inline ?? argv[++i];
        if (value === undefined || value === '') throw new CliError(`${flag} needs a ${flag === '--workspace' ? 'DIR' : 'FILE'}`);
        if (flag === '--corpus') corpus.push(value);
        else if (flag === '--workspace') workspace = value;
        else pinsFile = value;
      } else {
        rest.push(arg);
      }
    }
    const [name, ...args] = rest;
    if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
      io.stdout(usage(COMMANDS));
      return name === undefined ? 2 : 0;
    }
    const command = commands.get(name);
    if (command === undefined) throw new CliError(`unknown command ${name}; run paper-notes help`);

    const options: { pins?: BuildLibraryOptions['pins'] } = {};
    const pinsPath = pinsFile ?? (existsSync(path.join(env.cwd, DEFAULT_PINS_FILE)) ? DEFAULT_PINS_FILE : undefined);
    const pinDiagnostics: LibraryDiagnostic[] = [];
    if (pinsPath !== undefined) {
      let text: string;
      try {
        text = await readFile(path.resolve(env.cwd, pinsPath), 'utf8');
      } catch {
        throw new CliError(`cannot read ${pinsPath}`);
      }
      const pins = readCategoryPins(text, pinsPath);
      pinDiagnostics.push(...pins.diagnostics);
      options.pins = { pins: pins.pins, file: pinsPath };
    }
    const library = await loadLibrary(env, { workspace, corpus, pins: options.pins });
    for (const diagnostic of [...pinDiagnostics, ...library.diagnostics]) io.stderr(`${formatDiagnostic(diagnostic)}\n`);
    const csl = new CslFiles(env.cslDir ?? path.join(env.corpusDir, '..', 'dist', 'csl'));
    return await command.run({ library, io, cwd: env.cwd, csl, env: env.env ?? {} }, args);
  } catch (error) {
    if (error instanceof CliError || error instanceof CorpusFileError) {
      io.stderr(`paper-notes: ${error.message}\n`);
      return 2;
    }
    // node:util parseArgs reports bad options as TypeErrors with an ERR_PARSE_ARGS_* code.
    if (error instanceof TypeError && String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`paper-notes: ${error.message.split('\n')[0]}\n`);
      return 2;
    }
    throw error;
  }
}
