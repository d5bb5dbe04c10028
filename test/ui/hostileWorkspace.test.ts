import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../scripts/vscode/codeServer';
import { deeplyNestedBib } from '../fixtures/hostileInputs';
import { Workbench } from './workbench';
import { escapeRegExp, hoverText, paperFrame, paperViewSettings, pwnedValues, searchAndOpen, waitForLogLine } from './paperViewPage';

/** Static hostile workspace files (markup, bidi, escapes, reserved and huge keys, ambiguous markers), see the folder. */
const fixtureDir = path.join(repoRoot, 'test', 'fixtures', 'hostile', 'workspace');
/** Console lines of a Content Security Policy violation: a corpus handler reached the DOM and only the CSP stopped it. */
const CSP_VIOLATION = /Content Security Policy|violates the following/i;

describe('Hostile workspace files (deep nesting, invalid UTF-8, markup in claims, bidi keys, ambiguous markers)', () => {
  let workbench: Workbench;
  let folder: string;

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'paper-notes-hostile-workspace-'));
    cpSync(fixtureDir, folder, { recursive: true });
    // Generated here: 10,000 nested braces, and bytes that are not UTF-8 (a Latin-1 "ö" on line 2).
    writeFileSync(path.join(folder, 'library', 'deep.bib'), deeplyNestedBib(10_000));
    writeFileSync(path.join(folder, 'library', 'latin1.bib'), Buffer.concat([
      Buffer.from('@article{latin2024,\n  title = {P'), Buffer.from([0xf6]), Buffer.from('ppel Latin-1 Title},\n  year = {2024}\n}\n'),
    ]));
    workbench = await Workbench.open({ folder, settings: { ...paperViewSettings, 'paperNotes.library.includeBundled': false } });
    await workbench.openViewContainer('Paper Notes');
    await waitForLogLine(workbench, /Library: \d+ papers \(\d+ entries from 4 workspace files\)/);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await workbench?.screenshot(`failed-hostile-workspace-${this.currentTest.title.slice(0, 40).replace(/\W+/g, '-')}`);
  });

  after(async () => {
    await workbench?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('loads every other file and the entry after 10,000 nested braces', async () => {
    // The deep entry either decodes or is one error at its line; either way the file's other entry and all other files load.
    await waitForLogLine(workbench, /Read library\/deep\.bib \(bibtex\): (?:1 entry, 1 problem|2 entries) in/);
    await waitForLogLine(workbench, /Read library\/hostile\.bib \(bibtex\): 5 entries/);
    await waitForLogLine(workbench, /Read library\/ids\.csl\.json \(csl-json\): 2 entries/);
    const row = await workbench.groupPapers('all', /^A Valid Entry After the Deep One/);
    assert.ok(await row.isVisible());
  });

  it('warns about invalid UTF-8 at its line and still loads the entry', async () => {
    await waitForLogLine(workbench, /Read library\/latin1\.bib \(bibtex\): 1 entry, 1 problem in/);
    await workbench.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
    const problems = workbench.page.locator('.markers-panel');
    await workbench.waitForText(problems, /not valid UTF-8/);
    assert.match(await problems.innerText(), /latin1\.bib[^\n]*\n\d+\nthis line is not valid UTF-8[^\n]*\nPaper Notes\n\[Ln 2, Col 1\]/);
  });

  it('names the bidi override in a title and in a Problems message instead of reversing the text', async () => {
    const row = await workbench.groupPapers('all', /^Invoice/);
    assert.equal((await workbench.treeItemText(row)).label, 'Invoice [RLO]gnp.exe Linear Attention');
    await workbench.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
    const problems = workbench.page.locator('.markers-panel');
    const text = await workbench.waitForText(problems, /the key spoof/);
    assert.match(text, /the key spoof\[RLO\]key2024 is invalid or taken; cited as roe2024invoice/);
    assert.doesNotMatch(text, /\u202e/);
  });

  it('shows a claim whose sentence holds <img onerror> as text in the Claims view tooltip, with no CSP violation', async () => {
    const before = workbench.consoleMessages.length;
    await workbench.openViewContainer('Paper Notes');
    const byKind = workbench.page.locator('.sidebar [role="treeitem"]', { has: workbench.page.locator('.label-name', { hasText: /^By kind$/ }) });
    await workbench.expandTreeItem(byKind);
    await workbench.expandTreeItem(workbench.treeItem(/^Speedup \d+ claims/));
    // Found by its label: a claim row's accessible name is a sentence about the claim.
    const claim = workbench.page.locator('.sidebar [role="treeitem"]', { has: workbench.page.locator('.label-name', { hasText: /^×9 · Image Tags/ }) }).first();
    const text = await hoverText(workbench, claim, /onerror/);
    assert.match(text.replace(/\u200b/g, ''), /runs 9x faster than attention <img src=x onerror="window\.__paperNotesPwned='bib-claim'">/);
    const hover = workbench.page.locator('.monaco-hover, .workbench-hover').filter({ visible: true }).first();
    assert.equal(await hover.locator('img').count(), 0);
    await workbench.page.mouse.move(900, 600);
    await workbench.page.waitForTimeout(500);
    assert.deepEqual(workbench.consoleMessages.slice(before).filter((line) => CSP_VIOLATION.test(line)), []);
  });

  it('opens the paper with markup in its title from the search, as text', async () => {
    await searchAndOpen(workbench, 'hostile2024img', 'Image Tags');
    const frame = await paperFrame(workbench, 'Image Tags');
    assert.equal(await frame.locator('h1').textContent(), `Image Tags <img src=x onerror="window.__paperNotesPwned='bib-title'"> in a State Space Title`);
    assert.equal(await frame.locator('h1 img').count(), 0);
  });

  it('refuses Update References on a note with two start markers and keeps the paragraph between them', async () => {
    const note = path.join(folder, 'notes', 'ambiguous.md');
    const original = readFileSync(note, 'utf8');
    await workbench.openFile('ambiguous.md');
    await workbench.runCommand('Paper Notes: Update References');
    const toast = workbench.page.locator('.notifications-toasts');
    await workbench.waitForText(toast, new RegExp(`${escapeRegExp('ambiguous.md:9: There are 2 references start markers')}`));
    await workbench.page.keyboard.press('Control+S');
    await workbench.page.waitForTimeout(500);
    assert.equal(readFileSync(note, 'utf8'), original);
  });

  it('never ran a corpus script, raised no page error and logged no CSP violation', async () => {
    assert.deepEqual(await pwnedValues(workbench.page), []);
    assert.deepEqual(workbench.pageErrors, []);
    assert.deepEqual(workbench.consoleMessages.filter((line) => CSP_VIOLATION.test(line)), []);
  });
});
