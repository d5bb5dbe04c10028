import * as assert from 'node:assert/strict';
import path from 'node:path';
import { buildLibrary, type Library } from '../../src/core/library/library';
import { readEmbeddedCorpus } from '../../src/node/corpusFiles';
import { repoRoot } from '../../scripts/vscode/codeServer';
import { Workbench } from './workbench';

describe('Paper Notes in the workbench (extension loaded from source)', () => {
  let workbench: Workbench;
  /** The same library the extension loads, built here independently to know what the tree must show. */
  let library: Library;

  before(async () => {
    library = buildLibrary(await readEmbeddedCorpus(path.join(repoRoot, 'corpus')));
    workbench = await Workbench.open();
  });

  after(async () => {
    await workbench?.close();
  });

  it('opens the Paper Notes view from the activity bar', async () => {
    await workbench.openViewContainer('Paper Notes');
    // With one view in the container, VS Code hides the pane header and shows its title with the container's.
    await workbench.waitForText(workbench.page.locator('.sidebar .composite.title'), /Paper Notes/i);
    await workbench.page.locator('.sidebar [id="workbench.view.extension.paperNotes"], .sidebar .pane-body').first().waitFor();
    assert.equal(await workbench.activityBarTab('Paper Notes').getAttribute('aria-selected'), 'true');
    await workbench.screenshot('papers-view');
  });

  it('shows method families with their paper counts, then the papers of a family', async () => {
    await workbench.openViewContainer('Paper Notes');
    const ssm = library.inCategory('state-space-models');
    assert.ok(ssm.length > 1, 'the seed has state space model papers');
    const category = workbench.treeItem(/^State space models/);
    await category.waitFor();
    assert.deepEqual(await workbench.treeItemText(category), { label: 'State space models', description: String(ssm.length) });
    await category.click();
    await workbench.page.waitForFunction(
      (count) => document.querySelectorAll('.sidebar [role="treeitem"][aria-level="2"]').length >= Math.min(count, 5),
      ssm.length,
    );
    const mamba = library.get('gu2023mamba');
    assert.ok(mamba);
    const paper = workbench.treeItem(new RegExp(`^${mamba.title.slice(0, 20)}`));
    await paper.waitFor();
    // The sample note cites Mamba once; the count appears when the workspace citation index has read it.
    await workbench.waitForText(paper.locator('.label-description'), /^gu2023mamba · 2023 · cited in 1 note$/);
    assert.deepEqual(await workbench.treeItemText(paper), { label: mamba.title, description: 'gu2023mamba · 2023 · cited in 1 note' });
    await workbench.screenshot('papers-tree');
  });

  it('shows the load log when Paper Notes: Show Output runs from the command palette', async () => {
    // The palette lists the command once the extension's contributions are in (its activity-bar entry shows them).
    await workbench.activityBarTab('Paper Notes').waitFor({ timeout: 60_000 });
    await workbench.runCommand('Paper Notes: Show Output');
    const panel = workbench.page.locator('.part.panel');
    await workbench.waitForText(panel.locator('.view-lines'), /Loaded 53 papers from the embedded corpus in \d+(\.\d+)? ms/);
    await workbench.screenshot('show-output');
  });

  it('raises no errors in the workbench page', () => {
    assert.deepEqual(workbench.pageErrors, []);
  });
});
