// `npm run screenshots`: the Papers tree, the Claims view, the paper view and the walkthrough in the light and the dark default
// themes, drawn by the real workbench (code-server + Chromium), saved to docs/screenshots/ for the README.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot, sampleWorkspace } from './vscode/codeServer';
import type { Page } from 'playwright-core';
import { Workbench } from '../test/ui/workbench';
import { hoverText, paperFrame, paperViewSettings } from '../test/ui/paperViewPage';
import { startReplayServer } from '../test/support/replayServer';

const outDir = path.join(repoRoot, 'docs', 'screenshots');
const themes = [
  { name: 'light', theme: 'Default Light Modern' },
  { name: 'dark', theme: 'Default Dark Modern' },
] as const;

async function shoot(name: string, theme: string): Promise<void> {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'paper-notes-shots-'));
  cpSync(sampleWorkspace, workspace, { recursive: true });
  const workbench = await Workbench.open({ folder: workspace, settings: { ...paperViewSettings, 'workbench.colorTheme': theme } });
  const { page } = workbench;
  const save = async (file: string, clip?: { x: number; y: number; width: number; height: number }): Promise<void> => {
    const target = path.join(outDir, `${file}-${name}.png`);
    await page.screenshot({ path: target, ...(clip ? { clip } : {}) });
    // The pictures are committed: shrink them with pngquant (Debian package) when it is installed.
    const quantized = spawnSync('pngquant', ['--quality=75-95', '--speed', '1', '--force', '--output', target, target]);
    console.log(`screenshots: ${file}-${name}.png${quantized.status === 0 ? ' (pngquant)' : ''}`);
  };
  try {
    await workbench.openViewContainer('Paper Notes');
    const category = workbench.treeItem(/^State space models/);
    await category.waitFor();
    await category.click();
    const mamba = workbench.treeItem(/^Mamba: Linear-Time/);
    await mamba.waitFor();
    const sidebar = (await page.locator('.part.sidebar').boundingBox())!;

    // The paper view, with one highlight's tooltip open.
    await mamba.click();
    const frame = await paperFrame(workbench, 'Mamba: Linear-Time');
    await page.mouse.move(1, 1);
    await frame.locator('mark.claim.kind-speedup').first().hover();
    await frame.locator('#tooltip').waitFor({ state: 'visible' });
    const editor = (await page.locator('.part.editor').boundingBox())!;
    await save('paper-view', { x: editor.x, y: editor.y, width: editor.width, height: editor.height });

    // The tree with a paper's tooltip (authors, venue, categories, top claims), over the paper view.
    await hoverText(workbench, mamba, /Top claims/);
    await page.waitForTimeout(300);
    await save('papers-tree', { x: 0, y: 0, width: 820, height: sidebar.y + sidebar.height * 0.8 });

    // The Claims view on its own: fold the Papers pane so the claims fill the side bar.
    await page.locator('.sidebar .pane-header', { hasText: 'Papers' }).first().click();
    await workbench.treeItem(/^Long Range Arena/).waitFor();
    await page.mouse.move(900, 600);
    await page.waitForTimeout(400);
    await save('claims-view', { x: 0, y: 0, width: sidebar.x + sidebar.width, height: sidebar.y + sidebar.height });

    // The walkthrough with its second step open, so its Markdown page shows in the theme (side bar closed: the page
    // puts steps and media side by side only when the editor is wide).
    await workbench.runCommand('View: Close Primary Side Bar');
    await workbench.runCommand('Welcome: Open Walkthrough...');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Get started with Paper Notes' }).first().click();
    await page.locator('.gettingStartedContainer button.getting-started-step[data-step-id*="openPaper"]:not([data-step-id*="openPapers"])').click();
    await waitForFrameText(page, 'Read a paper with its claims highlighted');
    await page.mouse.move(900, 850);
    await page.waitForTimeout(800);
    const walkthrough = (await page.locator('.part.editor').boundingBox())!;
    await save('walkthrough', { x: walkthrough.x, y: walkthrough.y, width: walkthrough.width, height: walkthrough.height });
  } finally {
    await workbench.close();
    rmSync(workspace, { recursive: true, force: true });
  }
}

/** Waits until some frame of the page (the walkthrough's Markdown is a webview) shows `text`. */
async function waitForFrameText(page: Page, text: string): Promise<void> {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await page.waitForTimeout(250)) {
    for (const frame of page.frames()) {
      const body = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
      if (body.includes(text)) return;
    }
  }
  throw new Error(`no frame showed "${text}"`);
}

const PREVIEW_NOTE = [
  '# Selective state spaces',
  '',
  'Selection makes state spaces content-aware [see @gu2023mamba, pp. 3-5; also @gu2021efficiently].',
  'As @gu2023mamba [p. 7] shows, the scan is hardware-aware [-@gu2021efficiently]; a survey of efficient transformers',
  '[@fournier2021practical] surveys its relatives. A key the library does not know: [@nobody2020].',
  '',
].join('\n');

