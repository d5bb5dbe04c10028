import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { buildLibrary } from '../../../src/core/library/library';
import { readEmbeddedCorpus } from '../../../src/node/corpusFiles';
import { activatePaperNotes } from './extension';

describe('Library', () => {
  it('holds the 53 seed papers, each with a unique key, authors, a year and an arXiv id', async () => {
    const { library } = await activatePaperNotes();
    const { papers } = library;
    assert.equal(papers.length, 53);
    assert.equal(new Set(papers.map((paper) => paper.key)).size, 53, 'keys are unique');
    for (const paper of papers) {
      assert.ok(paper.authors.length > 0 && paper.year !== undefined && paper.arxivId, `${paper.key} has its metadata`);
    }
  });

  it('loads the embedded corpus without error diagnostics', async () => {
    const { library } = await activatePaperNotes();
    const errors = library.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    assert.deepEqual(errors, []);
  });

  it('files the seed papers as a fresh classification does, though their categories come precomputed by the build', async () => {
    const { extension, library } = await activatePaperNotes();
    const fresh = buildLibrary(await readEmbeddedCorpus(path.join(extension.extensionPath, 'corpus')));
    assert.deepEqual(library.papers, fresh.papers);
  });

  it('knows every paper the sample note cites', async () => {
    const { library } = await activatePaperNotes();
    const [note] = await vscode.workspace.findFiles('efficient-sequence-models.md');
    assert.ok(note, 'the sample note is in the workspace');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(note));
    const cited = [...text.matchAll(/\[@[^\]]+\]/g)].flatMap((group) => [...group[0].matchAll(/@([\w:.#$%&+?<>~/-]*\w)/g)].map((key) => key[1]));
    assert.ok(cited.length >= 10, `the note cites papers (${cited.length})`);
    assert.deepEqual(cited.filter((key) => !library.get(key)), [], 'cited keys missing from the library');
  });
});
