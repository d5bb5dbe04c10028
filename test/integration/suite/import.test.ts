import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AddOutcome } from '../../../src/vscode/import/paperImporter';
import { startReplayServer, type ReplayServer } from '../../support/replayServer';
import { activatePaperNotes, extensionId } from './extension';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return folder.uri;
}

const bibUri = () => vscode.Uri.joinPath(workspaceRoot(), 'references.bib');
const pageUri = () => vscode.Uri.joinPath(workspaceRoot(), 'papers', 'daily-papers-2024-06-03.txt');
const metadataUri = () => vscode.Uri.joinPath(workspaceRoot(), 'papers', 'daily-papers-2024-06-03.metadata.json');

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function remove(uri: vscode.Uri): Promise<void> {
  if (await exists(uri)) await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false });
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Every paper key the Papers tree shows, from its categories down. */
async function keysInTree(tree: { getChildren(node?: never): unknown }): Promise<Set<string>> {
  const keys = new Set<string>();
  const walk = async (node?: unknown): Promise<void> => {
    const children = (await (tree.getChildren as (node?: unknown) => unknown)(node)) as unknown[] | undefined;
    for (const child of children ?? []) {
      const paper = (child as { paper?: { key: string } }).paper;
      if (paper) keys.add(paper.key);
      else await walk(child);
    }
  };
  await walk();
  return keys;
}

