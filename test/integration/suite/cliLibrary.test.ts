import * as assert from 'node:assert/strict';
import path from 'node:path';
import * as vscode from 'vscode';
import { runCli } from '../../../src/cli/runCli';
import { activatePaperNotes, extensionId } from './extension';

/**
 * One library, everywhere: the CLI's `--workspace DIR` and the extension's library service read the same workspace
 * (its library files, the bundled papers) and must give the same papers under the same keys, with the same categories.
 */
describe('The CLI reads the workspace library the extension reads', function () {
  this.timeout(60_000);
  const root = (): vscode.Uri => vscode.workspace.workspaceFolders![0]!.uri;
  const folder = (): vscode.Uri => vscode.Uri.joinPath(root(), 'itest-cli');

  const bib = `@article{itestCliVaswani,
  title = {Attention Is All You Need (CLI integration copy)},
  author = {Vaswani, Ashish and Shazeer, Noam},
  year = {2017},
  abstract = {The Transformer reaches 28.4 BLEU on the WMT 2014 English-to-German translation task, improving over the best results by over 2 BLEU.}
}

@inproceedings{itestCliMamba,
  title = {Mamba: Linear-Time Sequence Modeling with Selective State Spaces},
  author = {Gu, Albert and Dao, Tri},
  year = {2023},
  eprint = {2312.00752},
  archivePrefix = {arXiv}
}
`;
  const csl = '[{"id": "itestCliKatharopoulos", "type": "paper-conference", "title": "Transformers are RNNs (CLI integration copy)", '
    + '"author": [{"family": "Katharopoulos", "given": "Angelos"}], "issued": {"date-parts": [[2020]]}, '
    + '"abstract": "Linear attention makes autoregressive transformers up to 4000x faster on very long sequences."}]\n';

  // Gone from the library too before the next suite starts: its Mamba entry takes the bundled paper's key meanwhile.
  after(async () => {
    const { api } = await activatePaperNotes();
    await vscode.workspace.fs.delete(folder(), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    for (const deadline = Date.now() + 20_000; api.library().get('itestCliMamba') || api.library().get('itestCliVaswani'); ) {
      if (Date.now() > deadline) throw new Error('the itest-cli papers stayed in the library');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  it('gives the same keys, titles and categories as the extension for the same workspace', async () => {
    const { api } = await activatePaperNotes();
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder(), 'refs.bib'), new TextEncoder().encode(bib));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder(), 'linear.csl.json'), new TextEncoder().encode(csl));
    for (const deadline = Date.now() + 20_000; ['itestCliVaswani', 'itestCliMamba', 'itestCliKatharopoulos'].some((key) => !api.library().get(key)); ) {
      if (Date.now() > deadline) throw new Error('the workspace files did not reach the library');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    let stdout = '';
    let stderr = '';
    const extension = vscode.extensions.getExtension(extensionId)!;
    const code = await runCli(['--workspace', root().fsPath, 'list', '--json'], {
      io: { stdout: (text) => { stdout += text; }, stderr: (text) => { stderr += text; } },
      corpusDir: path.join(extension.extensionPath, 'corpus'),
      cwd: root().fsPath,
    });
    assert.equal(code, 0, stderr);
    const fromCli = (JSON.parse(stdout) as Array<{ key: string; title: string; categories: string[] }>)
      .map((paper) => `${paper.key} | ${paper.title} | ${[...paper.categories].sort().join(',')}`).sort();
    const fromExtension = api.library().papers
      .map((paper) => `${paper.key} | ${paper.title} | ${paper.categories.map((category) => category.id).sort().join(',')}`).sort();
    assert.deepEqual(fromCli, fromExtension);
    // The workspace's Mamba entry merged with the bundled one in both, under the workspace's key.
    assert.ok(fromCli.some((line) => line.startsWith('itestCliMamba | Mamba: Linear-Time')));
    assert.ok(!fromCli.some((line) => line.startsWith('gu2023mamba |')));
  });
});
