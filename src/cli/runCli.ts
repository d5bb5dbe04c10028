import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { readCategoryPins } from '../core/categories/categoryPins';
import { buildLibrary, type BuildLibraryOptions, type LibraryInput } from '../core/library/library';
import type { LibraryDiagnostic } from '../core/library/paper';
import { CorpusFileError, readCorpusFiles, readEmbeddedCorpus, withDailyPapersMetadata } from '../node/corpusFiles';
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
  const lines = ['usage: paper-notes [--corpus FILE]... [--pins FILE] COMMAND [ARGS]', '', 'commands:'];
  for (const command of commands) lines.push(`  ${command.usage.padEnd(44)} ${command.summary}`);
  lines.push('', 'options:',
    '  --corpus FILE   read this Daily Papers file instead of the embedded corpus (repeatable)',
    `  --pins FILE     category pins, a JSON object from key to category ids (default ${DEFAULT_PINS_FILE} if present)`);
  return `${lines.join('\n')}\n`;
}

/** `file:line: severity: message`, the form editors and terminals link to. */
export function formatDiagnostic(d: LibraryDiagnostic): string {
  return `${d.file}:${d.line}: ${d.severity}: ${d.message}`;
}

/** Runs the CLI on `argv` (without node and script) and returns the exit code; never throws for user errors. */
export async function runCli(argv: readonly string[], env: CliEnvironment): Promise<number> {
  const { io } = env;
  const commands = commandTable(COMMANDS);
  try {
    const corpus: string[] = [];
    let pinsFile: string | undefined;
    const rest: string[] = [];
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i];
      const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
      if (flag === '--corpus' || flag === '--pins') {
        const value = inline ?? argv[++i];
        if (value === undefined || value === '') throw new CliError(`${flag} needs a FILE`);
        if (flag === '--corpus') corpus.push(value);
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

    const inputs: LibraryInput[] = corpus.length > 0
      ? await readCorpusFiles(withDailyPapersMetadata(corpus.map((file) => ({ path: path.resolve(env.cwd, file), format: 'daily-papers' as const, display: file }))))
      : await readEmbeddedCorpus(env.corpusDir);
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
    const library = buildLibrary(inputs, options);
    for (const diagnostic of [...pinDiagnostics, ...library.diagnostics]) io.stderr(`${formatDiagnostic(diagnostic)}\n`);
    return await command.run({ library, io, cwd: env.cwd, env: env.env ?? {} }, args);
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
