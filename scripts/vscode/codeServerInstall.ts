// Installs code-server (VS Code's server and web workbench, published on npm) once into a cache folder.
// Facts behind each step: @vscode/test-electron cannot download VS Code on machines that reach only the npm registry,
// and code-server 4.100.3 is the newest release that runs on Node 20 (it reports Code 1.100.3).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const codeServerVersion = '4.100.3';

/** @vscode/ripgrep looks for this cached asset before downloading ripgrep from the web. */
const ripgrepCache = { dir: 'vscode-ripgrep-cache-1.15.11', asset: 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz' };

export interface CodeServerInstall {
  /** The cache root: shared by every checkout that points PAPER_NOTES_VSCODE_CACHE at it. */
  readonly cacheDir: string;
  /** `node <entry>` runs code-server. */
  readonly entry: string;
  /** Environment every code-server process needs: its config and data stay inside the cache. */
  readonly env: NodeJS.ProcessEnv;
}

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

/** `PAPER_NOTES_VSCODE_CACHE`, else `.vscode-test/` in this checkout (ignored by git). */
export function vscodeCacheDir(): string {
  const configured = process.env.PAPER_NOTES_VSCODE_CACHE;
  return configured ? path.resolve(configured) : path.join(repoRoot, '.vscode-test');
}

function codeServerEnv(cacheDir: string): NodeJS.ProcessEnv {
  const xdg = path.join(cacheDir, 'xdg');
  // code-server writes to ~/.config and ~/.local/share even for --version: keep that inside the cache.
  return {
    ...process.env,
    XDG_CONFIG_HOME: path.join(xdg, 'config'),
    XDG_DATA_HOME: path.join(xdg, 'data'),
    XDG_CACHE_HOME: path.join(xdg, 'cache'),
  };
}

function fail(message: string): never {
  throw new Error(`code-server ${codeServerVersion} install failed: ${message}`);
}

function which(command: string): string | undefined {
  const result = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** Packs Debian's `rg` where @vscode/ripgrep's postinstall looks for a cached download. */
function seedRipgrepCache(tmpDir: string): void {
  const rg = which('rg');
  if (!rg) fail('ripgrep is missing: install the Debian package `ripgrep` (.ci/run does).');
  const dir = path.join(tmpDir, ripgrepCache.dir);
  const asset = path.join(dir, ripgrepCache.asset);
  if (existsSync(asset)) return;
  mkdirSync(dir, { recursive: true });
  // The asset holds a single `rg` at its root; dereference the Debian symlink if there is one.
  execFileSync('tar', ['-czhf', asset, '-C', path.dirname(rg), path.basename(rg)]);
}

function installedEntry(prefix: string): string {
  return path.join(prefix, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

function reportsVersion(entry: string, env: NodeJS.ProcessEnv): boolean {
  const result = spawnSync(process.execPath, [entry, '--version'], { env, encoding: 'utf8', timeout: 60_000 });
  // It may log a line ("Wrote default config file") before the version.
  return result.status === 0 && result.stdout.split('\n').some((line) => line.startsWith(`${codeServerVersion} `));
}

/**
 * Returns a working code-server, installing it first if the cache has none. Idempotent: a finished install is marked
 * and reused; an unfinished one is built in a scratch folder and only renamed into place when `--version` works,
 * so two checkouts installing at once never see half an install.
 */
export function ensureCodeServer(log: (line: string) => void = (line) => console.log(line)): CodeServerInstall {
  const cacheDir = vscodeCacheDir();
  const env = codeServerEnv(cacheDir);
  const prefix = path.join(cacheDir, `code-server-${codeServerVersion}`);
  const marker = path.join(prefix, '.installed');
  if (existsSync(marker)) return { cacheDir, entry: installedEntry(prefix), env };

  if (process.platform !== 'linux' || process.arch !== 'x64') {
    fail(`this harness installs code-server on linux-x64 only (this is ${process.platform}-${process.arch}).`);
  }
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) fail(`code-server ${codeServerVersion} needs Node 20 (this is ${process.versions.node}).`);

  const scratch = `${prefix}.partial-${process.pid}`;
  const tmpDir = path.join(cacheDir, 'tmp');
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  mkdirSync(tmpDir, { recursive: true });
  seedRipgrepCache(tmpDir);
  // Its own prefix, so code-server never enters this project's package.json or lockfile.
  writeFileSync(
    path.join(scratch, 'package.json'),
    `${JSON.stringify({ name: 'paper-notes-code-server', private: true, dependencies: { 'code-server': codeServerVersion } }, null, 2)}\n`,
  );

  log(`Installing code-server ${codeServerVersion} into ${prefix} (once; about 2 minutes and 300 MB)…`);
  const started = Date.now();
  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error'], {
    cwd: scratch,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...env,
      TMPDIR: tmpDir, // where the seeded ripgrep asset waits
      npm_config_unsafe_perm: 'true', // as root, code-server's postinstall refuses without it
      npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`, which asks otherwise
      // code-server's postinstall installs VS Code's own dependencies with nested npm runs that build native modules
      // (node-pty, argon2, …); npm 11 blocks dependency scripts unless allowed, so allow them for this isolated prefix only.
      npm_config_dangerously_allow_all_scripts: 'true',
    },
  });
  if (install.status !== 0) {
    rmSync(scratch, { recursive: true, force: true });
    fail(
      `npm install exited with ${install.status ?? install.signal}. It needs the Debian packages build-essential python3 ` +
        'pkg-config libkrb5-dev libxkbfile-dev libsecret-1-dev ripgrep (.ci/run installs them); see the output above.',
    );
  }
  if (!reportsVersion(installedEntry(scratch), env)) {
    rmSync(scratch, { recursive: true, force: true });
    fail('the installed code-server does not start (`code-server --version` failed).');
  }
  writeFileSync(path.join(scratch, '.installed'), `${new Date().toISOString()}\n`);
  try {
    renameSync(scratch, prefix);
  } catch (error) {
    // Another run finished first: keep its install, drop ours.
    rmSync(scratch, { recursive: true, force: true });
    if (!existsSync(marker)) throw error;
  }
  log(`code-server ${codeServerVersion} installed in ${Math.round((Date.now() - started) / 1000)} s.`);
  return { cacheDir, entry: installedEntry(prefix), env };
}

/** The version the installed code-server reports, e.g. "4.100.3 … with Code 1.100.3". */
export function installedVersion(install: CodeServerInstall): string {
  return readFileSync(path.join(path.dirname(install.entry), '..', '..', 'package.json'), 'utf8').match(/"version":\s*"([^"]+)"/)?.[1] ?? '';
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const install = ensureCodeServer();
  console.log(`code-server ${installedVersion(install)}: ${install.entry}`);
}
