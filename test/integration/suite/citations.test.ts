import * as assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import * as vscode from 'vscode';
import type { Paper } from '../../../src/core/library/paper';
import { CitationLibrary } from '../../../src/vscode/citations/citationLibrary';
import { CitationDiagnostics } from '../../../src/vscode/citations/citationDiagnostics';
import { DocumentCitations } from '../../../src/vscode/citations/documentCitations';
import { activatePaperNotes } from './extension';

/** Opens an untitled Markdown note with `content` in an editor; `|` marks cursors (removed from the text). */
async function openNote(marked: string): Promise<vscode.TextEditor> {
  const offsets: number[] = [];
  let content = '';
  for (const part of marked.split('|')) {
    content += part;
    offsets.push(content.length);
  }
  offsets.pop();
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  const editor = await vscode.window.showTextDocument(document);
  if (offsets.length > 0) editor.selections = offsets.map((offset) => new vscode.Selection(document.positionAt(offset), document.positionAt(offset)));
  return editor;
}

async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function setStyle(style: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('paperNotes.citation').update('style', style, vscode.ConfigurationTarget.Global);
}

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
}

const MAMBA_TITLE = 'Mamba: Linear-Time Sequence Modeling with Selective State Spaces';
const S4_TITLE = 'Efficiently Modeling Long Sequences with Structured State Spaces';

