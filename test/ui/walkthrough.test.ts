import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../scripts/vscode/codeServer';
import { Workbench } from './workbench';

const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };

describe('the Get started with Paper Notes walkthrough', () => {
  let workbench: Workbench;

  before(async () => {
    workbench = await Workbench.open();
  });

  after(async () => {
    await workbench?.close();
  });

  it('opens from Welcome: Open Walkthrough and completes its first step when the Papers view opens', async () => {
    const { page } = workbench;
    // The extension's contributions are registered once its activity-bar entry shows.
    await workbench.activityBarTab('Paper Notes').waitFor({ timeout: 60_000 });
    await workbench.runCommand('Welcome: Open Walkthrough...');
    const choice = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Get started with Paper Notes' }).first();
    await choice.waitFor();
    await choice.click();

    const title = page.locator('.gettingStartedContainer h2.category-title', { hasText: 'Get started with Paper Notes' });
    await title.waitFor({ timeout: 30_000 });
    // Add Paper and Import Daily Papers show only when the extension contributes their commands (their context keys
    // are set once the extension has activated, so the list may grow after the page opens).
    const contributed = new Set(manifest.contributes.commands.map((command) => command.command));
    const expected = [
      'Open the Papers view',
      'Open a paper',
      'Insert a citation into a note',
      "Update the note's References",
      'Add your own library',
      ...(contributed.has('paperNotes.addPaper') ? ['Add a paper by arXiv id or DOI'] : []),
      ...(contributed.has('paperNotes.importDailyPapers') ? ['Import Daily Papers'] : []),
    ];
    const stepTitles = async (): Promise<string[]> =>
      (await page.locator('.gettingStartedContainer button.getting-started-step h3').allInnerTexts()).map((text) => text.trim());
    for (const deadline = Date.now() + 20_000; Date.now() < deadline && JSON.stringify(await stepTitles()) !== JSON.stringify(expected); ) {
      await page.waitForTimeout(250);
    }
    assert.deepEqual(await stepTitles(), expected);

    const first = page.locator('.gettingStartedContainer button.getting-started-step[data-step-id*="openPapers"]');
    assert.equal(await first.getAttribute('aria-checked'), 'false', 'not done before the user acts');
    await first.click();
    await workbench.screenshot('walkthrough-step');
    const button = page.locator('.gettingStartedContainer .getting-started-step.expanded .monaco-button', { hasText: 'Open the Papers View' });
    await button.click();
    await page.locator('.sidebar .composite.title').getByText('Paper Notes', { exact: false }).first().waitFor();
    await page.waitForFunction(
      () => document.querySelector('.gettingStartedContainer button.getting-started-step[data-step-id*="openPapers"]')?.getAttribute('aria-checked') === 'true',
      undefined,
      { timeout: 20_000 },
    );
    await workbench.screenshot('walkthrough-step-done');
  });

  it('raises no errors in the workbench page', () => {
    assert.deepEqual(workbench.pageErrors, []);
  });
});
