// Renders media/icon.svg to the 128x128 PNG the VS Code marketplace and the Extensions view show.
// Run after editing the SVG: `npx tsx scripts/renderIcon.ts`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from './vscode/browser';
import { repoRoot } from './vscode/codeServer';

async function main(): Promise<void> {
  const svg = readFileSync(path.join(repoRoot, 'media', 'icon.svg'), 'utf8');
  const runDir = mkdtempSync(path.join(os.tmpdir(), 'paper-notes-icon-'));
  const browser = await launchBrowser(runDir);
  try {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 128, height: 128 });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
    await page.locator('svg').screenshot({ path: path.join(repoRoot, 'media', 'icon.png'), omitBackground: true });
  } finally {
    await browser.close();
    rmSync(runDir, { recursive: true, force: true });
  }
}

void main();
