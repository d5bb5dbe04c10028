import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Frame } from 'playwright-core';
import { Workbench } from './workbench';

const NOTE = [
  '# Selective state spaces',
  '',
  'Selection makes state spaces content-aware [see @gu2023mamba, pp. 3-5; also @gu2021efficiently].',
  'As @gu2023mamba [p. 7] shows, the scan is hardware-aware [-@gu2021efficiently].',
  '',
  'A key the library does not know [@nobody2020].',
  '',
].join('\n');

/** The Markdown preview's content frame: the webview frame whose document shows our rendered citations. */
async function previewFrame(workbench: Workbench, timeoutMs = 60_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of workbench.page.frames()) {
      if (!frame.url().includes('/webview/')) continue;
      const count = await frame.evaluate(() => document.querySelectorAll('.paper-notes-citation').length).catch(() => 0);
      if (count > 0) return frame;
    }
    await workbench.page.waitForTimeout(250);
  }
  throw new Error('no Markdown preview showing citations appeared');
}

async function citationTexts(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => [...document.querySelectorAll('.paper-notes-citation')].map((element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim()));
}

async function bibliography(frame: Frame): Promise<Array<{ id: string; text: string; links: string[] }>> {
  return frame.evaluate(() => [...document.querySelectorAll('#refs .csl-entry')].map((entry) => ({
    id: entry.id,
    text: (entry.textContent ?? '').replace(/\s+/g, ' ').trim(),
    links: [...entry.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? ''),
  })));
}

async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!ok(last) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    last = await read();
  }
  assert.ok(ok(last), `${what}: ${JSON.stringify(last)}`);
  return last;
}

describe('Citations in the Markdown preview', () => {
  let workbench: Workbench;
  let workspace: string;
  const settingsFile = () => path.join(workspace, '.vscode', 'settings.json');
  const bibFile = () => path.join(workspace, 'refs.bib');
  /** Each test sets the style it needs (and the library file it needs gone), so each passes alone and in any order. */
  const useStyle = (style: string) => writeFileSync(settingsFile(), JSON.stringify({ 'paperNotes.citation.cslStyle': style }));

  before(async () => {
    workspace = mkdtempSync(path.join(os.tmpdir(), 'paper-notes-preview-'));
    mkdirSync(path.join(workspace, '.vscode'));
    writeFileSync(settingsFile(), JSON.stringify({ 'paperNotes.citation.cslStyle': 'apa' }));
    writeFileSync(path.join(workspace, 'note.md'), NOTE);
    workbench = await Workbench.open({ folder: workspace, settings: { 'workbench.editor.enablePreview': false } });
    await workbench.openFile('note.md');
    await workbench.runCommand('Markdown: Open Preview to the Side');
  });

  after(async () => {
    await workbench?.close();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('renders every citation as APA writes it, with an unknown key marked and its reason in a tooltip', async () => {
    rmSync(bibFile(), { force: true });
    useStyle('apa');
    const frame = await previewFrame(workbench);
    const texts = await waitFor(async () => citationTexts(await previewFrame(workbench)), (t) => t.length === 4 && t[0]!.startsWith('(') && t[3] === '@nobody2020?', 'APA citations');
    assert.deepEqual(texts, ['(also Gu et al., 2021; see Gu & Dao, 2023, pp. 3–5)', 'Gu & Dao (2023, p. 7)', '(2021)', '@nobody2020?']);
    const unknown = await frame.evaluate(() => document.querySelector('.paper-notes-citation-unknown')?.getAttribute('title'));
    assert.equal(unknown, 'No paper in the library has the citation key nobody2020');
    await workbench.screenshot('citation-preview-apa');
  });

  it('ends the note with the bibliography, each citation linking to its entry and each entry to arXiv', async () => {
    rmSync(bibFile(), { force: true });
    useStyle('apa');
    const entries = await waitFor(async () => bibliography(await previewFrame(workbench)), (e) => e.length === 2 && e[0]!.text.startsWith('Gu, A., &'), 'bibliography entries');
    const frame = await previewFrame(workbench);
    assert.deepEqual(entries.map((e) => e.id), ['ref-gu2023mamba', 'ref-gu2021efficiently']);
    assert.match(entries[0]!.text, /^Gu, A., & Dao, T\. \(2023\)\. Mamba: Linear-Time Sequence Modeling with Selective State Spaces \(arXiv:2312\.00752\)\. arXiv\./);
    assert.ok(entries[0]!.links.includes('https://arxiv.org/abs/2312.00752'), entries[0]!.links.join(' '));
    const hrefs = await frame.evaluate(() => [...document.querySelectorAll('.paper-notes-citation a.paper-notes-cite')].map((a) => a.getAttribute('href')));
    assert.deepEqual(hrefs, ['#ref-gu2023mamba', '#ref-gu2023mamba', '#ref-gu2021efficiently']);
  });

  it('renders the open preview again in IEEE when the style setting changes', async () => {
    rmSync(bibFile(), { force: true });
    useStyle('apa');
    await waitFor(async () => citationTexts(await previewFrame(workbench)), (t) => t[0]?.startsWith('(also') === true, 'APA first');
    useStyle('ieee');
    const texts = await waitFor(async () => citationTexts(await previewFrame(workbench)), (t) => t[0] === 'see [1, pp. 3–5], also [2]', 'IEEE citations');
    assert.deepEqual(texts, ['see [1, pp. 3–5], also [2]', '[1, p. 7]', '[2]', '@nobody2020?']);
    const entries = await bibliography(await previewFrame(workbench));
    assert.match(entries[0]!.text, /^\[1\] ?A\. Gu and T\. Dao, “Mamba/);
    await workbench.screenshot('citation-preview-ieee');
  });

  it('renders a key again once a library file in the workspace defines it', async () => {
    useStyle('ieee');
    rmSync(bibFile(), { force: true });
    await waitFor(async () => citationTexts(await previewFrame(workbench)), (t) => t[0]?.startsWith('see [1') === true && t[3] === '@nobody2020?', 'IEEE, key unknown');
    writeFileSync(bibFile(), '@article{nobody2020,\n  title = {A Paper Nobody Wrote},\n  author = {Nobody, Nora},\n  journal = {Journal of Examples},\n  year = {2020}\n}\n');
    const texts = await waitFor(async () => citationTexts(await previewFrame(workbench)), (t) => t[3] === '[3]', 'the new key cited');
    assert.equal(texts.length, 4);
    const entries = await bibliography(await previewFrame(workbench));
    assert.match(entries.map((e) => e.text).join('\n'), /\[3\] ?N\. Nobody, “A Paper Nobody Wrote,” Journal of Examples, 2020\./);
    rmSync(bibFile(), { force: true });
  });

  it('raises no errors in the workbench page', () => {
    assert.deepEqual(workbench.pageErrors, []);
  });
});
