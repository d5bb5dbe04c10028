import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Workbench } from './workbench';
import { paperViewSettings } from './paperViewPage';

/** The Papers view when there is nothing to list: the welcome content gives the reason and a way to act. */
describe('The Papers view for an empty library and for one that failed to load', () => {
  let folder: string;

  before(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'paper-notes-states-'));
  });

  after(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  /** Opens the workbench on a corpus folder and returns the Papers view's welcome text and buttons; `then` runs before closing. */
  const welcome = async (
    env: NodeJS.ProcessEnv,
    pattern: RegExp,
    then: (workbench: Workbench) => Promise<void> = async () => undefined,
  ): Promise<{ text: string; buttons: string[] }> => {
    const workbench = await Workbench.open({ settings: paperViewSettings, env });
    try {
      await workbench.openViewContainer('Paper Notes');
      const pane = workbench.page.locator('.sidebar .pane', { has: workbench.page.locator('.pane-header', { hasText: 'Papers' }) }).first();
      const text = await workbench.waitForText(pane, pattern);
      const buttons = (await pane.locator('.welcome-view-content .monaco-button').allTextContents()).map((label) => label.trim());
      await then(workbench);
      return { text, buttons };
    } finally {
      await workbench.close();
    }
  };

  it('says a library with no paper entries is empty and offers the output', async () => {
    const empty = path.join(folder, 'empty');
    rmSync(empty, { recursive: true, force: true });
    mkdirSync(empty);
    writeFileSync(path.join(empty, 'page.txt'), 'new\n\nDaily Papers\n\n');
    const { text, buttons } = await welcome({ PAPER_NOTES_CORPUS_DIR: empty }, /holds no papers/);
    assert.match(text, /no paper entry was found/);
    assert.deepEqual(buttons, ['Show Output', 'Library Settings']);
  });

  it('gives the reason a library failed to load and offers it again from the welcome content', async () => {
    const missing = path.join(folder, 'missing');
    const reason = new RegExp(`could not load the library: cannot read ${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: no such folder`);
    let claimsText = '';
    const { text, buttons } = await welcome({ PAPER_NOTES_CORPUS_DIR: missing }, /failed to load/, async (workbench) => {
      const claims = workbench.page.locator('.sidebar .pane', { has: workbench.page.locator('.pane-header', { hasText: 'Claims' }) }).first();
      claimsText = await workbench.waitForText(claims, /No claims yet/);
      const toasts = workbench.page.locator('.notifications-toasts');
      await workbench.waitForText(toasts, reason);
      await workbench.screenshot('library-failed');
      // Dismiss the announcement, then ask again from the welcome content.
      await workbench.page.keyboard.press('Escape');
      await toasts.locator('.notification-toast').first().waitFor({ state: 'hidden' }).catch(() => undefined);
      await workbench.page.locator('.welcome-view-content .monaco-button', { hasText: 'Show the Reason' }).click();
      await workbench.waitForText(toasts, reason);
    });
    assert.match(text, /failed to load/);
    assert.deepEqual(buttons, ['Show the Reason', 'Show Output', 'Reload Library']);
    assert.match(claimsText, /No claims yet/);
  });
});
