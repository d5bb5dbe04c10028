import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PaperNotesApi } from '../../../src/extension';
import type { PaperTreeNode } from '../../../src/vscode/tree/paperTreeProvider';
import { activatePaperNotes } from './extension';

const KEY = 'gu2021efficiently';

/** The paper's node as VS Code reaches it: through the roots and, when grouped, its first category. */
function paperNode(api: PaperNotesApi, key: string): Extract<PaperTreeNode, { kind: 'paper' }> {
  for (const root of api.papersTree.getChildren()) {
    const candidates = root.kind === 'paper' ? [root] : api.papersTree.getChildren(root);
    const found = candidates.find((node) => node.kind === 'paper' && node.key === key);
    if (found?.kind === 'paper') return found;
  }
  throw new Error(`no tree item for ${key}`);
}

function description(api: PaperNotesApi, key: string): string {
  return String(api.papersTree.getTreeItem(paperNode(api, key)).description);
}

function tooltip(api: PaperNotesApi, key: string): string {
  const node = paperNode(api, key);
  const item = api.papersTree.resolveTreeItem(api.papersTree.getTreeItem(node), node);
  return item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip);
}

/** Counted here from the files themselves, not from the extension's index: notes whose text cites the key. */
async function notesCitingOnDisk(key: string): Promise<number> {
  const cites = new RegExp(`@${key}\\b|@\\{${key}\\}|\\\\cite\\{[^}]*\\b${key}\\b`);
  let count = 0;
  for (const uri of await vscode.workspace.findFiles('**/*.{md,markdown}', '**/node_modules/**')) {
    if (cites.test(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)))) count += 1;
  }
  return count;
}

async function waitUntil(what: string, probe: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The keys of the paper rows a tree change event redraws; undefined when it redraws the whole tree. */
function redrawnKeys(change: PaperTreeNode | PaperTreeNode[] | undefined | null | void): string[] | undefined {
  if (!change) return undefined;
  return (Array.isArray(change) ? change : [change]).flatMap((node) => (node.kind === 'paper' ? [node.key] : []));
}

/** Resolves on the tree's next change event that redraws `key`'s row (or everything); fails after `timeoutMs`. */
function nextTreeChange(api: PaperNotesApi, key: string, what: string, timeoutMs = 5_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`the tree did not redraw ${key} after ${what}`));
    }, timeoutMs);
    const subscription = api.papersTree.onDidChangeTreeData((change) => {
      const keys = redrawnKeys(change);
      if (keys !== undefined && !keys.includes(key)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
  });
}

describe('Papers tree citation counts', () => {
  let api: PaperNotesApi;

  before(async () => {
    ({ api } = await activatePaperNotes());
    await api.citations.workspaceIndex.ready();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows how many workspace notes cite a paper in its description and tooltip', async () => {
    const onDisk = await notesCitingOnDisk(KEY);
    assert.ok(onDisk >= 1, 'the sample note cites S4');
    assert.equal(description(api, KEY), `${KEY} · 2021 · cited in ${onDisk} note${onDisk === 1 ? '' : 's'}`);
    assert.match(tooltip(api, KEY), new RegExp(`Cited in ${onDisk} notes? of this workspace`));
  });

  it('leaves "cited in" out for a paper no note cites, and says so in the tooltip', async () => {
    const uncited = api.library().papers.find((paper) => paper.year !== undefined && api.citations.workspaceIndex.citedInCount(paper.key) === 0);
    assert.ok(uncited, 'some paper is not cited in the sample notes');
    assert.equal(await notesCitingOnDisk(uncited.key), 0);
    assert.equal(description(api, uncited.key), `${uncited.key} · ${uncited.year}`);
    assert.match(tooltip(api, uncited.key), /Not cited in any note of this workspace yet\./);
  });

  it('redraws with the new count when a note citing the paper is added, then removed', async () => {
    const before = await notesCitingOnDisk(KEY);
    // As VS Code would have: reach the row, so the tree knows it is shown (only shown rows are redrawn).
    paperNode(api, KEY);
    const note = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'tree-count-check.md');
    try {
      const added = nextTreeChange(api, KEY, 'a citing note was added');
      await vscode.workspace.fs.writeFile(note, new TextEncoder().encode(`S4 [@${KEY}] is the ancestor.\n`));
      await added;
      assert.equal(await notesCitingOnDisk(KEY), before + 1);
      assert.equal(description(api, KEY), `${KEY} · 2021 · cited in ${before + 1} notes`);
      assert.match(tooltip(api, KEY), new RegExp(`Cited in ${before + 1} notes of this workspace`));
    } finally {
      const removed = nextTreeChange(api, KEY, 'the citing note was deleted');
      await vscode.workspace.fs.delete(note);
      await removed;
    }
    assert.equal(description(api, KEY), `${KEY} · 2021 · cited in ${before} note${before === 1 ? '' : 's'}`);
  });

  it('does not redraw while typing adds no citation, and redraws once a newly cited key is typed', async () => {
    const note = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'tree-typing-check.md');
    const other = 'gu2023mamba';
    await vscode.workspace.fs.writeFile(note, new TextEncoder().encode(`Draft citing [@${KEY}].\n`));
    let redraws = 0;
    const subscription = api.papersTree.onDidChangeTreeData(() => (redraws += 1));
    let typedIn: vscode.TextDocument | undefined;
    try {
      await waitUntil('the draft to be counted', () => api.citations.workspaceIndex.notesCiting(KEY).some((uri) => uri.toString() === note.toString()));
      const editor = await vscode.window.showTextDocument(note);
      typedIn = editor.document;
      // Let the redraw for the new file pass before counting.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      redraws = 0;
      const citedBefore = api.citations.workspaceIndex.citedInCount(other);
      // As VS Code would have: reach the row, so the tree knows it is shown (only shown rows are redrawn).
      paperNode(api, other);
      for (const word of ['Some ', 'plain ', 'words ', 'here. ']) {
        await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), word));
        await new Promise((resolve) => setTimeout(resolve, 400)); // past the index's per-note debounce: each edit is re-read
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000)); // past the tree's redraw delay
      assert.equal(redraws, 0, 'typing without citations redrew the tree');
      const redrawn = nextTreeChange(api, other, `typing a citation of ${other}`);
      await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), `See [@${other}]. `));
      await redrawn;
      assert.equal(api.citations.workspaceIndex.citedInCount(other), citedBefore + 1);
      assert.match(description(api, other), new RegExp(`cited in ${citedBefore + 1} notes?$`));
    } finally {
      subscription.dispose();
      // Saved, then closed, then deleted: a dirty editor left open (the revert command acts on whichever editor is
      // active) would write the note back into the sample workspace later, and every later suite would count it.
      if (typedIn?.isDirty) await typedIn.save();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(note);
    }
    await waitUntil('the draft to stop counting', () => !api.citations.workspaceIndex.notesCiting(KEY).some((uri) => uri.toString() === note.toString()));
  });
});