/** The Markdown preview beside a note, in APA and then in IEEE (the setting changed while the preview is open). */
async function shootPreview(name: string, theme: string): Promise<void> {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'paper-notes-shots-'));
  mkdirSync(path.join(workspace, '.vscode'));
  const settings = path.join(workspace, '.vscode', 'settings.json');
  writeFileSync(settings, JSON.stringify({ 'paperNotes.citation.cslStyle': 'apa' }));
  writeFileSync(path.join(workspace, 'note.md'), PREVIEW_NOTE);
  const workbench = await Workbench.open({ folder: workspace, settings: { 'workbench.colorTheme': theme, 'workbench.editor.enablePreview': false } });
  const { page } = workbench;
  const shown = async (pattern: RegExp): Promise<void> => {
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; await page.waitForTimeout(250)) {
      for (const frame of page.frames()) {
        const text = await frame.evaluate(() => document.querySelector('.paper-notes-citation')?.textContent ?? '').catch(() => '');
        if (pattern.test(text)) return;
      }
    }
    throw new Error(`the preview never showed ${pattern}`);
  };
  try {
    await workbench.openFile('note.md');
    await workbench.runCommand('Markdown: Open Preview to the Side');
    await shown(/Gu et al\., 2021/);
    await page.mouse.move(1, 1);
    await page.waitForTimeout(500);
    // The preview pane alone (the second editor group): small enough for the VSIX, and what the picture is about.
    const preview = (await page.locator('.part.editor .editor-group-container').nth(1).boundingBox())!;
    const clip = { x: preview.x, y: preview.y, width: preview.width, height: Math.min(preview.height, 480) };
    const save = async (file: string): Promise<void> => {
      const target = path.join(outDir, `${file}-${name}.png`);
      await page.screenshot({ path: target, clip });
      const quantized = spawnSync('pngquant', ['--quality=75-95', '--speed', '1', '--force', '--output', target, target]);
      console.log(`screenshots: ${file}-${name}.png${quantized.status === 0 ? ' (pngquant)' : ''}`);
    };
    await save('citation-preview-apa');
    writeFileSync(settings, JSON.stringify({ 'paperNotes.citation.cslStyle': 'ieee' }));
    await shown(/^see \[1/);
    await page.waitForTimeout(500);
    await save('citation-preview-ieee');
  } finally {
    await workbench.close();
    rmSync(workspace, { recursive: true, force: true });
  }
}

/** The paste widget offering "Paste as citation" for an arXiv link, against the replay server of the tests. */
async function shootPaste(name: string, theme: string): Promise<void> {
  const server = await startReplayServer();
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'paper-notes-shots-'));
  cpSync(sampleWorkspace, workspace, { recursive: true });
  writeFileSync(path.join(workspace, 'reading.md'), '# Reading\n\nHolography: \n');
  const workbench = await Workbench.open({ folder: workspace, env: server.env, settings: { ...paperViewSettings, 'workbench.colorTheme': theme } });
  const { page } = workbench;
  try {
    await workbench.browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: workbench.server.origin });
    await workbench.openViewContainer('Paper Notes');
    await workbench.openFile('reading.md');
    const lines = page.locator('.editor-instance .view-lines').first();
    await workbench.waitForText(lines, /Holography/);
    await lines.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('End');
    await page.evaluate((text) => navigator.clipboard.writeText(text), 'https://arxiv.org/abs/hep-th/9711200');
    await page.keyboard.press('Control+V');
    await page.locator('.post-edit-widget .monaco-button').first().click();
    const option = page.locator('.context-view .action-widget .monaco-list-row', { hasText: 'Paste as citation' }).first();
    await option.waitFor();
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(300);
    const editor = (await page.locator('.part.editor').boundingBox())!;
    const target = path.join(outDir, `paste-as-citation-${name}.png`);
    await page.screenshot({ path: target, clip: { x: editor.x, y: editor.y, width: editor.width, height: 260 } });
    const quantized = spawnSync('pngquant', ['--quality=75-95', '--speed', '1', '--force', '--output', target, target]);
    console.log(`screenshots: paste-as-citation-${name}.png${quantized.status === 0 ? ' (pngquant)' : ''}`);
  } finally {
    await workbench.close();
    await server.close();
    rmSync(workspace, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const previewOnly = process.argv.includes('--preview-only');
  const pasteOnly = process.argv.includes('--paste-only');
  for (const { name, theme } of themes) {
    if (!previewOnly && !pasteOnly) await shoot(name, theme);
    if (!pasteOnly) await shootPreview(name, theme);
    if (!previewOnly) await shootPaste(name, theme);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
