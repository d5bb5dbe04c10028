// Starts code-server for one run: a free port on 127.0.0.1, its own user-data and extensions folders in a temp folder,
// its own process group (killed at exit, even on failure), so parallel runs on one machine never collide.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ensureCodeServer, type CodeServerInstall } from './codeServerInstall';

/** The harness's own checkout: the extension loads from here. */
export const repoRoot = path.resolve(import.meta.dirname, '..', '..');
export const sampleWorkspace = path.join(repoRoot, 'samples', 'notes');

/** Settings that keep welcome pages, tours and update prompts from covering the workbench. */
const quietSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  'window.commandCenter': false,
};

/**
 * Lines every run prints that say nothing about Paper Notes: no extension gallery offline, a web-only asset, a
 * service-worker notice, and the workbench's own start-up chatter (connection and socket set-up, cache updates).
 */
const harmlessNoise = [
  /gallery/i,
  /marketplace/i,
  /getaddrinfo (ENOTFOUND|EAI_AGAIN)/i,
  /ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED/i,
  /regexp-language-detection/i,
  /service ?worker/i,
  /Wrote default config file/i,
  /^(Resolving|Resolved) connection token/,
  /^Creating a socket/,
  /^Updating additional builtin extensions cache/,
  /^ChatSessionStore:/,
  /^Creation of workbench contribution '.*' took \d+ms/,
  /^\[Extension Host\] debugger (listening|inspector)/i,
];

export function isHarmlessNoise(line: string): boolean {
  return harmlessNoise.some((pattern) => pattern.test(line));
}

export interface WorkbenchOptions {
  /** Folder to open. */
  readonly folder: string;
  /** Load the extension from this folder (development mode). */
  readonly extensionDevelopmentPath?: string;
  /** A compiled `index.js` exporting `run()`: the extension host runs it, then the workbench reports the result. */
  readonly extensionTestsPath?: string;
}

export interface StartOptions {
  /** Extra user settings on top of the quiet defaults. */
  readonly settings?: Record<string, unknown>;
  /** Extra environment for code-server and the extension host it starts. */
  readonly env?: NodeJS.ProcessEnv;
  /** Called with each non-noise line code-server prints. */
  readonly log?: (line: string) => void;
}

export interface CodeServer {
  readonly origin: string;
  readonly port: number;
  /** This run's temp folder: user data, extensions, browser profile. Deleted by stop(). */
  readonly runDir: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  /** Workbench URL for a folder, with the development/test payload when asked. */
  workbenchUrl(options: WorkbenchOptions): string;
  /** Kills the process group and removes the temp folder. Safe to call twice. */
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal); // negative pid: the whole group (code-server, its extension host, its watchers)
  } catch {
    // Already gone.
  }
}

/** Servers still running with their stop functions; stopped on a signal, killed synchronously on any other exit. */
const running = new Map<ChildProcess, { runDir: string; stop: () => Promise<void> }>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const [child, { runDir }] of running) {
      killGroup(child, 'SIGKILL');
      rmSync(runDir, { recursive: true, force: true });
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      void Promise.all([...running.values()].map(({ stop }) => stop())).finally(() => process.exit(130));
    });
  }
}

async function waitForHealth(origin: string, child: ChildProcess, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) return false;
    try {
      const response = await fetch(`${origin}/healthz`);
      if (response.ok) return true;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

function argsFor(port: number, userDataDir: string, extensionsDir: string): string[] {
  return [
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
  ];
}

function prepareRunDir(settings: Record<string, unknown>): { runDir: string; userDataDir: string; extensionsDir: string } {
  const runDir = mkdtempSync(path.join(os.tmpdir(), 'paper-notes-vscode-'));
  const userDataDir = path.join(runDir, 'user-data');
  const extensionsDir = path.join(runDir, 'extensions');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(path.join(userDataDir, 'User', 'settings.json'), `${JSON.stringify({ ...quietSettings, ...settings }, null, 2)}\n`);
  return { runDir, userDataDir, extensionsDir };
}

/**
 * Installs a .vsix into a run's extensions folder with code-server's own `--install-extension`,
 * exactly as a user installs it. Throws with code-server's output when it fails.
 */
export function installVsix(server: Pick<CodeServer, 'userDataDir' | 'extensionsDir'>, vsixPath: string, install = ensureCodeServer()): void {
  const result = spawnSync(
    process.execPath,
    [install.entry, '--user-data-dir', server.userDataDir, '--extensions-dir', server.extensionsDir, '--install-extension', vsixPath],
    { env: install.env, encoding: 'utf8', timeout: 120_000 },
  );
  if (result.status !== 0 || !/successfully installed/i.test(result.stdout)) {
    throw new Error(`code-server --install-extension ${vsixPath} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

/**
 * Starts code-server (installing it on first use) and resolves once `/healthz` answers.
 * `prepare` runs before the server starts, e.g. to install a VSIX into the run's extensions folder.
 */
export async function startCodeServer(
  options: StartOptions & { prepare?: (dirs: { userDataDir: string; extensionsDir: string }) => void } = {},
): Promise<CodeServer> {
  const install: CodeServerInstall = ensureCodeServer();
  const log = options.log ?? (() => undefined);
  installExitHook();

  for (let attempt = 1; attempt <= 3; attempt++) {
    const dirs = prepareRunDir(options.settings ?? {});
    options.prepare?.(dirs);
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const child = spawn(process.execPath, [install.entry, ...argsFor(port, dirs.userDataDir, dirs.extensionsDir)], {
      env: { ...install.env, ...options.env, TMPDIR: dirs.runDir },
      detached: true, // its own process group, so one kill reaches every child it spawns
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const recent: string[] = [];
    const onData = (chunk: Buffer): void => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        recent.push(line);
        if (recent.length > 40) recent.shift();
        if (!isHarmlessNoise(line)) log(line);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);

    const stop = async (): Promise<void> => {
      if (running.has(child)) {
        const exited = new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) resolve();
          else child.once('exit', () => resolve());
        });
        killGroup(child, 'SIGTERM');
        const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 3000);
        await exited;
        clearTimeout(timer);
        killGroup(child, 'SIGKILL'); // stragglers that ignored SIGTERM
        running.delete(child);
      }
      rmSync(dirs.runDir, { recursive: true, force: true });
    };

    running.set(child, { runDir: dirs.runDir, stop });
    if (await waitForHealth(origin, child, 30_000)) {
      return {
        origin,
        port,
        ...dirs,
        stop,
        workbenchUrl: (workbench) => workbenchUrl(origin, port, workbench),
      };
    }
    await stop();
    // A port taken between probing and binding is the one failure worth a retry.
    if (!recent.some((line) => /EADDRINUSE/.test(line)) || attempt === 3) {
      throw new Error(`code-server did not become healthy on ${origin}. Its last output:\n${recent.join('\n')}`);
    }
  }
  throw new Error('unreachable');
}

function workbenchUrl(origin: string, port: number, options: WorkbenchOptions): string {
  // The host:port inside vscode-remote:// must be the one the browser uses.
  const remote = (fsPath: string): string => `vscode-remote://127.0.0.1:${port}${path.resolve(fsPath)}`;
  const payload: [string, string][] = [];
  if (options.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(options.extensionDevelopmentPath)]);
  if (options.extensionTestsPath) payload.push(['extensionTestsPath', remote(options.extensionTestsPath)]);
  const query = new URLSearchParams({ folder: path.resolve(options.folder) });
  if (payload.length > 0) query.set('payload', JSON.stringify(payload));
  return `${origin}/?${query.toString()}`;
}