describe('Import: Add Paper, Import Daily Papers and citing links, against the replay server', function () {
  this.timeout(60_000);
  let server: ReplayServer;

  beforeEach(async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    server = await startReplayServer(path.join(extension!.extensionPath, 'test', 'fixtures', 'services'));
    Object.assign(process.env, server.env);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await server.close();
    const { api } = await activatePaperNotes();
    await remove(bibUri());
    await remove(pageUri());
    await remove(metadataUri());
    await remove(vscode.Uri.joinPath(workspaceRoot(), 'papers'));
    await remove(vscode.Uri.joinPath(workspaceRoot(), 'cite-link-1.md'));
    // The file watcher drops a create and a delete that arrive together (a test's files live for milliseconds), so the
    // next test starts from a library read afresh.
    await vscode.commands.executeCommand('paperNotes.reloadLibrary');
    await waitFor('the imported papers left the library', () => api.library().get('dao2024transformers') === undefined && api.library().get('sun2023retentive') === undefined)
      .catch((error: Error) => {
        throw new Error(`${error.message}: ${JSON.stringify([api.library().get('dao2024transformers')?.source, api.library().get('sun2023retentive')?.source])}`);
      });
  });

  it('Add Paper writes the paper to references.bib, shows it in the tree at once and opens its paper view', async () => {
    const { api } = await activatePaperNotes();
    const outcome = await vscode.commands.executeCommand<AddOutcome>('paperNotes.addPaper', 'https://huggingface.co/papers/2405.21060');
    assert.deepEqual(outcome.added.map((paper) => paper.key), ['dao2024transformers']);
    const paper = api.library().get('dao2024transformers');
    assert.ok(paper, 'the paper is in the library when the command returns');
    assert.deepEqual(paper.authors, ['Tri Dao', 'Albert Gu']);
    assert.deepEqual(paper.codeUrls, ['https://github.com/state-spaces/mamba']);
    assert.ok((await keysInTree(api.papersTree as never)).has('dao2024transformers'), 'the Papers tree shows it');
    assert.ok(api.openPaperViews().includes('dao2024transformers'), 'its paper view is open');
    const text = decoder.decode(await vscode.workspace.fs.readFile(bibUri()));
    assert.match(text, /^@misc\{dao2024transformers,\n {2}title = \{\{Transformers are SSMs: Generalized Models/);
    assert.match(text, /primaryClass = \{cs\.LG\}/);
  });

  it('Add Paper appends to an open references.bib as one undoable edit and keeps its text', async () => {
    const original = '% my papers\n@misc{own2020paper, title = {Own Paper}, year = 2020}';
    await vscode.workspace.fs.writeFile(bibUri(), encoder.encode(original));
    const document = await vscode.workspace.openTextDocument(bibUri());
    await vscode.window.showTextDocument(document);
    const outcome = await vscode.commands.executeCommand<AddOutcome>('paperNotes.addPaper', '2405.21060 2307.08621');
    assert.deepEqual(outcome.added.map((paper) => paper.key), ['dao2024transformers', 'sun2023retentive']);
    assert.ok(document.getText().startsWith(`${original}\n\n@misc{dao2024transformers,`));
    assert.equal(document.isDirty, false, 'the file is saved');
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), original, 'one undo removes both entries');
    await document.save();
  });

  it('Add Paper on a paper already in the library adds nothing and opens it', async () => {
    const { api } = await activatePaperNotes();
    const outcome = await vscode.commands.executeCommand<AddOutcome>('paperNotes.addPaper', 'arXiv:2312.00752v2');
    assert.deepEqual(outcome.added, []);
    assert.deepEqual(outcome.existing.map((paper) => paper.key), ['gu2023mamba']);
    assert.equal(await exists(bibUri()), false);
    assert.equal(server.requests.length, 0, 'nothing was fetched');
    await waitFor('its paper view is open', () => api.openPaperViews().includes('gu2023mamba'));
  });

  it('Add Paper writes nothing when a service cannot be reached or a paper is not found', async () => {
    // Nothing listens on a closed server's port: the connection is refused.
    const closed = await startReplayServer(path.join(vscode.extensions.getExtension(extensionId)!.extensionPath, 'test', 'fixtures', 'services'));
    await closed.close();
    process.env.PAPER_NOTES_ARXIV_API = closed.env.PAPER_NOTES_ARXIV_API;
    assert.equal(await vscode.commands.executeCommand('paperNotes.addPaper', '2405.21060'), undefined);
    process.env.PAPER_NOTES_ARXIV_API = server.env.PAPER_NOTES_ARXIV_API;
    assert.equal(await vscode.commands.executeCommand('paperNotes.addPaper', '2405.21060 2312.99999'), undefined);
    assert.equal(await exists(bibUri()), false, await exists(bibUri()) ? decoder.decode(await vscode.workspace.fs.readFile(bibUri())) : '');
  });

  it('Import Daily Papers saves the day and its metadata, read as one with real keys; re-importing replaces both', async () => {
    const { api } = await activatePaperNotes();
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(workspaceRoot(), 'papers'));
    await vscode.workspace.fs.writeFile(metadataUri(), encoder.encode('[]'));
    await vscode.workspace.fs.writeFile(pageUri(), encoder.encode('Daily Papers\n\nAn Old Title\n\nAn old abstract that the new import replaces, long enough to read as one, with more than twelve words.\n'));
    const page = await vscode.commands.executeCommand<vscode.Uri>('paperNotes.importDailyPapers', '2024-06-03');
    assert.equal(page.toString(), pageUri().toString());
    const paper = api.library().get('dao2024transformers');
    assert.ok(paper, 'the day\'s paper is in the library under its real key');
    assert.deepEqual(paper.authors, ['Tri Dao', 'Albert Gu']);
    assert.equal(paper.source.file, 'papers/daily-papers-2024-06-03.txt');
    assert.ok(api.library().get('sun2023retentive'));
    assert.match(decoder.decode(await vscode.workspace.fs.readFile(metadataUri())), /"upvotes": 64/);
    assert.doesNotMatch(decoder.decode(await vscode.workspace.fs.readFile(pageUri())), /An Old Title/);
    assert.equal(api.library().papers.some((candidate) => candidate.title === 'An Old Title'), false);
  });

  it('a change to a page\'s metadata file reads the page again', async () => {
    const { api } = await activatePaperNotes();
    const fixtures = path.join(vscode.extensions.getExtension(extensionId)!.extensionPath, 'test', 'fixtures', 'services');
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(workspaceRoot(), 'papers'));
    const day = JSON.parse(decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.file(path.join(fixtures, 'huggingface', 'daily_papers_2023-07-18.json'))))) as Array<{ paper: { title: string; summary: string } }>;
    const { title, summary } = day[0].paper;
    await vscode.workspace.fs.writeFile(pageUri(), encoder.encode(`Daily Papers\n\n${title}\n\n${summary.replace(/\s+/g, ' ')}\n`));
    await waitFor('the page\'s paper is in the library under a key from its title', () => api.library().papers.some((paper) => paper.title === title && paper.authors.length === 0));
    await vscode.workspace.fs.writeFile(metadataUri(), encoder.encode(JSON.stringify([{ title, arxivId: '2307.08621', year: 2023, authors: ['Yutao Sun', 'Li Dong'], venue: null, codeUrl: null }])));
    await waitFor('the paper has its authors and real key', () => api.library().get('sun2023retentive')?.source.file === 'papers/daily-papers-2024-06-03.txt');
  });

  it('Import Daily Papers writes nothing for a future day or a day without papers', async () => {
    assert.equal(await vscode.commands.executeCommand('paperNotes.importDailyPapers', '2999-01-01'), undefined);
    assert.equal(await vscode.commands.executeCommand('paperNotes.importDailyPapers', '2024-06-02'), undefined);
    assert.equal(await exists(vscode.Uri.joinPath(workspaceRoot(), 'papers')), false);
  });

  it('"Cite this paper" on a bare arXiv link replaces it with the citation and adds the paper', async () => {
    const note = vscode.Uri.joinPath(workspaceRoot(), 'cite-link-1.md');
    await vscode.workspace.fs.writeFile(note, encoder.encode('# Reading\n\nSee https://arxiv.org/abs/2405.21060 for SSD.\n'));
    const document = await vscode.workspace.openTextDocument(note);
    await vscode.window.showTextDocument(document);
    // The workbench asks for code actions on its copy of the document, which arrives a moment after the file is opened.
    let actions: vscode.CodeAction[] = [];
    await waitFor('the code action is offered', async () => {
      actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', note, new vscode.Range(2, 10, 2, 10));
      return actions.some((action) => action.title === 'Cite this paper (arXiv:2405.21060)');
    }, 5000).catch(() => undefined);
    const cite = actions.find((action) => action.title === 'Cite this paper (arXiv:2405.21060)');
    assert.ok(cite?.command, `offered: ${actions.map((action) => action.title).join(', ')} for ${document.languageId} ${JSON.stringify(document.getText())}`);
    assert.equal(await vscode.commands.executeCommand(cite.command.command, ...(cite.command.arguments ?? [])), true);
    assert.equal(document.getText(), '# Reading\n\nSee [@dao2024transformers] for SSD.\n');
    await document.save(); // no unsaved note outlives the test
    assert.match(decoder.decode(await vscode.workspace.fs.readFile(bibUri())), /@misc\{dao2024transformers,/);
  });
});
