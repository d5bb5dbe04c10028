// Builds every bundle with esbuild. Types are checked separately (`npm run typecheck`).
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Entries that exist are built; later features add theirs here. */
const nodeEntries = [
  { in: 'src/extension.ts', out: 'extension' },
  { in: 'src/cli/main.ts', out: 'cli' },
  { in: 'bench/main.ts', out: 'bench' },
].filter((entry) => existsSync(entry.in));

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

/** Entries run as programs (the package `bin`): built on their own with a shebang. */
const executables = new Set(['cli']);

const nodeOptions = {
  ...common,
  outdir: 'dist',
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
};

const contexts = [
  await esbuild.context({ ...nodeOptions, entryPoints: nodeEntries.filter((entry) => !executables.has(entry.out)) }),
  await esbuild.context({
    ...nodeOptions,
    entryPoints: nodeEntries.filter((entry) => executables.has(entry.out)),
    banner: { js: '#!/usr/bin/env node' },
  }),
];

if (watch) {
  await Promise.all(contexts.map((ctx) => ctx.watch()));
} else {
  await Promise.all(contexts.map((ctx) => ctx.rebuild()));
  await Promise.all(contexts.map((ctx) => ctx.dispose()));
}
