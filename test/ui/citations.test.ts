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
    // The rows for "gu" can replace those of the empty query after a box was checked, which clears it: check the
    // first two boxes until both stay checked, as a user would.
    const rows = page.locator('.quick-input-widget .monaco-list-row');
    const isChecked = (row: number) =>
      rows.nth(row).locator('input[type="checkbox"]:checked, .monaco-custom-toggle.checked').count().then((count) => count > 0);
    for (let attempt = 1; attempt <= 3; attempt++) {
      for (const row of [0, 1]) {
        if (!(await isChecked(row))) await rows.nth(row).locator('input[type="checkbox"], .monaco-custom-toggle').first().click();
      }
      await page.waitForTimeout(500);
      if ((await isChecked(0)) && (await isChecked(1))) break;
      console.log('      (the picker redrew its rows and cleared a checked box; checking again)');
    }
    await page.keyboard.press('Enter');
    await workbench.waitForText(page.locator('.editor-instance .view-lines').first(), /Both \[@gu20\w+; @gu20\w+\]/);
    await workbench.screenshot('insert-citation-grouped');
  });

  it('raises no errors in the workbench page', () => {
    assert.deepEqual(workbench.pageErrors, []);
  });
});
