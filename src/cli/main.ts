import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { runCli } from './runCli';

/** The corpus ships beside dist/ in the package; from the sources it is two folders up. */
const corpusDir = [path.join(__dirname, '..', 'corpus'), path.join(__dirname, '..', '..', 'corpus')]
  .find((dir) => existsSync(dir)) ?? path.join(__dirname, '..', 'corpus');

// A reader that stops early (`| head`) closes the pipe; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

runCli(process.argv.slice(2), {
  io: { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) },
  corpusDir,
  cwd: process.cwd(),
  env: process.env,
  cslDir: path.join(__dirname, 'csl'),
}).then((code) => {
  process.exitCode = code;
}, (error: unknown) => {
  process.stderr.write(`paper-notes: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
