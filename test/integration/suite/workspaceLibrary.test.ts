import * as assert from 'node:assert/strict';
import { open } from 'node:fs/promises';
import * as vscode from 'vscode';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Root, Table } from 'mdast';
import { activatePaperNotes } from './extension';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return folder.uri;
}

async function write(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
}

async function read(uri: vscode.Uri): Promise<string> {
  return decoder.decode(await vscode.workspace.fs.readFile(uri));
}

async function remove(uri: vscode.Uri): Promise<void> {
  try {
    await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false });
  } catch {
    // Already gone.
  }
}

/** Polls until `check` holds; returns the milliseconds it took. Fails with `what` after `timeoutMs`. */
async function waitFor(what: string, check: () => boolean, timeoutMs = 10_000): Promise<number> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return Date.now() - start;
}

const mamba = `@article{itestGu2023,
  title = {Mamba: Linear-Time Sequence Modeling with {Selective} State Spaces (integration copy)},
  author = {Gu, Albert and Dao, Tri},
  year = {2023},
  eprint = {2399.00001},
  archivePrefix = {arXiv},
  abstract = {Mamba enjoys fast inference (5$\\times$ higher throughput than Transformers) and linear scaling in sequence length.}
}

@inproceedings{itestPoli2023,
  title = {Hyena Hierarchy (integration copy)},
  author = {Poli, Michael and R{\\'e}, Christopher},
  year = 2023,
  abstract = {Hyena operators are 100x faster than highly optimized attention at sequence length 64K and reach 20% fewer FLOPs.}
}
`;

const broken = `@article{itestGood,
  title = {A Good Entry (integration copy)},
  year = {2024}
}

@article{itestBroken,
  title = {An entry whose braces {never close,
  year = {2024}
}

@article{itestAfter,
  title = {The Entry After (integration copy)},
  year = {2024}
}
`;

