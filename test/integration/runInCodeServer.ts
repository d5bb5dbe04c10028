// `npm run test:integration`: runs test/integration/suite in code-server's Node extension host, with headless
// Chromium as the window, and exits with the suites' result. Set PAPER_NOTES_TEST_GREP to run only matching tests.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { format } from 'node:util';
import { launchBrowser } from '../../scripts/vscode/browser';
import { isHarmlessNoise, repoRoot, sampleWorkspace, startCodeServer } from '../../scripts/vscode/codeServer';

const suiteIndex = path.join(repoRoot, 'dist', 'test', 'integration', 'suite', 'index.js');
const timeoutMs = Number(process.env.PAPER_NOTES_TEST_TIMEOUT_MS ?? 300_000);

async function main(): Promise<number> {
  // The suites write notes and .bib files into the workspace: give them a copy of the sample notes, so no run can leave
  // a file behind in the repository's folder for a later run (or the UI suites, which open it) to count.
  const parent = mkdtempSync(path.join(os.tmpdir(), 'paper-notes-integration-'));
  const workspace = path.join(parent, path.basename(sampleWorkspace)); // still named notes/, as the suites expect
  cpSync(sampleWorkspace, workspace, { recursive: true });
  try {
    return await runSuites(workspace);
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
}

async function runSuites(workspace: string): Promise<number> {
  const server = await startCodeServer({
    // mocha's check marks take their colour from the environment (CI=true turns it on), not from its color option.
    env: { NO_COLOR: '1' },
    log: (line) => {
      // code-server's own log says the extension host exited with 0 whatever happened: it is no result signal.
      if (/error/i.test(line)) console.error(`[code-server] ${line}`);
    },
  });
  const browser = await launchBrowser(server.runDir);
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    let finish: (code: number) => void = () => undefined;
    const exitCode = new Promise<number>((resolve, reject) => {
      finish = resolve;
      setTimeout(() => reject(new Error(`the test run did not finish within ${timeoutMs / 1000} s`)), timeoutMs).unref();
    });
    // The workbench calls these when the test run logs and when it ends; they must exist before the page loads.
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const text = format(...(Array.isArray(args) ? args : [args]));
      if (isHarmlessNoise(text)) return;
      (type === 'error' ? process.stderr : process.stdout).write(`${text}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => finish(code));
    page.on('pageerror', (error) => {
      if (!isHarmlessNoise(error.message)) console.error(`[workbench] ${error.message}`);
    });
    await page.goto(server.workbenchUrl({ folder: workspace, extensionDevelopmentPath: repoRoot, extensionTestsPath: suiteIndex }));
    const code = await exitCode;
    console.log(code === 0 ? 'integration: the suites passed' : `integration: the suites failed (exit code ${code})`);
    return code;
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
