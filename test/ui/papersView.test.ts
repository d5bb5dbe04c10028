import * as assert from 'node:assert/strict';
import { Workbench } from './workbench';

describe('Paper Notes in the workbench (extension loaded from source)', () => {
  let workbench: Workbench;

  before(async () => {
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

  it('shows the load log when Paper Notes: Show Output runs from the command palette', async () => {
    await workbench.runCommand('Paper Notes: Show Output');
    const panel = workbench.page.locator('.part.panel');
    await workbench.waitForText(panel.locator('.view-lines'), /Paper Notes activated in \d+(\.\d+)? ms/);
    await workbench.screenshot('show-output');
  });

  it('raises no errors in the workbench page', () => {
    assert.deepEqual(workbench.pageErrors, []);
  });
});
