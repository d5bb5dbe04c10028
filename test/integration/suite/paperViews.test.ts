import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatePaperNotes } from './extension';
import type { PaperNotesApi } from '../../../src/extension';

describe('Paper views', () => {
  let api: PaperNotesApi;

  before(async () => {
    ({ api } = await activatePaperNotes());
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens a paper view for a key, then reuses its panel when the paper is opened again', async () => {
    assert.equal(await vscode.commands.executeCommand('paperNotes.openPaper', 'gu2023mamba'), true);
    assert.equal(await vscode.commands.executeCommand('paperNotes.openPaper', 'gu2023mamba', 0), true);
    assert.deepEqual(api.openPaperViews(), ['gu2023mamba']);
    const [first, second] = api.paperViewTimings().slice(-2);
    assert.deepEqual([first?.reused, second?.reused], [false, true]);
    console.log(`      paper view: command → content posted ${first!.milliseconds.toFixed(1)} ms (new panel), ${second!.milliseconds.toFixed(1)} ms (reused)`);
  });

  it('accepts a tree node as the argument, as inline and context menus pass it', async () => {
    assert.equal(await vscode.commands.executeCommand('paperNotes.openPaper', { key: 'gu2021efficiently' }), true);
    assert.ok(api.openPaperViews().includes('gu2021efficiently'));
  });

  it('refuses a key that is not in the library', async () => {
    assert.equal(await vscode.commands.executeCommand('paperNotes.openPaper', 'no-such-paper-2099'), false);
    assert.ok(!api.openPaperViews().includes('no-such-paper-2099'));
  });

  it('reports the Papers tree render time', () => {
    const timing = api.papersTreeTiming();
    assert.equal(timing.papers, api.library().size);
    assert.ok(['method', 'domain', 'year', 'all'].includes(timing.grouping));
  });
});
