import * as assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sampleWorkspace } from '../../scripts/vscode/codeServer';
import { Workbench } from './workbench';

const NOTE = 'efficient-sequence-models.md';
const SCRATCH = 'scratch-insert-citation.md';

describe('Insert Citation in the workbench', () => {
  let workbench: Workbench;
  const original = readFileSync(path.join(sampleWorkspace, NOTE), 'utf8');
  // A scratch note of this suite's own; removed afterwards whatever happens.
  const scratch = path.join(sampleWorkspace, SCRATCH);

  before(async () => {
    writeFileSync(scratch, 'Selective state spaces \n');
    workbench = await Workbench.open();
    const { page } = workbench;
    await workbench.openFile(SCRATCH);
    await workbench.waitForText(page.locator('.editor-instance .view-lines').first(), /Selective state spaces/);
    await page.locator('.editor-instance .view-lines').first().click();
    await page.keyboard.press('Control+End');
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await workbench?.screenshot(`failed-citations-${this.currentTest.title.slice(0, 40).replace(/\W+/g, '-')}`);
  });

  after(async () => {
    await workbench?.close();
    rmSync(scratch, { force: true });
    assert.equal(readFileSync(path.join(sampleWorkspace, NOTE), 'utf8'), original, 'the sample note is untouched');
  });

  /** The picker's rows as shown (label, description). */
  async function pickerRows(): Promise<string[]> {
    return (await workbench.page.locator('.quick-input-widget .monaco-list-row').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
  }

  it('inserts the paper picked from the fuzzy quick pick opened from the command palette', async () => {
    const { page } = workbench;
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill('>Paper Notes: Insert Citation');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Paper Notes: Insert Citation' }).first().waitFor();
    await page.keyboard.press('Enter');
    await workbench.waitForText(page.locator('.quick-input-widget .quick-input-title'), /Insert Citation/);
    await page.locator('.quick-input-widget input').fill('mamba gu 2023');
    await workbench.waitForText(page.locator('.quick-input-widget .monaco-list-row').first(), /gu2023mamba/);
    const rows = await pickerRows();
    assert.match(rows[0]!, /^Mamba: Linear-Time Sequence Modeling with Selective State Spaces/, rows.join('\n'));
    assert.match(rows[0]!, /2023/);
    await workbench.screenshot('insert-citation-picker');
    await page.keyboard.press('Enter');
    await workbench.waitForText(page.locator('.editor-instance .view-lines').first(), /\[@gu2023mamba\]/);
  });

  it('opens the picker with Ctrl+Alt+C and inserts a grouped citation for two checked papers', async () => {
    const { page } = workbench;
    await page.locator('.editor-instance .view-lines').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Both ');
    await page.keyboard.press('Control+Alt+C');
    await workbench.waitForText(page.locator('.quick-input-widget .quick-input-title'), /Insert Citation/);
    await page.locator('.quick-input-widget input').fill('gu');
    await workbench.waitForText(page.locator('.quick-input-widget .monaco-list-row').first(), /gu20/);
    const checkboxes = page.locator('.quick-input-widget .monaco-list-row input[type="checkbox"], .quick-input-widget .monaco-list-row .monaco-custom-toggle');
    await checkboxes.nth(0).click();
    await checkboxes.nth(1).click();
    // Both rows show their check. A clicked checkbox holds the focus until VS Code hands it back to the input box, and
    // Enter on a focused checkbox toggles it (VS Code's toggle widget) instead of accepting: press Enter in the input box,
    // where a user types it.
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('.quick-input-widget .monaco-list-row')].slice(0, 2);
      return rows.length === 2 && rows.every((row) => row.getAttribute('aria-checked') === 'true') && document.activeElement?.closest('.quick-input-box') !== null;
    });
    await page.keyboard.press('Enter');
    await workbench.waitForText(page.locator('.editor-instance .view-lines').first(), /Both \[@gu20\w+; @gu20\w+\]/);
    await workbench.screenshot('insert-citation-grouped');
  });

  it('raises no errors in the workbench page', () => {
    assert.deepEqual(workbench.pageErrors, []);
  });
});
