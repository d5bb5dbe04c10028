import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sampleWorkspace } from '../../scripts/vscode/codeServer';
import { startReplayServer, type ReplayServer } from '../support/replayServer';
import { paperFrame, paperViewSettings } from './paperViewPage';
import { Workbench } from './workbench';

/** Add Paper, Import Daily Papers and Paste as citation, as a user does them, against the replay server. */
describe('Importing papers in the workbench', function () {
  this.timeout(180_000);
  let server: ReplayServer;
  let workbench: Workbench;
  let workspace: string;

  before(async () => {
    server = await startReplayServer();
    workspace = mkdtempSync(path.join(os.tmpdir(), 'paper-notes-import-'));
    cpSync(sampleWorkspace, workspace, { recursive: true });
    workbench = await Workbench.open({ folder: workspace, env: server.env, settings: paperViewSettings });
    await workbench.browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: workbench.server.origin });
    await workbench.openViewContainer('Paper Notes');
    // One flat list, so a new paper is found by typing its title into the tree (the command shows once the library is ready).
    await workbench.treeItem(/^State space models/).waitFor({ timeout: 60_000 });
    await workbench.runCommand('Paper Notes: Show All Papers');
  });

  /** Finds a paper row in the Papers tree the way a user does: focus the tree and type the start of its title. */
  async function findInTree(title: string): Promise<void> {
    const { page } = workbench;
    await page.keyboard.press('Escape');
    await workbench.runCommand('Paper Notes: Focus on Papers View');
    await page.keyboard.type(title, { delay: 20 });
    await workbench.treeItem(new RegExp(`^${title}`)).waitFor();
    await page.keyboard.press('Escape');
  }

  after(async () => {
    await workbench?.close();
    await server?.close();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  it('Add Paper from the palette puts the paper in the tree and opens its paper view with its claims', async () => {
    const { page } = workbench;
    await workbench.runCommand('Paper Notes: Add Paper');
    const input = page.locator('.quick-input-widget input');
    await workbench.waitForText(page.locator('.quick-input-widget .quick-input-title'), /Add Paper/);
    await input.fill('https://huggingface.co/papers/2405.21060');
    await page.keyboard.press('Enter');
    const frame = await paperFrame(workbench, 'Transformers are SSMs', 60_000);
    await frame.locator('mark.claim.kind-speedup').first().waitFor();
    assert.match(await frame.locator('mark.claim.kind-speedup').first().innerText(), /2-8X faster/);
    await findInTree('Transformers are SSMs');
    assert.match(readFileSync(path.join(workspace, 'references.bib'), 'utf8'), /^@misc\{dao2024transformers,/);
    await workbench.screenshot('add-paper');
  });

  it('Import Daily Papers saves the day under papers/ and its paper shows in the tree', async () => {
    const { page } = workbench;
    await workbench.runCommand('Paper Notes: Import Daily Papers');
    await workbench.waitForText(page.locator('.quick-input-widget .quick-input-title'), /Import Daily Papers/);
    assert.match(await page.locator('.quick-input-widget input').inputValue(), /^\d{4}-\d{2}-\d{2}$/, 'today is offered');
    await page.locator('.quick-input-widget input').fill('2023-07-18');
    await page.keyboard.press('Enter');
    await workbench.waitForText(page.locator('.notifications-toasts'), /imported 1 papers of 2023-07-18/);
    await findInTree('Retentive Network');
    assert.ok(existsSync(path.join(workspace, 'papers', 'daily-papers-2023-07-18.txt')));
    assert.ok(existsSync(path.join(workspace, 'papers', 'daily-papers-2023-07-18.metadata.json')));
  });

  it('pasting an arXiv URL into a note offers "Paste as citation", which inserts the citation', async () => {
    const { page } = workbench;
    writeFileSync(path.join(workspace, 'paste-note.md'), 'AdS/CFT \n');
    await workbench.openFile('paste-note.md');
    const lines = page.locator('.editor-instance .view-lines').first();
    await workbench.waitForText(lines, /AdS\/CFT/);
    await lines.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('End');
    await page.evaluate((text) => navigator.clipboard.writeText(text), 'https://arxiv.org/abs/hep-th/9711200');
    await page.keyboard.press('Control+V');
    await workbench.waitForText(lines, /AdS\/CFT https:\/\/arxiv\.org\/abs\/hep-th\/9711200/);
    // The paste widget beside the pasted text lists the other ways to paste.
    await page.locator('.post-edit-widget .monaco-button').first().click();
    const option = page.locator('.context-view .action-widget .monaco-list-row', { hasText: 'Paste as citation' }).first();
    await option.waitFor();
    assert.match(await option.innerText(), /Paste as citation \(adds arXiv:hep-th\/9711200 to references\.bib\)/);
    await workbench.screenshot('paste-as-citation');
    await option.click();
    await workbench.waitForText(lines, /AdS\/CFT \[@maldacena1997large\]/);
    assert.match(readFileSync(path.join(workspace, 'references.bib'), 'utf8'), /@article\{maldacena1997large,/);
  });
});
