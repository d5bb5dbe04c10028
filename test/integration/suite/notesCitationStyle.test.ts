import * as assert from 'node:assert/strict';
import type { Root, Table } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import * as vscode from 'vscode';
import { activatePaperNotes } from './extension';

async function setStyle(style: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('paperNotes.citation').update('style', style, vscode.ConfigurationTarget.Global);
}

async function remove(uri: vscode.Uri): Promise<void> {
  try {
    await vscode.workspace.fs.delete(uri, { useTrash: false });
  } catch {
    // Not created, or already gone.
  }
}

describe('Notes and comparison tables follow paperNotes.citation.style', () => {
  before(async () => {
    await activatePaperNotes();
  });

  afterEach(async () => {
    await setStyle(undefined);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  // claimLine: the claims checklist reads the clean text ("60×", not the abstract's "60times").
  const noteCases: ReadonlyArray<{ style: string; key: string; citationLine: RegExp; claimLine: RegExp; ending: RegExp }> = [
    { style: 'latex', key: 'gu2021efficiently', citationLine: /^\\cite\{gu2021efficiently\} · Albert Gu/m, claimLine: /^- \[ \] speedup: 60× faster$/m, ending: /## Questions\n$/ },
    { style: 'footnote', key: 'gu2023mamba', citationLine: /^\[\^gu2023mamba\] · Albert Gu, Tri Dao/m, claimLine: /^- \[ \] speedup: 5× higher throughput than Transformers$/m, ending: /## Questions\n\n\[\^gu2023mamba\]: Albert Gu and Tri Dao \(2023\)\. \*Mamba[^\n]*\n$/ },
  ];
  for (const { style, key, citationLine, claimLine, ending } of noteCases) {
    it(`Open Note cites the paper in the ${style} style in a new note`, async () => {
      const { api } = await activatePaperNotes();
      await setStyle(style);
      const uri = api.notes.noteUri(key)!;
      await remove(uri);
      try {
        const result = await vscode.commands.executeCommand<{ uri: vscode.Uri; created: boolean }>('paperNotes.openNote', key);
        assert.equal(result.created, true);
        const note = new TextDecoder().decode(await vscode.workspace.fs.readFile(result.uri));
        assert.match(note, citationLine);
        assert.match(note, claimLine);
        assert.doesNotMatch(note, /\dtimes/);
        assert.match(note, ending);
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await remove(uri);
      }
    });
  }

  it('Compare Papers cites in the footnote style and adds each definition once at the end, in one undo step', async () => {
    await setStyle('footnote');
    const original = '# Comparison\n\nText after the table.\n\n[^gu2023mamba]: Defined by hand.\n';
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: original });
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(2, 0, 2, 0);
    const table = await vscode.commands.executeCommand<string>('paperNotes.comparePapers', ['gu2023mamba', 'gu2021efficiently']);
    const text = document.getText();
    assert.ok(text.startsWith(`# Comparison\n\n${table}\nText after the table.`), text);
    assert.match(table, /\| 2021 \[\^gu2021efficiently\] \|/);
    assert.match(table, /\| 5× higher throughput than Transformers \[\^gu2023mamba\] \|/, 'headline speedups in clean reading text');
    assert.match(table, /\| 60× faster \[\^gu2021efficiently\] \|/);
    const tree = unified().use(remarkParse).use(remarkGfm).parse(text) as Root;
    assert.equal(tree.children.filter((node): node is Table => node.type === 'table').length, 1);
    const definitions = tree.children.filter((node) => node.type === 'footnoteDefinition').map((node) => (node as { identifier: string }).identifier);
    assert.deepEqual(definitions, ['gu2023mamba', 'gu2021efficiently'], 'the hand-written definition is kept, the missing one appended once');
    assert.match(text, /\n\[\^gu2021efficiently\]: [^\n]*\(2021\)\. \*Efficiently Modeling[^\n]*\n$/);

    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), original);
  });

  it('Compare Papers links the title in the first cell and author and year in the others in the markdown-link style', async () => {
    await setStyle('markdown-link');
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    await vscode.window.showTextDocument(document);
    const table = await vscode.commands.executeCommand<string>('paperNotes.comparePapers', ['gu2023mamba', 'gu2021efficiently']);
    assert.match(table, /^\| \[Mamba: Linear-Time Sequence Modeling with Selective State Spaces \(Gu and Dao, 2023\)\]\(https:\/\/arxiv\.org\/abs\/2312\.00752\) \| 2023 \[Gu and Dao, 2023\]\(https:\/\/arxiv\.org\/abs\/2312\.00752\) \|/m);
  });
});