describe('Citations', () => {
  before(async () => {
    await activatePaperNotes();
  });

  afterEach(async () => {
    await setStyle(undefined);
    await closeAll();
  });

  describe('Insert Citation', () => {
    const styles: ReadonlyArray<{ style: string; expected: string }> = [
      { style: 'pandoc', expected: 'See [@gu2023mamba; @gu2021efficiently].' },
      { style: 'latex', expected: 'See \\cite{gu2023mamba,gu2021efficiently}.' },
      {
        style: 'markdown-link',
        expected: `See [${MAMBA_TITLE} (Gu and Dao, 2023)](https://arxiv.org/abs/2312.00752); [${S4_TITLE} (Gu et al., 2021)](https://arxiv.org/abs/2111.00396).`,
      },
    ];
    for (const { style, expected } of styles) {
      it(`inserts a grouped citation in the ${style} style set by paperNotes.citation.style`, async () => {
        await setStyle(style);
        const editor = await openNote('See |.');
        assert.equal(await vscode.commands.executeCommand('paperNotes.insertCitation', { keys: ['gu2023mamba', 'gu2021efficiently'] }), true);
        assert.equal(editor.document.getText(), expected);
      });
    }

    it('inserts a footnote citation and adds each definition once at the end, also when cited again', async () => {
      await setStyle('footnote');
      const editor = await openNote('Mamba|. S4|.');
      await vscode.commands.executeCommand('paperNotes.insertCitation', { keys: ['gu2023mamba'] });
      await vscode.commands.executeCommand('paperNotes.insertCitation', { keys: ['gu2023mamba', 'gu2021efficiently'] });
      const text = editor.document.getText();
      assert.ok(text.startsWith('Mamba[^gu2023mamba][^gu2023mamba][^gu2021efficiently]. S4[^gu2023mamba][^gu2023mamba][^gu2021efficiently].\n\n'), text);
      assert.equal(text.match(/^\[\^gu2023mamba\]: Albert Gu and Tri Dao \(2023\)\. \*Mamba/gm)?.length, 1, text);
      assert.equal(text.match(/^\[\^gu2021efficiently\]: Albert Gu, Karan Goel and Christopher Ré \(2021\)\./gm)?.length, 1, text);
    });

    it('inserts at every cursor and leaves each cursor after its citation', async () => {
      const editor = await openNote('A |and B |.');
      await vscode.commands.executeCommand('paperNotes.insertCitation', { keys: ['gu2023mamba'] });
      assert.equal(editor.document.getText(), 'A [@gu2023mamba]and B [@gu2023mamba].');
      assert.deepEqual(editor.selections.map((selection) => editor.document.offsetAt(selection.active)), [16, 36]);
    });

    it('joins an existing group instead of nesting brackets', async () => {
      const editor = await openNote('See [@gu2023mamba|].');
      await vscode.commands.executeCommand('paperNotes.insertCitation', { keys: ['gu2021efficiently'] });
      assert.equal(editor.document.getText(), 'See [@gu2023mamba; @gu2021efficiently].');
    });

    it('undoes an insertion at several cursors, with its footnote definitions, in one step', async () => {
      await setStyle('footnote');
      const original = 'One |claim.\n\nTwo |claims.\n';
      const editor = await openNote(original);
      await vscode.commands.executeCommand('paperNotes.insertCitation', { keys: ['gu2023mamba'] });
      assert.notEqual(editor.document.getText(), original.replace(/\|/g, ''));
      await vscode.commands.executeCommand('undo');
      assert.equal(editor.document.getText(), original.replace(/\|/g, ''));
    });
  });

  describe('completion', () => {
    async function completionsAt(marked: string, trigger?: string): Promise<vscode.CompletionItem[]> {
      const editor = await openNote(marked);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, editor.selection.active, trigger);
      // Only this extension's citation items (VS Code may add word-based suggestions).
      return list.items.filter((item) => item.kind === vscode.CompletionItemKind.Reference);
    }
    const keyOf = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);

    it('suggests papers after [@ma, ranked by fuzzy match, with title and year as detail and authors in the documentation', async () => {
      const { library } = await activatePaperNotes();
      const items = await completionsAt('Recent work [@ma|');
      const keys = items.map(keyOf);
      assert.ok(keys.length > 0, 'some suggestions');
      assert.ok(keys.slice(0, 10).includes('gu2023mamba') && keys.slice(0, 10).includes('patro2024mamba360'), keys.join(' '));
      for (const item of items.slice(0, 10)) {
        const paper = library.get(keyOf(item))!;
        const words = `${paper.key} ${paper.title} ${paper.authors.join(' ')}`.toLowerCase().split(/[^a-z0-9]+/);
        assert.ok(words.some((word) => word.startsWith('ma')), `${paper.key} matches "ma"`);
      }
      const mamba = items.find((item) => keyOf(item) === 'gu2023mamba')!;
      assert.equal(mamba.detail, `${MAMBA_TITLE} (2023)`);
      const documentation = (mamba.documentation as vscode.MarkdownString).value;
      assert.match(documentation, /Albert Gu and Tri Dao/);
      assert.match(documentation, /linear scaling in sequence length/, 'claims in the documentation');
      assert.match(documentation, /Foundation models, now powering most of the exciting applications/, 'the abstract in the documentation');
      assert.match(documentation, /- 5× higher throughput than Transformers/, 'the top claim in clean reading text');
      assert.doesNotMatch(documentation, /5times/);
      const document = vscode.window.activeTextEditor!.document;
      assert.equal(document.getText(mamba.range as vscode.Range), 'ma', 'replaces the typed key');
    });

    it('continues after a semicolon inside a group', async () => {
      const keys = (await completionsAt('[@gu2023mamba; @|]', '@')).map(keyOf);
      assert.ok(keys.length > 0);
    });

    it('completes keys inside \\cite{…}', async () => {
      const keys = (await completionsAt('\\cite{gu|}', '{')).map(keyOf);
      assert.ok(keys.includes('gu2021efficiently') && keys.includes('gu2023mamba'), keys.join(' '));
    });

    it('offers a cite entry that writes [@] and opens key completion', async () => {
      const editor = await openNote('As shown ci|');
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, editor.selection.active);
      const cite = list.items.find((item) => item.label === 'cite' && item.kind === vscode.CompletionItemKind.Snippet);
      assert.ok(cite, list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label)).join(' '));
      assert.equal((cite.insertText as vscode.SnippetString).value, '[@$0]');
      assert.equal(cite.command?.command, 'editor.action.triggerSuggest');
      assert.equal(editor.document.getText(cite.range as vscode.Range), 'ci');
    });

    const silent: ReadonlyArray<{ name: string; text: string }> = [
      { name: 'an e-mail address', text: 'write to someone@ma|' },
      { name: 'inline code', text: 'call `[@ma|` in code' },
      { name: 'fenced code', text: '```python\n@ma|\n```\n' },
    ];
    for (const { name, text } of silent) {
      it(`stays silent in ${name}`, async () => {
        assert.deepEqual((await completionsAt(text, '@')).map(keyOf), []);
      });
    }
  });

  describe('hover, definition and references', () => {
    const hovers: ReadonlyArray<{ name: string; text: string }> = [
      { name: '[@key]', text: 'As shown [@gu2023ma|mba].' },
      { name: 'a bare @key', text: 'As @gu2023ma|mba shows.' },
      { name: '\\cite{key}', text: 'As \\cite{gu2023ma|mba} shows.' },
    ];
    for (const { name, text } of hovers) {
      it(`shows title, authors, year and the arXiv link when hovering ${name}`, async () => {
        const editor = await openNote(text);
        const content = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.selection.active));
        assert.match(content, /\*\*Mamba: Linear-Time Sequence Modeling with Selective State Spaces\*\*/);
        assert.match(content, /Albert Gu and Tri Dao/);
        assert.match(content, /2023/);
        assert.match(content, /https:\/\/arxiv\.org\/abs\/2312\.00752/);
        assert.match(content, /- 5× higher throughput than Transformers/, 'a top claim, in clean reading text');
        assert.doesNotMatch(content, /5times/);
      });
    }

    it('goes to a definition that describes the paper', async () => {
      const editor = await openNote('See [@gu2021effic|iently].');
      const links = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', editor.document.uri, editor.selection.active);
      const ours = links.map((link) => ('targetUri' in link ? link.targetUri : link.uri)).find((uri) => uri.scheme === 'paper-notes-paper');
      assert.ok(ours, 'a paper definition');
      const summary = await vscode.workspace.openTextDocument(ours);
      assert.match(summary.getText(), new RegExp(`\\*\\*${S4_TITLE}\\*\\*`));
    });

    it('finds every workspace note citing a paper and counts it', async () => {
      const { api } = await activatePaperNotes();
      const [note] = await vscode.workspace.findFiles('efficient-sequence-models.md');
      assert.ok(note, 'the sample note');
      const document = await vscode.workspace.openTextDocument(note);
      const offset = document.getText().indexOf('@gu2023mamba') + 3;
      const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', note, document.positionAt(offset));
      // VS Code's Markdown support also answers, with `@gu2023mamba` read as a link label: count the citation keys.
      const keys = locations.filter((location) => location.uri.toString() === note.toString() && document.getText(location.range) === 'gu2023mamba');
      assert.equal(keys.length, document.getText().split('@gu2023mamba').length - 1, 'every citation of the key in the note');
      assert.ok(api.citations.workspaceIndex.citedInCount('gu2023mamba') >= 1);
      assert.equal(api.citations.workspaceIndex.citedInCount('no-such-key'), 0);
    });

    it('updates "cited in N notes" when a note citing the paper is added and removed', async () => {
      const { api } = await activatePaperNotes();
      const index = api.citations.workspaceIndex;
      await index.ready();
      const before = index.citedInCount('gu2021efficiently');
      const folder = vscode.workspace.workspaceFolders![0]!.uri;
      const extra = vscode.Uri.joinPath(folder, 'cited-in-check.md');
      let changes = 0;
      const subscription = index.onDidChange(() => (changes += 1));
      try {
        await vscode.workspace.fs.writeFile(extra, new TextEncoder().encode('S4 [@gu2021efficiently] and again @gu2021efficiently.\n'));
        await waitFor('the new note to count', () => (index.citedInCount('gu2021efficiently') === before + 1 ? true : undefined));
        assert.ok(changes > 0, 'onDidChange fired');
        assert.deepEqual(index.notesCiting('gu2021efficiently').map((uri) => uri.toString()).filter((uri) => uri === extra.toString()), [extra.toString()]);
      } finally {
        await vscode.workspace.fs.delete(extra);
        subscription.dispose();
      }
      await waitFor('the deleted note to stop counting', () => (index.citedInCount('gu2021efficiently') === before ? true : undefined));
    });
  });

  describe('diagnostics', () => {
    it('flags an unknown key and fixes it with the "did you mean" quick fix', async () => {
      const editor = await openNote('See [@gu2023mamab] for details.');
      const uri = editor.document.uri;
      const diagnostic = await waitFor('an unknown-key diagnostic', () =>
        vscode.languages.getDiagnostics(uri).find((candidate) => candidate.code === 'unknown-citation-key'));
      assert.equal(editor.document.getText(diagnostic.range), 'gu2023mamab');
      assert.match(diagnostic.message, /Unknown citation key "gu2023mamab"/);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range);
      const fix = actions.find((action) => action.title.startsWith('Did you mean "gu2023mamba"'));
      assert.ok(fix?.edit, actions.map((action) => action.title).join(' | '));
      assert.equal(fix.isPreferred, true);
      assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
      assert.equal(editor.document.getText(), 'See [@gu2023mamba] for details.');
      await waitFor('the diagnostic to clear', () =>
        (vscode.languages.getDiagnostics(uri).some((candidate) => candidate.code === 'unknown-citation-key') ? undefined : true));
    });

    it('does not flag known keys, plain footnotes or citations in code', async () => {
      const editor = await openNote('Known [@gu2023mamba], a footnote[^1], and `[@nope]`.\n\n[^1]: Mine.\n');
      // Diagnostics are debounced: give the check time to run, then expect none.
      await new Promise((resolve) => setTimeout(resolve, 800));
      assert.deepEqual(vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.code === 'unknown-citation-key'), []);
    });

    it('checks keys again when the library changes', async () => {
      const { library } = await activatePaperNotes();
      // The same diagnostics service the extension runs, over a library this test controls.
      let papers: readonly Paper[] = library.papers.filter((paper) => paper.key !== 'gu2023mamba');
      const changed = new vscode.EventEmitter<void>();
      const source = { papers: () => papers, onDidChangePapers: changed.event, whenReady: async () => undefined };
      const citationLibrary = new CitationLibrary(source);
      const diagnostics = new CitationDiagnostics(citationLibrary, new DocumentCitations());
      try {
        const editor = await openNote('Mamba [@gu2023mamba].');
        const uri = editor.document.uri;
        const flagged = (): boolean => vscode.languages.getDiagnostics(uri).some((d) => d.code === 'unknown-citation-key' && editor.document.getText(d.range) === 'gu2023mamba');
        await waitFor('the key to be flagged while the library lacks it', () => (flagged() ? true : undefined));
        papers = library.papers;
        changed.fire();
        await waitFor('the flag to go once the library has the paper', () => (flagged() ? undefined : true));
      } finally {
        diagnostics.dispose();
        citationLibrary.dispose();
        changed.dispose();
      }
    });
  });

  describe('Export Bibliography', () => {
    it('writes BibTeX for the papers the note cites, and CSL-JSON for the whole library', async () => {
      const { library } = await activatePaperNotes();
      const folder = vscode.Uri.file(tmpdir());
      await openNote('Mamba [@gu2023mamba] and S4 \\cite{gu2021efficiently}; unknown [@nope].');
      const bib = vscode.Uri.joinPath(folder, `paper-notes-export-${Date.now()}.bib`);
      assert.equal((await vscode.commands.executeCommand<vscode.Uri>('paperNotes.exportBibliography', { scope: 'cited', format: 'bibtex', target: bib }))?.toString(), bib.toString());
      const bibtex = new TextDecoder().decode(await vscode.workspace.fs.readFile(bib));
      assert.deepEqual([...bibtex.matchAll(/^@\w+\{([^,]+),/gm)].map((match) => match[1]), ['gu2023mamba', 'gu2021efficiently']);
      const json = vscode.Uri.joinPath(folder, `paper-notes-export-${Date.now()}.json`);
      await vscode.commands.executeCommand('paperNotes.exportBibliography', { scope: 'all', format: 'csl-json', target: json });
      const items = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(json))) as Array<{ id: string }>;
      assert.equal(items.length, library.size);
      await vscode.workspace.fs.delete(bib);
      await vscode.workspace.fs.delete(json);
    });
  });

  describe('Update References', () => {
    async function setCslStyle(style: string | undefined): Promise<void> {
      await vscode.workspace.getConfiguration('paperNotes.citation').update('cslStyle', style, vscode.ConfigurationTarget.Global);
    }
    afterEach(() => setCslStyle(undefined));

    it('writes the managed section once in Chicago author-date; running it again changes nothing', async () => {
      const editor = await openNote('Mamba [@gu2023mamba] builds on S4 [@gu2021efficiently].\n');
      assert.equal(await vscode.commands.executeCommand('paperNotes.updateReferences'), true);
      const once = editor.document.getText();
      assert.match(once, /\n## References\n\n<!-- paper-notes:references:start -->\n- Gu, Albert, and Tri Dao\. 2023\. “Mamba/);
      assert.match(once, /<!-- paper-notes:references:end -->\n$/);
      const version = editor.document.version;
      assert.equal(await vscode.commands.executeCommand('paperNotes.updateReferences'), true);
      assert.equal(editor.document.getText(), once);
      assert.equal(editor.document.version, version, 'the second run made no edit at all');
    });

    it('replaces an old house-format list in the style of paperNotes.citation.cslStyle, as one undoable edit', async () => {
      await setCslStyle('ieee');
      const old = 'S4 [@gu2021efficiently] then Mamba [@gu2023mamba].\n\n## References\n\n<!-- paper-notes:references:start -->\n'
        + '- Albert Gu and Tri Dao (2023). *Mamba*. arXiv. [arXiv:2312.00752](https://arxiv.org/abs/2312.00752)\n<!-- paper-notes:references:end -->\n\nAfter.\n';
      const editor = await openNote(old);
      assert.equal(await vscode.commands.executeCommand('paperNotes.updateReferences'), true);
      const text = editor.document.getText();
      assert.ok(text.includes('<!-- paper-notes:references:start -->\n- \\[1\\] A. Gu, K. Goel, and C. Ré, “Efficiently Modeling'), text);
      assert.ok(text.includes('- \\[2\\] A. Gu and T. Dao, “Mamba'), text);
      assert.ok(text.endsWith('<!-- paper-notes:references:end -->\n\nAfter.\n'), text);
      await vscode.commands.executeCommand('undo');
      assert.equal(editor.document.getText(), old, 'one undo restores the old section');
    });

    it('reports a broken .csl file with its line and writes the default style instead', async () => {
      const file = vscode.Uri.joinPath(vscode.Uri.file(tmpdir()), `paper-notes-broken-${Date.now()}.csl`);
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text">\n<citation>\n</style>\n'));
      await setCslStyle(file.fsPath);
      const editor = await openNote('Mamba [@gu2023mamba].\n');
      assert.equal(await vscode.commands.executeCommand('paperNotes.updateReferences'), true);
      assert.match(editor.document.getText(), /- Gu, Albert, and Tri Dao\. 2023\./);
      await vscode.workspace.fs.delete(file);
    });

    it('refuses a note with two start markers, keeps the paragraph between them, and says why in the Problems panel', async () => {
      const start = '<!-- paper-notes:references:start -->';
      const text = `Mamba [@gu2023mamba].\n\n${start}\n\nMy own paragraph.\n\n${start}\n- stale\n<!-- paper-notes:references:end -->\n`;
      const editor = await openNote(text);
      assert.equal(await vscode.commands.executeCommand('paperNotes.updateReferences'), false);
      assert.equal(editor.document.getText(), text);
      const problems = vscode.languages.getDiagnostics(editor.document.uri).filter((problem) => problem.source === 'Paper Notes' && /start markers/.test(problem.message));
      assert.deepEqual(problems.map((problem) => [problem.range.start.line, problem.severity]), [[6, vscode.DiagnosticSeverity.Error]]);
      // Once the note is fixed, the update succeeds and the problem goes.
      await editor.edit((builder) => builder.delete(new vscode.Range(2, 0, 3, 0)));
      assert.equal(await vscode.commands.executeCommand('paperNotes.updateReferences'), true);
      assert.deepEqual(vscode.languages.getDiagnostics(editor.document.uri).filter((problem) => /start markers/.test(problem.message)), []);
      assert.match(editor.document.getText(), /My own paragraph\.\n\n<!-- paper-notes:references:start -->\n- Gu, Albert, and Tri Dao\. 2023\./);
    });
  });
});
