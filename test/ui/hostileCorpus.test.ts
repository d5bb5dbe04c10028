import * as assert from 'node:assert/strict';
import path from 'node:path';
import type { Frame } from 'playwright-core';
import { buildLibrary, type Library } from '../../src/core/library/library';
import type { Paper } from '../../src/core/library/paper';
import { readCorpusFolder } from '../../src/node/corpusFiles';
import { extractClaims } from '../../src/core/claims/extractClaims';
import { inertText, visibleText } from '../../src/core/view/inertText';
import { repoRoot } from '../../scripts/vscode/codeServer';
import { Workbench } from './workbench';
import { escapeRegExp, hoverText, paperFrame, paperViewSettings, pwnedValues, searchAndOpen, waitForLogLine } from './paperViewPage';

/** The corpus under test/fixtures/hostile: markup, scripts, javascript: and command: links, RTL, emoji, a 200 KB abstract. */
const hostileDir = path.join(repoRoot, 'test', 'fixtures', 'hostile');

describe('A hostile corpus stays inert text (PAPER_NOTES_CORPUS_DIR=test/fixtures/hostile)', () => {
  let workbench: Workbench;
  let library: Library;

  before(async () => {
    library = buildLibrary(await readCorpusFolder(hostileDir));
    workbench = await Workbench.open({ settings: paperViewSettings, env: { PAPER_NOTES_CORPUS_DIR: hostileDir } });
    await workbench.browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: workbench.server.origin });
    await workbench.openViewContainer('Paper Notes');
    await waitForLogLine(workbench, new RegExp(`Loaded ${library.size} papers from the corpus folder`));
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await workbench?.screenshot(`failed-hostile-${this.currentTest.title.slice(0, 40).replace(/\W+/g, '-')}`);
  });

  after(async () => {
    await workbench?.close();
  });

  const paperWhere = (test: (paper: Paper) => boolean): Paper => {
    const paper = library.papers.find(test);
    assert.ok(paper, 'the hostile corpus has this paper');
    return paper;
  };

  /** What a paper view document holds beyond our own markup, and whether a corpus script ran in it. */
  const inspect = (frame: Frame) =>
    frame.evaluate(() => ({
      // VS Code injects one inline script of its own; every other script must be ours (paperView.js by its nonce).
      strayScripts: [...document.querySelectorAll('script')].filter(
        (script) => script.textContent?.includes('__paperNotesPwned') || (script.src !== '' && !script.src.endsWith('/media/webview/paperView.js')),
      ).length,
      ourScript: document.querySelectorAll('script[nonce][src$="/media/webview/paperView.js"]').length,
      // VS Code adds its default styles as <style id="_defaultStyles">; any other such element came from the corpus.
      foreign: [...document.querySelectorAll('img, iframe, svg, object, embed, style:not(#_defaultStyles), link:not([rel="stylesheet"]), form, b, textarea')].map(
        (element) => element.outerHTML.slice(0, 120),
      ),
      handlers: [...document.querySelectorAll('*')].filter((element) => [...element.attributes].some((attribute) => attribute.name.startsWith('on'))).length,
      hrefs: [...document.querySelectorAll('a[href]')].map((link) => link.getAttribute('href') ?? ''),
      csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
      pwned: (window as unknown as { __paperNotesPwned?: unknown }).__paperNotesPwned,
      bodyVisible: getComputedStyle(document.body).display !== 'none',
    }));

  it('lists every hostile title in the tree as the literal text', async () => {
    await workbench.runCommand('Paper Notes: Show All Papers');
    for (const paper of library.papers.slice(0, 4)) {
      const row = workbench.treeItem(new RegExp(`^${escapeRegExp(paper.title.slice(0, 12))}`));
      await row.first().waitFor();
      // Literal, except that bidi controls are named and $(icon) is broken by a zero-width space (inertText).
      assert.equal((await workbench.treeItemText(row.first())).label, inertText(paper.title));
    }
    assert.deepEqual(await pwnedValues(workbench.page), []);
  });

  it('shows a hostile paper tooltip as text, with no image or link made from the corpus', async () => {
    const paper = paperWhere((candidate) => candidate.title.startsWith('<script>'));
    await workbench.groupPapers('all', /./); // papers at the first level, whatever ran before
    const row = workbench.treeItem(new RegExp(`^${escapeRegExp(paper.title.slice(0, 12))}`)).first();
    const text = await hoverText(workbench, row, /Top claims|No claims/);
    // A zero-width space follows each "<" so that no plain-text rendering of the tooltip can read a tag.
    assert.ok(text.replace(/\u200b/g, '').includes('<script>window.__paperNotesPwned="title-script"</script>'), text);
    const hover = workbench.page.locator('.monaco-hover, .workbench-hover').filter({ visible: true }).first();
    assert.equal(await hover.locator('img').count(), 0);
    assert.equal(await hover.locator('a[href^="command:"], a[href^="javascript:"]').count(), 0);
    await workbench.page.mouse.move(900, 600);
  });

  for (const [name, test] of [
    ['script tags, onerror and svg onload in title, abstract, authors and venue', (paper: Paper) => paper.title.startsWith('<script>')],
    ['javascript: and command: links and a </style> title', (paper: Paper) => paper.title.startsWith('</style>')],
    ['right-to-left text with a bidi override', (paper: Paper) => /[\u0590-\u05ff]/.test(paper.title)],
    ['emoji, combining marks and $(icon) syntax', (paper: Paper) => paper.title.startsWith('🚀')],
  ] as const) {
    it(`renders ${name} as inert text in the paper view`, async () => {
      const paper = paperWhere(test);
      await searchAndOpen(workbench, paper.key, inertText(paper.title)); // the quick pick names bidi controls
      const frame = await paperFrame(workbench, paper.title.slice(0, 12));
      const shown = await inspect(frame);
      assert.equal(shown.strayScripts, 0, 'no script from the corpus');
      assert.equal(shown.ourScript, 1, 'the paper view script, with its nonce');
      assert.deepEqual(shown.foreign, [], 'no element made from corpus markup');
      assert.equal(shown.handlers, 0, 'no event-handler attribute');
      for (const href of shown.hrefs) assert.match(href, /^https?:\/\//);
      assert.match(shown.csp, /default-src 'none'/);
      assert.equal(shown.pwned, undefined);
      assert.ok(shown.bodyVisible);
      assert.equal(await frame.locator('h1').textContent(), visibleText(paper.title));
      assert.equal(await frame.locator('tr.claim-row').count(), extractClaims(paper.abstract).length);
      assert.deepEqual(await pwnedValues(workbench.page), []);
    });
  }

  it('shows the javascript: and command: code links as struck-through text, not links', async () => {
    const withJs = paperWhere((paper) => paper.codeUrls.some((url) => url.startsWith('javascript:')));
    await searchAndOpen(workbench, withJs.key, inertText(withJs.title)); // the quick pick names bidi controls
    let frame = await paperFrame(workbench, withJs.title.slice(0, 12));
    assert.equal(await frame.locator('.meta .unsafe-link').count(), 1);
    await frame.locator('.meta .unsafe-link').click();
    assert.equal(await frame.evaluate(() => (window as unknown as { __paperNotesPwned?: unknown }).__paperNotesPwned), undefined);
    const withCommand = paperWhere((paper) => paper.codeUrls.some((url) => url.startsWith('command:')));
    await searchAndOpen(workbench, withCommand.key, inertText(withCommand.title)); // the quick pick names bidi controls
    frame = await paperFrame(workbench, withCommand.title.slice(0, 12));
    assert.equal(await frame.locator('.meta .unsafe-link').count(), 1);
    assert.equal(await frame.locator('a[href^="command:"]').count(), 0);
  });

  it('lays out right-to-left titles right to left', async () => {
    const paper = paperWhere((candidate) => /[\u0590-\u05ff]/.test(candidate.title));
    await searchAndOpen(workbench, paper.key, inertText(paper.title)); // the quick pick names bidi controls
    const frame = await paperFrame(workbench, paper.title.slice(0, 12));
    assert.equal(await frame.locator('h1').evaluate((h1) => getComputedStyle(h1).direction), 'rtl');
  });

  it('opens the 200 KB abstract with its claims and stays usable', async () => {
    const paper = paperWhere((candidate) => candidate.abstract.length > 200_000);
    await searchAndOpen(workbench, paper.key, inertText(paper.title)); // the quick pick names bidi controls
    const frame = await paperFrame(workbench, paper.title.slice(0, 20), 60_000);
    const claims = extractClaims(paper.abstract);
    assert.ok(claims.length > 100);
    assert.equal(await frame.locator('tr.claim-row').count(), claims.length);
    await frame.locator('tr.claim-row').last().scrollIntoViewIfNeeded();
    await frame.locator('tr.claim-row').last().click();
    await frame.waitForFunction((index) => document.querySelector(`mark.claim.focused[data-claims~="${index}"]`) !== null, claims.length - 1);
    await frame.locator('button[data-action="copyKey"]').click();
    await workbench.page.waitForTimeout(300);
    assert.equal(await workbench.page.evaluate(() => navigator.clipboard.readText()), paper.key);
    const log = await waitForLogLine(workbench, new RegExp(`Paper view ${escapeRegExp(paper.key)}: content posted ([\\d.]+) ms`));
    const ready = await waitForLogLine(workbench, new RegExp(`Paper view ${escapeRegExp(paper.key)}: ready received \\(\\+(\\d+) ms\\)`));
    console.log(`      performance: paper view of the 200 KB abstract (${claims.length} claims), command → content posted: ${log[1]} ms; panel → script ready: ${ready[1]} ms`);
  });

  it('keeps the tree usable afterwards', async () => {
    await workbench.runCommand('Paper Notes: Group Papers by Year');
    const year = workbench.treeItem(/^2024/);
    await year.waitFor();
    await year.click();
    await workbench.page.locator('.sidebar [role="treeitem"][aria-level="2"]').first().waitFor();
    await workbench.screenshot('hostile-corpus');
  });

  it('never ran a corpus script and raised no errors in the workbench page', async () => {
    assert.deepEqual(await pwnedValues(workbench.page), []);
    assert.deepEqual(workbench.pageErrors, []);
  });
});
