import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Frame } from 'playwright-core';
import { buildLibrary, type Library } from '../../src/core/library/library';
import { readEmbeddedCorpus } from '../../src/node/corpusFiles';
import { extractClaims } from '../../src/core/claims/extractClaims';
import { buildClaimIndex, type ClaimIndex } from '../../src/core/claims/claimIndex';
import { groupPapers } from '../../src/core/view/paperGrouping';
import { CLAIM_KIND_LABELS } from '../../src/core/view/claimDescription';
import { shortTitle } from '../../src/core/view/markdownText';
import { displayClaims } from '../../src/core/text/displayClaims';
import { displayText } from '../../src/core/text/readingText';
import { repoRoot, sampleWorkspace } from '../../scripts/vscode/codeServer';
import { Workbench } from './workbench';
import { escapeRegExp, hoverText, paperFrame, paperViewSettings, searchAndOpen, waitForLogLine } from './paperViewPage';

describe('Papers sidebar, Claims view and paper view (embedded corpus)', () => {
  let workbench: Workbench;
  let workspace: string;
  /** The library and claims the extension shows, built here independently to know what to expect. */
  let library: Library;
  let claimIndex: ClaimIndex;
  const mambaKey = 'gu2023mamba';

  before(async () => {
    library = buildLibrary(await readEmbeddedCorpus(path.join(repoRoot, 'corpus')));
    // As the Claims view reads them: titles and claims in their clean reading text.
    claimIndex = buildClaimIndex(
      library.papers.map((paper) => ({ key: paper.key, title: displayText(paper.title), year: paper.year, claims: displayClaims(paper.abstract, extractClaims(paper.abstract)) })),
    );
    // A copy of the sample notes: the citation tests write into a note and must not touch the repository's file.
    workspace = mkdtempSync(path.join(os.tmpdir(), 'paper-notes-ui-notes-'));
    cpSync(sampleWorkspace, workspace, { recursive: true });
    workbench = await Workbench.open({ folder: workspace, settings: paperViewSettings });
    await workbench.browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: workbench.server.origin });
    await workbench.openViewContainer('Paper Notes');
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await workbench?.screenshot(`failed-${this.currentTest.title.slice(0, 40).replace(/\W+/g, '-')}`);
  });

  after(async () => {
    await workbench?.close();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  /**
   * Chooses a menu entry by its label: points at it, which focuses it as it would under a user's mouse, then presses
   * Enter once it shows the focus. (Walking the menu with the arrow keys depended on the menu holding the keyboard
   * focus, which a busy workbench does not always give it at once.)
   */
  const chooseMenuItem = async (label: string): Promise<void> => {
    const { page } = workbench;
    const menu = page.locator('.context-view .monaco-menu');
    await menu.waitFor();
    const entry = menu.locator('.action-item:not(.disabled)', { has: page.locator('.action-label', { hasText: label }) }).first();
    const focused = menu.locator('.action-item.focused', { has: page.locator('.action-label', { hasText: label }) });
    // The menu focuses an entry when the pointer moves onto it; a menu that opened under a resting pointer has seen no
    // move yet, so come in from the menu's first entry as a hand would.
    for (let move = 0; move < 3 && !(await focused.isVisible()); move++) {
      await menu.locator('.action-item').first().hover();
      await entry.hover();
      await focused.waitFor({ timeout: 5000 }).catch(() => undefined);
    }
    await focused.waitFor({ timeout: 1000 });
    await page.keyboard.press('Enter');
    await menu.waitFor({ state: 'hidden' });
  };

  /** The Claims view's "By kind" section row (its accessible name is not its label alone). */
  const byKind = () =>
    workbench.page.locator('.sidebar [role="treeitem"]', { has: workbench.page.locator('.label-name', { hasText: /^By kind$/ }) });

  /** Mamba's row in the Papers tree, grouped by method family with its category expanded, whatever state the tree was in. */
  const mambaRow = async () => {
    const category = await workbench.groupPapers('method', /^State space models/);
    await workbench.expandTreeItem(category);
    const row = workbench.treeItem(new RegExp(`^${escapeRegExp(mamba().title.slice(0, 20))}`));
    await row.waitFor();
    return row;
  };

  /** Brings Mamba's paper view to the front (its tab, or the search when it has none) and returns its frame. */
  const showMamba = async (): Promise<Frame> => {
    const tab = workbench.page.locator('.tabs-container .tab', { hasText: 'Mamba: Linear-Time' }).first();
    if (await tab.isVisible()) await tab.click();
    else await searchAndOpen(workbench, mambaKey, mamba().title);
    return paperFrame(workbench, mamba().title.slice(0, 30));
  };

  const mamba = (): NonNullable<ReturnType<Library['get']>> => {
    const paper = library.get(mambaKey);
    assert.ok(paper, `${mambaKey} is in the seed`);
    return paper;
  };

  describe('the Papers tree', () => {
    it('switches to grouping by year from the view title menu, newest year first, with counts', async () => {
      const { page } = workbench;
      await workbench.groupPapers('method', /^State space models/);
      // The workbench rebuilds the view's title buttons once after start-up (seen with a DOM observer: every action item
      // removed and added again), which closes a menu opened from them: open it once they have held still.
      await workbench.untilStill('.sidebar .pane-header .actions');
      await page.locator('.sidebar .pane-header .action-label[aria-label="Group Papers By"]').click();
      await chooseMenuItem('Group Papers by Year');
      const years = groupPapers(library.papers, 'year');
      const newest = workbench.treeItem(new RegExp(`^${years[0]!.label}`));
      await newest.waitFor();
      assert.deepEqual(await workbench.treeItemText(newest), { label: years[0]!.label, description: String(years[0]!.papers.length) });
      const labels = await page.locator('.sidebar [role="treeitem"][aria-level="1"] .label-name').allTextContents();
      assert.deepEqual(labels.slice(0, years.length), years.map((group) => group.label));
      await workbench.waitForText(page.locator('.sidebar .pane-header', { hasText: 'Papers' }).first(), /by year/);
    });

    it('lists every paper flat under Show All Papers, and groups by method family again', async () => {
      const { page } = workbench;
      await workbench.groupPapers('method', /^State space models/);
      await workbench.runCommand('Paper Notes: Show All Papers');
      await workbench.waitForText(page.locator('.sidebar .pane-header', { hasText: 'Papers' }).first(), /all papers/);
      const first = [...library.papers].sort((a, b) => a.title.localeCompare(b.title) || a.key.localeCompare(b.key))[0]!;
      const row = workbench.treeItem(new RegExp(`^${escapeRegExp(first.title.slice(0, 25))}`));
      await row.waitFor();
      assert.equal(await row.getAttribute('aria-level'), '1', 'papers sit at the first level');
      await workbench.runCommand('Paper Notes: Group Papers by Method Family');
      await workbench.treeItem(/^State space models/).waitFor();
    });

    it("explains a category in its tooltip by the terms that matched its papers", async () => {
      const group = groupPapers(library.papers, 'method').find((candidate) => candidate.id === 'state-space-models')!;
      const category = await workbench.groupPapers('method', /^State space models/);
      const text = await hoverText(workbench, category, /Matched terms/);
      assert.match(text, new RegExp(`State space models: ${group.papers.length} papers`));
      assert.match(text, new RegExp(`${escapeRegExp(group.terms[0]!.term)} \\(${group.terms[0]!.papers} papers?\\)`));
      await workbench.page.mouse.move(900, 600);
    });

    it("shows a paper's authors, venue, categories and top claims in its tooltip", async () => {
      const paper = mamba();
      const row = await mambaRow();
      // The sample note cites Mamba once: the description ends with the workspace citation count.
      await workbench.waitForText(row.locator('.label-description'), new RegExp(`^${paper.key} · ${paper.year} · cited in 1 note$`));
      assert.deepEqual(await workbench.treeItemText(row), { label: paper.title, description: `${paper.key} · ${paper.year} · cited in 1 note` });
      const text = await hoverText(workbench, row, /Top claims/);
      assert.match(text, new RegExp(escapeRegExp(paper.authors[0]!)));
      assert.match(text, /Method family: .*State space models/);
      const topSpeedup = displayClaims(paper.abstract, extractClaims(paper.abstract)).find((claim) => claim.kind === 'speedup');
      assert.ok(topSpeedup);
      assert.match(text.replace(/\s+/g, ' '), new RegExp(`Speedup: ${escapeRegExp(topSpeedup.text.slice(0, 20))}`));
      assert.match(text.replace(/\s+/g, ' '), /Speedup: 5× higher throughput than Transformers/);
      await workbench.screenshot('paper-tooltip');
      await workbench.page.mouse.move(900, 600);
    });

    it('offers Open, Insert Citation and Open Note inline, and all seven paper actions in the context menu', async () => {
      const row = await mambaRow();
      await row.hover();
      const inline = await row.locator('.actions .action-label').evaluateAll((links) => links.map((link) => link.getAttribute('aria-label')));
      assert.deepEqual(inline, ['Open Paper', 'Insert Citation', 'Open Note']);
      await row.click({ button: 'right' });
      const menu = workbench.page.locator('.context-view .monaco-menu');
      await menu.waitFor();
      const items = (await menu.locator('.action-label').allTextContents()).map((text) => text.trim()).filter((text) => text !== '');
      assert.deepEqual(items, ['Open Paper', 'Open on arXiv', 'Open Note', 'Insert Citation', 'Compare Papers', 'Copy Citation Key', 'Copy BibTeX']);
      await workbench.page.keyboard.press('Escape');
    });

    it('copies the citation key and the BibTeX entry from the context menu', async () => {
      const { page } = workbench;
      const row = await mambaRow();
      const runFromMenu = async (label: string): Promise<string> => {
        await row.click({ button: 'right' });
        await chooseMenuItem(label);
        await page.waitForTimeout(300);
        return page.evaluate(() => navigator.clipboard.readText());
      };
      assert.equal(await runFromMenu('Copy Citation Key'), mambaKey);
      const bibtex = await runFromMenu('Copy BibTeX');
      assert.match(bibtex, new RegExp(`^@\\w+\\{${mambaKey},`));
      assert.match(bibtex, /eprint = \{2312\.00752\}/);
    });
  });

  describe('search', () => {
    it('finds a paper by a word only its abstract holds and opens it', async () => {
      const paper = mamba();
      assert.ok(/genomics/i.test(paper.abstract));
      const label = await searchAndOpen(workbench, 'genomics', paper.title);
      assert.equal(label, paper.title);
      await paperFrame(workbench, paper.title.slice(0, 30));
    });

    it('matches fuzzily on the title and on claim text', async () => {
      const { page } = workbench;
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.fill('>Paper Notes: Search Papers');
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Search Papers' }).waitFor();
      await input.fill('mossfrmr');
      await workbench.waitForText(page.locator('.quick-input-widget .monaco-list-row').first(), /MossFormer2/);
      await input.fill('thrghpt transformers');
      const rows = page.locator('.quick-input-widget .monaco-list-row');
      await workbench.waitForText(rows.first(), /throughput/i);
      await page.keyboard.press('Escape');
    });
  });

  describe('the paper view', () => {
    let frame: Frame;
    // Each test starts from Mamba's paper view in front: its tab clicked, or the paper opened through the search.
    beforeEach(async () => {
      frame = await showMamba();
    });

    it('shows title, authors, year, venue, links and categories as chips', async () => {
      const paper = mamba();
      const shown = await frame.evaluate(() => ({
        title: document.querySelector('h1')?.textContent,
        authors: document.querySelector('.authors')?.textContent,
        meta: document.querySelector('.meta')?.textContent,
        links: [...document.querySelectorAll('.meta a')].map((link) => link.getAttribute('href')),
        chips: [...document.querySelectorAll('.chips .chip')].map((chip) => chip.textContent),
      }));
      assert.equal(shown.title, paper.title);
      assert.equal(shown.authors, paper.authors.join(', '));
      assert.match(shown.meta ?? '', new RegExp(`${paper.year}`));
      assert.deepEqual(shown.links, [`https://arxiv.org/abs/${paper.arxivId}`, ...paper.codeUrls]);
      assert.equal(shown.chips.length, paper.categories.length);
      assert.ok(shown.chips.includes('State space models'));
    });

    it('highlights every claim by kind, with a legend and the kind in hidden text', async () => {
      const claims = extractClaims(mamba().abstract);
      const shown = await frame.evaluate(() => ({
        anchors: [...document.querySelectorAll('mark.claim[data-anchor]')].map((mark) => ({
          kind: mark.getAttribute('data-kind'),
          anchor: mark.getAttribute('data-anchor'),
          spoken: mark.querySelector('.sr-only')?.textContent,
        })),
        legend: [...document.querySelectorAll('.legend-item')].map((item) => item.textContent?.trim()),
        rows: [...document.querySelectorAll('tr.claim-row')].map((row) => [...row.querySelectorAll('td')].slice(0, 2).map((cell) => cell.textContent)),
      }));
      const anchored = new Set(shown.anchors.flatMap((mark) => (mark.anchor ?? '').split(' ').map(Number)));
      assert.deepEqual([...anchored].sort((a, b) => a - b), claims.map((_, index) => index), 'every claim starts a highlight');
      for (const mark of shown.anchors) assert.match(mark.spoken ?? '', /claim\)$/);
      const kinds = [...new Set(claims.map((claim) => claim.kind))];
      assert.equal(shown.legend.length, kinds.length);
      for (const kind of kinds) assert.ok(shown.legend.some((item) => item?.startsWith(CLAIM_KIND_LABELS[kind])), `${kind} in the legend`);
      assert.deepEqual(shown.rows, displayClaims(mamba().abstract, claims).map((claim) => [CLAIM_KIND_LABELS[claim.kind], claim.text]));
      const speedup = await frame.evaluate(() => document.querySelector('mark.claim.kind-speedup[data-anchor]')?.firstChild?.textContent);
      assert.equal(speedup, '5× higher throughput than Transformers');
      assert.doesNotMatch((await frame.locator('#abstract').textContent()) ?? '', /5times/);
    });

    it('shows kind, values, baseline and rule when pointing at a highlight', async () => {
      const claims = extractClaims(mamba().abstract);
      const index = claims.findIndex((claim) => claim.kind === 'speedup');
      await frame.locator(`mark.claim[data-anchor~="${index}"]`).hover();
      const tooltip = frame.locator('#tooltip');
      await tooltip.waitFor({ state: 'visible' });
      const text = (await tooltip.textContent()) ?? '';
      assert.match(text, /Kind: Speedup/);
      assert.match(text, /Values: 5× throughput/);
      assert.match(text, new RegExp(`Baseline: ${escapeRegExp(claims[index]!.baseline ?? '')}`));
      assert.match(text, new RegExp(`Rule: ${escapeRegExp(claims[index]!.ruleId)}`));
    });

    it('walks the highlights with the arrow keys and jumps to the table row with Enter', async () => {
      await frame.locator('mark.claim[data-anchor]').first().focus();
      await workbench.page.keyboard.press('ArrowRight');
      const second = await frame.evaluate(() => document.activeElement?.getAttribute('data-anchor'));
      const anchors = await frame.locator('mark.claim[data-anchor]').evaluateAll((marks) => marks.map((mark) => mark.getAttribute('data-anchor')));
      assert.equal(second, anchors[1]);
      await workbench.page.keyboard.press('Enter');
      const row = await frame.evaluate(() => ({ claim: document.activeElement?.getAttribute('data-claim'), tag: document.activeElement?.tagName }));
      assert.deepEqual(row, { claim: (anchors[1] ?? '').split(' ')[0], tag: 'TR' });
    });

    it('asks the host to open arXiv, which opens only the http(s) link it checked', async () => {
      await frame.locator('button[data-action="openLink"]').click();
      // VS Code confirms every external link it is asked to open; the dialog names the URL the host passed on.
      const dialog = workbench.page.locator('.monaco-dialog-box');
      const text = await workbench.waitForText(dialog, /arxiv\.org/);
      assert.match(text, new RegExp(escapeRegExp(`https://arxiv.org/abs/${mamba().arxivId}`)));
      await workbench.page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
    });

    it('inserts the citation and a quoted claim into the last active Markdown editor', async () => {
      const { page } = workbench;
      await workbench.openFile('efficient-sequence-models.md');
      await page.keyboard.press('Control+Home');
      const view = await searchAndOpen(workbench, mambaKey, mamba().title);
      assert.equal(view, mamba().title);
      frame = await paperFrame(workbench, mamba().title.slice(0, 30));
      await frame.locator('button[data-action="insertCitation"]').click();
      const claims = extractClaims(mamba().abstract);
      const speedup = claims.findIndex((claim) => claim.kind === 'speedup');
      await frame.locator(`button[data-action="citeClaim"][data-claim="${speedup}"]`).click();
      await page.locator('.tabs-container .tab', { hasText: 'efficient-sequence-models.md' }).first().click();
      const editor = page.locator('.editor-group-container .monaco-editor .view-lines').first();
      const quotation = `> ${displayText(claims[speedup]!.sentence).slice(0, 30)}`;
      const text = await workbench.waitForText(editor, new RegExp(escapeRegExp(quotation)));
      // Both went in at the cursor, in order: the citation, then the quotation on a line of its own, ending in the citation.
      assert.match(text, new RegExp(`^\\[@gu2023mamba\\]\\s*\\n\\s*${escapeRegExp(quotation)}`));
      assert.match(text, /> Mamba enjoys fast inference \(5× higher throughput[\s\S]*?sequences\.\s*\[@gu2023mamba\]/);
    });

    it('reuses the open panel when the paper is opened again', async () => {
      await searchAndOpen(workbench, 'selective state spaces', mamba().title);
      await workbench.page.waitForTimeout(500);
      const tabs = await workbench.page.locator('.tabs-container .tab', { hasText: 'Mamba: Linear-Time' }).count();
      assert.equal(tabs, 1);
      const log = await waitForLogLine(workbench, /Paper view gu2023mamba: content posted ([\d.]+) ms after the command \(panel reused\)/);
      assert.ok(Number(log[1]) >= 0);
    });

    it('reports the time from the command to the content posted', async () => {
      const first = await waitForLogLine(workbench, /Paper view (\S+): content posted ([\d.]+) ms after the command \(new panel\)/);
      console.log(`      performance: paper view ${first[1]}, command → content posted: ${first[2]} ms (new panel)`);
      assert.ok(Number.isFinite(Number(first[2])));
    });
  });

  describe('the Claims view', () => {
    /** The Claims view's speedup rows, with "By kind" and "Speedup" expanded whatever ran before. */
    const speedupRows = async () => {
      await workbench.openViewContainer('Paper Notes');
      await workbench.expandTreeItem(byKind());
      await workbench.expandTreeItem(workbench.treeItem(/^Speedup \d+ claims/));
      const rows = workbench.page.locator('.sidebar [role="treeitem"][aria-level="3"]');
      await rows.first().waitFor();
      return rows;
    };

    it('lists speedups largest factor first and names the papers behind each benchmark', async () => {
      const speedups = claimIndex.byKind.get('speedup')!;
      const rows = await speedupRows();
      const shown = await Promise.all(
        [0, 1, 2].map(async (index) => ({
          label: ((await rows.nth(index).locator('.label-name').textContent()) ?? '').trim(),
          description: ((await rows.nth(index).locator('.label-description').textContent()) ?? '').trim(),
        })),
      );
      const clip = (text: string, max: number): string => {
        const clean = text.replace(/\s+/g, ' ').trim();
        return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
      };
      const factor = (value: number): string => `×${value >= 10 ? Math.round(value) : Number(value.toPrecision(2))}`;
      assert.deepEqual(
        shown,
        speedups.slice(0, 3).map((ref) => ({ label: `${factor(ref.factor!)} · ${shortTitle(ref.title)}`, description: clip(ref.claim.text, 80) })),
      );
      assert.doesNotMatch(JSON.stringify(shown), /\dtimes/, 'claims read "60×", not "60times"');
      const factors = speedups.map((ref) => ref.factor ?? 0);
      assert.deepEqual(factors, [...factors].sort((a, b) => b - a), 'largest first');

      const lra = claimIndex.benchmarks.find((group) => group.name === 'Long Range Arena');
      assert.ok(lra && lra.papers.length > 1);
      // Fold the kinds so the benchmarks scroll into the (virtualised) tree.
      await byKind().click();
      const row = workbench.treeItem(/^Long Range Arena/);
      await row.waitFor();
      const text = await workbench.treeItemText(row);
      for (const paper of lra.papers.slice(0, 2)) {
        assert.ok(text.description.includes(shortTitle(paper.title, 24)), `${paper.key} behind LRA in "${text.description}"`);
      }
      await workbench.screenshot('claims-view');
      await byKind().click();
    });

    it('opens the paper view with the chosen claim in focus', async () => {
      const top = claimIndex.byKind.get('speedup')![0]!;
      const paper = library.get(top.key)!;
      await (await speedupRows()).first().click();
      const frame = await paperFrame(workbench, paper.title.slice(0, 30));
      await frame.waitForFunction((index) => document.querySelector(`mark.claim.focused[data-claims~="${index}"]`) !== null, top.claimIndex);
      const focused = await frame.evaluate(() => document.activeElement?.getAttribute('data-anchor'));
      assert.ok((focused ?? '').split(' ').includes(String(top.claimIndex)));
    });
  });

  describe('after a window reload', () => {
    it('restores the paper view through its serializer', async () => {
      const { page } = workbench;
      await showMamba();
      await page.reload();
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await page.locator('.tabs-container .tab', { hasText: 'Mamba: Linear-Time' }).first().click();
      const frame = await paperFrame(workbench, mamba().title.slice(0, 30), 60_000);
      assert.ok((await frame.locator('tr.claim-row').count()) > 0);
    });
  });

  it('raises no errors in the workbench page', () => {
    assert.deepEqual(workbench.pageErrors, []);
  });
});
