import * as assert from 'node:assert/strict';
import path from 'node:path';
import * as vscode from 'vscode';
import { activatePaperNotes } from './extension';

describe('Activation', () => {
  it('activates without errors on the sample workspace', async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.deepEqual(
      folders.map((folder) => path.basename(folder.uri.fsPath)),
      ['notes'],
      'the sample workspace samples/notes/ is open',
    );
    const { extension, api } = await activatePaperNotes();
    assert.equal(extension.isActive, true);
    assert.equal(typeof api.timings.activated, 'number');
  });

  it('records the time from activate() to the library loaded and the tree items ready, and prints it', async () => {
    const { api } = await activatePaperNotes();
    const milestones = Object.entries(api.timings);
    assert.deepEqual(milestones.map(([milestone]) => milestone), ['activated', 'libraryLoaded', 'treeItemsReady']);
    for (const [milestone, ms] of milestones) {
      assert.ok(Number.isFinite(ms) && ms >= 0, `${milestone} took a real time (${ms})`);
      console.log(`      activation: ${milestone} after ${ms.toFixed(1)} ms`);
    }
  });
});
