// Builds every bundle with esbuild. Types are checked separately (`npm run typecheck`).
import * as esbuild from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Entries that exist are built; later features add theirs here. */
const nodeEntries = [
  { in: 'src/extension.ts', out: 'extension' },
  { in: 'src/cli/main.ts', out: 'cli' },
  { in: 'bench/main.ts', out: 'bench' },
].filter((entry) => existsSync(entry.in));

/** Integration suites run inside VS Code's extension host: `index.js` (mocha's `run()`) plus one bundle per suite. */
const integrationDir = 'test/integration/suite';
const integrationEntries = existsSync(integrationDir)
  ? readdirSync(integrationDir)
      .filter((name) => name === 'index.ts' || name.endsWith('.test.ts'))
      .map((name) => ({ in: `${integrationDir}/${name}`, out: `test/integration/suite/${name.replace(/\.ts$/, '')}` }))
  : [];

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
  await esbuild.context({
    ...common,
    entryPoints: integrationEntries,
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true, // stack traces of failing tests point at the .ts source
    minify: false,
    external: ['vscode'],
    // mocha's parallel mode resolves worker files at run time; the suites run serially.
    logOverride: { 'require-resolve-not-external': 'silent' },
  }),
];

if (watch) {
  await Promise.all(contexts.map((ctx) => ctx.watch()));
} else {
  await Promise.all(contexts.map((ctx) => ctx.rebuild()));
  await Promise.all(contexts.map((ctx) => ctx.dispose()));
}
