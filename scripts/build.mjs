// Builds every bundle with esbuild. Types are checked separately (`npm run typecheck`).
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { writeBundledCslData } from './cslData.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Entries that exist are built; later features add theirs here. */
const nodeEntries = [
  { in: 'src/extension.ts', out: 'extension' },
  { in: 'src/cli/main.ts', out: 'cli' },
  { in: 'bench/main.ts', out: 'bench' },
  { in: 'bench/coldStart.ts', out: 'coldStart' },
  { in: 'scripts/writeCorpusCategories.ts', out: 'writeCorpusCategories' },
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

/**
 * ES modules bundled into CommonJS lose `import.meta.url`, which some dependencies (tinyglobby's fdir) pass to
 * createRequire: give them the bundle's own URL.
 */
const importMetaUrl = 'var __importMetaUrl = require("url").pathToFileURL(__filename).href;';
const nodeCommon = { define: { 'import.meta.url': '__importMetaUrl' }, banner: { js: importMetaUrl } };

const nodeOptions = {
  ...common,
  ...nodeCommon,
  outdir: 'dist',
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
};

/** The embedded corpus's categories, precomputed after each build of the classifier (src/core/categories/categorySnapshot.ts). */
const writeCorpusCategories = () => execFileSync(process.execPath, ['dist/writeCorpusCategories.js'], { stdio: 'inherit' });
const corpusCategories = {
  name: 'corpus-categories',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length === 0) writeCorpusCategories();
    });
  },
};

const contexts = [
  await esbuild.context({ ...nodeOptions, entryPoints: nodeEntries.filter((entry) => !executables.has(entry.out)), plugins: [corpusCategories] }),
  await esbuild.context({
    ...nodeOptions,
    entryPoints: nodeEntries.filter((entry) => executables.has(entry.out)),
    banner: { js: `#!/usr/bin/env node\n${importMetaUrl}` },
  }),
  // Webview scripts run in the browser; they go into media/webview/ (build output, packaged in the VSIX).
  await esbuild.context({
    ...common,
    entryPoints: [{ in: 'webview/paperView.ts', out: 'paperView' }].filter((entry) => existsSync(entry.in)),
    outdir: 'media/webview',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  }),
  await esbuild.context({
    ...common,
    ...nodeCommon,
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

// The webview cannot load from node_modules (localResourceRoots is media/ only): copy the codicon font next to it.
mkdirSync('media/webview/codicons', { recursive: true });
for (const file of ['codicon.css', 'codicon.ttf']) cpSync(`node_modules/@vscode/codicons/dist/${file}`, `media/webview/codicons/${file}`);

// The bundled CSL styles, locales and their third-party notice, extracted from their packages (scripts/cslData.mjs).
writeBundledCslData('dist/csl');

if (watch) {
  await Promise.all(contexts.map((ctx) => ctx.watch()));
} else {
  await Promise.all(contexts.map((ctx) => ctx.rebuild()));
  await Promise.all(contexts.map((ctx) => ctx.dispose()));
}
