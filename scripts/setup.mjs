#!/usr/bin/env node
// The one set-up step behind the README's two commands (`npm start`, `npm test` run it first) and .ci/run.
// It installs the Debian packages that are missing, and only those, then lets the command go on. Where it cannot
// install (not root, no apt-get), it stops before any work with one line naming what is missing and the command
// that installs it. Plain Node with no dependencies: it must run before anything else works.
import { spawnSync } from 'node:child_process';

/** Why each package is needed, and by which command. */
const packages = [
  { name: 'ripgrep', for: ['start', 'test'], why: 'code-server install (VS Code search)' },
  { name: 'build-essential', for: ['start', 'test'], why: "code-server's native modules" },
  { name: 'python3', for: ['start', 'test'], why: "code-server's native modules (node-gyp)" },
  { name: 'pkg-config', for: ['start', 'test'], why: "code-server's native modules" },
  { name: 'libkrb5-dev', for: ['start', 'test'], why: "code-server's native modules" },
  { name: 'libxkbfile-dev', for: ['start', 'test'], why: "code-server's native modules" },
  { name: 'libsecret-1-dev', for: ['start', 'test'], why: "code-server's native modules" },
  { name: 'pandoc', for: ['start', 'test'], why: "citations are checked against real Pandoc; the build takes Chicago author-date from its default.csl" },
  { name: 'citation-style-language-styles', for: ['start', 'test'], why: 'the build takes the bundled IEEE, Nature and ACM styles from it' },
  { name: 'citation-style-language-locales', for: ['start', 'test'], why: 'the build takes the bundled CSL locales from it' },
  { name: 'chromium', for: ['test'], why: 'the UI tests drive the workbench in headless Chromium' },
  { name: 'texlive-bibtex-extra', for: ['test'], why: "the BibTeX reader is checked against TeX Live's real bibliographies" },
];

const target = process.argv[2] ?? 'test';
if (!['start', 'test', 'all'].includes(target)) {
  console.error(`setup: unknown target "${target}" (start, test or all)`);
  process.exit(2);
}
const wanted = packages.filter((pkg) => target === 'all' || pkg.for.includes(target)).map((pkg) => pkg.name);

function run(command, args, options = {}) {
  return spawnSync(command, args, { encoding: 'utf8', ...options });
}

function hasCommand(command) {
  return run('sh', ['-c', `command -v ${command}`]).status === 0;
}

function isInstalled(pkg) {
  const result = run('dpkg-query', ['-W', '-f=${Status}', pkg]);
  return result.status === 0 && result.stdout.includes('install ok installed');
}

function stop(line) {
  console.error(`setup: ${line}`);
  process.exit(1);
}

if (process.platform !== 'linux' || !hasCommand('dpkg-query')) {
  // Not Debian: check the commands themselves; the headers code-server builds against cannot be checked this way.
  const commands = { ripgrep: 'rg', pandoc: 'pandoc', chromium: 'chromium', 'build-essential': 'make', python3: 'python3' };
  const missing = wanted.filter((pkg) => commands[pkg] && !hasCommand(commands[pkg]));
  if (missing.length > 0) {
    stop(`missing ${missing.join(', ')} (this is not a Debian system: install them with your package manager)`);
  }
  process.exit(0);
}

const missing = wanted.filter((pkg) => !isInstalled(pkg));
if (missing.length === 0) process.exit(0);

const installLine = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) stop(`missing Debian packages ${missing.join(' ')}; install them as root: sudo sh -c '${installLine}'`);
if (!hasCommand('apt-get')) stop(`missing Debian packages ${missing.join(' ')}, and apt-get is not available to install them`);

const started = Date.now();
console.log(`setup: installing Debian packages ${missing.join(' ')} (once on this machine)…`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
// apt-get waits for another apt process's lock rather than failing at once.
const lockWait = ['-o', 'DPkg::Lock::Timeout=300'];
for (const args of [['update', '-qq', ...lockWait], ['install', '-y', '-qq', '--no-install-recommends', ...lockWait, ...missing]]) {
  const result = run('apt-get', args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status !== 0) {
    const reason = (result.stderr || '').trim().split('\n').filter(Boolean).pop() ?? `exit ${result.status}`;
    stop(`apt-get ${args[0]} failed (${reason}); run as root: ${installLine}`);
  }
}
const stillMissing = missing.filter((pkg) => !isInstalled(pkg));
if (stillMissing.length > 0) stop(`apt-get did not install ${stillMissing.join(' ')}; run as root: ${installLine}`);
console.log(`setup: installed in ${Math.round((Date.now() - started) / 1000)} s.`);
