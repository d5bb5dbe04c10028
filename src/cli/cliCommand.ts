import type { Library } from '../core/library/library';
import type { CslFiles } from '../node/cslFiles';

/** Where a command writes; the real process streams in `main.ts`, buffers in tests. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface CliContext {
  readonly library: Library;
  readonly io: CliIo;
  /** The working directory that relative file arguments resolve against. */
  readonly cwd: string;
  /** Environment variables (endpoints, proxy, cache folder) for the commands that go online. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The bundled CSL styles and locales, and users' `.csl` files. */
  readonly csl: CslFiles;
}

/** One CLI command: a name, a usage line and a run function over the loaded library. */
export interface CliCommand {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  /** Returns the exit code; throws CliError for a user error (printed as one line, exit code 2). */
  run(context: CliContext, args: string[]): number | Promise<number>;
}

/** A user error: bad arguments, unknown key, unreadable file. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
  }
}
