// Debian's Chromium, driven by playwright-core, as the VS Code window (`npx playwright install` cannot download a browser here).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

function chromiumExecutable(): string {
  const configured = process.env.PAPER_NOTES_CHROMIUM;
  if (configured) return configured;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  }
  throw new Error('No Chromium found: install the Debian package `chromium` (.ci/run does) or set PAPER_NOTES_CHROMIUM.');
}

/** A headless Chromium with its profile inside the run folder, so parallel runs never share one. */
export async function launchBrowser(runDir: string): Promise<BrowserContext> {
  const profile = path.join(runDir, 'chromium-profile');
  mkdirSync(profile, { recursive: true });
  return chromium.launchPersistentContext(profile, {
    executablePath: chromiumExecutable(),
    headless: true,
    viewport: { width: 1400, height: 900 },
    // Playwright refuses --user-data-dir here; the profile is the first argument instead.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