describe('Workspace library', function () {
  this.timeout(60_000);
  const folder = vscode.Uri.joinPath(workspaceRoot(), 'itest-library');
  const bib = vscode.Uri.joinPath(folder, 'refs.bib');
  const brokenBib = vscode.Uri.joinPath(folder, 'broken.bib');
  const notesFolder = vscode.Uri.joinPath(workspaceRoot(), 'notes');
  const templateFolder = vscode.Uri.joinPath(workspaceRoot(), '.papernotes');

  before(async () => {
    await activatePaperNotes();
    await remove(folder);
  });

  /**
   * Writes the itest .bib (Mamba and Hyena copies) and waits until the library holds exactly what it says: tests that
   * need these papers set them up themselves, so each passes alone.
   */
  async function loadMambaBib(text = mamba): Promise<void> {
    const { api } = await activatePaperNotes();
    await write(bib, text);
    const hyenaTitle = /title = \{(Hyena[^}]*)\}/.exec(text)![1];
    await waitFor('the itest .bib is loaded', () => api.library().get('itestGu2023') !== undefined && api.library().get('itestPoli2023')?.title === hyenaTitle);
  }

  after(async () => {
    await remove(folder);
    await remove(notesFolder);
    await remove(templateFolder);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('adds the papers of a .bib file created in the workspace', async () => {
    const { api } = await activatePaperNotes();
    await remove(folder);
    await waitFor('no itest paper is left', () => api.library().get('itestGu2023') === undefined && api.library().get('itestGood') === undefined);
    const before = api.library().size;
    let changes = 0;
    const subscription = api.onDidChangeLibrary(() => changes++);
    await write(bib, mamba);
    const ms = await waitFor('the .bib papers are in the library', () => api.library().get('itestGu2023') !== undefined && api.library().get('itestPoli2023') !== undefined);
    subscription.dispose();
    console.log(`      new .bib file loaded ${ms} ms after it was written`);
    assert.ok(changes >= 1, 'onDidChangeLibrary fired');
    assert.equal(api.library().size, before + 2);
    const paper = api.library().get('itestPoli2023');
    assert.deepEqual(paper?.authors, ['Michael Poli', 'Christopher Ré']);
    assert.equal(api.library().get('itestGu2023')?.arxivId, '2399.00001');
  });

  it('updates the library when the file is edited, re-reading only that file', async () => {
    const { api } = await activatePaperNotes();
    await loadMambaBib();
    const seedSize = api.library().size;
    await write(bib, mamba.replace('Hyena Hierarchy (integration copy)', 'Hyena Hierarchy, edited (integration copy)'));
    const ms = await waitFor('the edited title is in the library', () => api.library().get('itestPoli2023')?.title === 'Hyena Hierarchy, edited (integration copy)');
    console.log(`      edit picked up after ${ms} ms`);
    assert.equal(api.library().size, seedSize);
  });

  it('shows a broken entry in the Problems panel at its line and keeps the other entries', async () => {
    const { api } = await activatePaperNotes();
    await write(brokenBib, broken);
    await waitFor('the broken file has a diagnostic', () => vscode.languages.getDiagnostics(brokenBib).length > 0);
    const [diagnostic] = vscode.languages.getDiagnostics(brokenBib);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(diagnostic.range.start.line + 1, 7, 'line of the unclosed field');
    assert.match(diagnostic.message, /itestBroken.*unbalanced braces/);
    await waitFor('the good entries are loaded', () => api.library().get('itestGood') !== undefined && api.library().get('itestAfter') !== undefined);
    assert.equal(api.library().get('itestBroken'), undefined);
  });

  it('clears the diagnostic once the entry is fixed', async () => {
    await write(brokenBib, broken);
    await waitFor('the broken file has a diagnostic', () => vscode.languages.getDiagnostics(brokenBib).length > 0);
    await write(brokenBib, broken.replace('{never close,', '{never} close},'));
    await waitFor('the diagnostic is gone', () => vscode.languages.getDiagnostics(brokenBib).length === 0);
  });

  it('drops the papers of a deleted file', async () => {
    const { api } = await activatePaperNotes();
    await loadMambaBib();
    await write(brokenBib, broken);
    await waitFor('the second file is loaded', () => api.library().get('itestGood') !== undefined);
    await remove(brokenBib);
    await waitFor('the deleted file\'s papers are gone', () => api.library().get('itestGood') === undefined);
    assert.ok(api.library().get('itestGu2023'), 'papers of other files stay');
  });

  it('Open Note creates the note from the built-in template and never overwrites it', async () => {
    const { api } = await activatePaperNotes();
    await loadMambaBib();
    await remove(vscode.Uri.joinPath(notesFolder, 'itestGu2023.md'));
    await remove(templateFolder); // the built-in template, not a workspace one
    await waitFor('no note for the paper', () => !api.notes.hasNote('itestGu2023'));
    const started = Date.now();
    const first = await vscode.commands.executeCommand<{ uri: vscode.Uri; created: boolean }>('paperNotes.openNote', 'itestGu2023');
    console.log(`      note created and opened in ${Date.now() - started} ms`);
    assert.equal(first.created, true);
    assert.equal(first.uri.toString(), vscode.Uri.joinPath(notesFolder, 'itestGu2023.md').toString());
    const note = await read(first.uri);
    assert.match(note, /^---\ntitle: "Mamba: Linear-Time Sequence Modeling with Selective State Spaces \(integration copy\)"\n/);
    assert.match(note, /^key: "itestGu2023"$/m);
    assert.match(note, /^\[@itestGu2023\]/m);
    assert.match(note, /^- \[ \] speedup: /m, 'the speedup claim is in the checklist');
    for (const heading of ['Summary', 'Method', 'Results', 'Limitations', 'Questions']) assert.match(note, new RegExp(`^## ${heading}$`, 'm'));
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), first.uri.toString(), 'the note is open');
    assert.equal(api.notes.hasNote('itestGu2023'), true);

    await write(first.uri, `${note}\nMy own thoughts.\n`);
    const second = await vscode.commands.executeCommand<{ uri: vscode.Uri; created: boolean }>('paperNotes.openNote', { key: 'itestGu2023' });
    assert.equal(second.created, false);
    assert.equal(await read(first.uri), `${note}\nMy own thoughts.\n`);
  });

  it('Open Note uses the workspace template when there is one', async () => {
    const { api } = await activatePaperNotes();
    await loadMambaBib();
    await remove(vscode.Uri.joinPath(notesFolder, 'itestPoli2023.md'));
    await waitFor('no note for the paper', () => !api.notes.hasNote('itestPoli2023'));
    await write(vscode.Uri.joinPath(templateFolder, 'note-template.md'), '# {{title}}\n\nBy {{authors}} ({{year}}), {{citation}}.\n');
    const result = await vscode.commands.executeCommand<{ uri: vscode.Uri; created: boolean }>('paperNotes.openNote', 'itestPoli2023');
    assert.equal(result.created, true);
    assert.equal(await read(result.uri), '# Hyena Hierarchy (integration copy)\n\nBy Michael Poli, Christopher Ré (2023), [@itestPoli2023].\n');
  });

  it('notices notes written by hand, and their deletion', async () => {
    const { api } = await activatePaperNotes();
    const manual = vscode.Uri.joinPath(notesFolder, 'itestByHand.md');
    await write(manual, '# My note\n');
    await waitFor('the note is known', () => api.notes.hasNote('itestByHand'));
    await remove(manual);
    await waitFor('the note is forgotten', () => !api.notes.hasNote('itestByHand'));
  });

  it('Compare Papers inserts a GFM table at the cursor as one undoable edit', async () => {
    await loadMambaBib();
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Comparison\n\n' });
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(2, 0, 2, 0);
    const nodes = [{ kind: 'paper', paper: { key: 'itestGu2023' } }, { kind: 'paper', paper: { key: 'itestPoli2023' } }];
    const table = await vscode.commands.executeCommand<string>('paperNotes.comparePapers', nodes[0], nodes);
    assert.ok(document.getText().includes(table), 'the table is in the document');

    const tree = unified().use(remarkParse).use(remarkGfm).parse(document.getText()) as Root;
    const tables = tree.children.filter((node): node is Table => node.type === 'table');
    assert.equal(tables.length, 1);
    assert.equal(tables[0].children.length, 3, 'a header and one row per paper');
    assert.match(table, /\| 100x faster than highly optimized attention[^|]* \[@itestPoli2023\] \|/);

    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), '# Comparison\n\n');
  });

  it('settles to the final content of a .bib another program writes slowly, in many small pieces', async () => {
    const { api } = await activatePaperNotes();
    const slow = vscode.Uri.joinPath(folder, 'slow.bib');
    const entries = Array.from({ length: 40 }, (_, i) => `@article{itestSlow${i},\n  title = {Slowly Written Entry ${i} (integration copy)},\n  year = {2024}\n}\n`).join('\n');
    await remove(slow);
    await vscode.workspace.fs.createDirectory(folder);
    // As a download or an export does: one open file, written piece by piece past the watcher's debounce.
    const handle = await open(slow.fsPath, 'w');
    try {
      for (let at = 0; at < entries.length; at += 97) {
        await handle.write(entries.slice(at, at + 97));
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
    } finally {
      await handle.close();
    }
    const ms = await waitFor('all 40 entries are in the library', () => Array.from({ length: 40 }, (_, i) => api.library().get(`itestSlow${i}`)).every(Boolean), 20_000);
    console.log(`      slowly written .bib settled ${ms} ms after its writer closed it`);
    await waitFor('no problem is left from a half-written read', () => vscode.languages.getDiagnostics(slow).length === 0);
    await remove(slow);
    await waitFor('the entries are gone', () => api.library().get('itestSlow0') === undefined);
  });

  it('reads a Daily Papers page saved under papers/, recognised by its content, and forgets it when it stops being one', async () => {
    const { api } = await activatePaperNotes();
    const page = vscode.Uri.joinPath(workspaceRoot(), 'papers', 'itest-daily.txt');
    const abstract = 'We present a state space model for integration tests that scales linearly with sequence length and runs 3x faster '
      + 'than attention on long inputs while matching its accuracy on language modeling benchmarks.';
    try {
      await write(page, `Daily Papers\n\nby AK and the research community\n\nItest Mamba Variant One\n\n${abstract}\n\nItest Mamba Variant Two\n\n${abstract}\n`);
      await waitFor('the page\'s papers are in the library', () => api.library().papers.some((paper) => paper.title === 'Itest Mamba Variant Two'));
      await write(page, 'milk\neggs\n');
      await waitFor('the papers are gone', () => !api.library().papers.some((paper) => paper.title === 'Itest Mamba Variant Two'));
    } finally {
      await remove(vscode.Uri.joinPath(workspaceRoot(), 'papers'));
    }
  });

  it('drops the papers when the folder goes away', async () => {
    const { api } = await activatePaperNotes();
    await loadMambaBib();
    await remove(folder);
    await waitFor('the papers are gone', () => api.library().get('itestGu2023') === undefined);
  });

  describe('without the bundled papers', () => {
    const settingsFolder = vscode.Uri.joinPath(workspaceRoot(), '.vscode');
    let hadSettings = false;

    before(async () => {
      hadSettings = await vscode.workspace.fs.stat(settingsFolder).then(() => true, () => false);
      await vscode.workspace.getConfiguration('paperNotes.library').update('includeBundled', false, vscode.ConfigurationTarget.Workspace);
    });

    after(async () => {
      await vscode.workspace.getConfiguration('paperNotes.library').update('includeBundled', undefined, vscode.ConfigurationTarget.Workspace);
      if (!hadSettings) await remove(settingsFolder);
      await remove(folder);
      const { api } = await activatePaperNotes();
      await waitFor('the bundled papers are back', () => api.library().size === 53);
    });

    it('has an empty library, and says so, when the workspace has no library files', async () => {
      const { api } = await activatePaperNotes();
      await remove(folder);
      await waitFor('the library is empty', () => api.library().size === 0 && api.libraryState() === 'empty');
    });

    it('says the library failed when its only file cannot be read', async () => {
      const { api } = await activatePaperNotes();
      await remove(folder);
      await waitFor('the library is empty', () => api.library().size === 0);
      await write(vscode.Uri.joinPath(folder, 'only.bib'), '@article{onlyBroken,\n  title = {Never closed\n');
      await waitFor('the state is failed', () => api.libraryState() === 'failed');
      assert.equal(api.library().size, 0);
    });

    it('is ready again once the file holds a paper', async () => {
      const { api } = await activatePaperNotes();
      await remove(folder);
      await waitFor('the library is empty', () => api.library().size === 0);
      await write(vscode.Uri.joinPath(folder, 'only.bib'), '@article{onlyFixed,\n  title = {Closed now}\n}\n');
      await waitFor('the state is ready', () => api.libraryState() === 'ready' && api.library().size === 1);
    });
  });
});
