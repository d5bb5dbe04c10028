import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatePaperNotes } from './extension';

// A bibliography written the way TeX Live's are (entries modelled on texbook3.bib, tugboat.bib and font.bib):
// @preamble macros, TeX logos, a book cited whole and through crossref, a physics reference without a title, glossary
// entries and a command nobody defines. What a user reads of it must carry no raw TeX.
const bibliography = String.raw`@Preamble{"\ifx \undefined \booktitle \def \booktitle #1{{{\em #1}}} \fi"
  # "\ifx \undefined \emdash \def \emdash {---} \fi"}

@Book{itestKnuth:1986:TB,
  author =       "Donald E. Knuth",
  title =        "The {\TeX}book",
  publisher =    "Addison-Wesley",
  year =         "1986",
}

@Book{itestMalkhi:2019:CWL,
  editor =       "Dahlia Malkhi",
  booktitle =    "Concurrency: the Works of {Leslie Lamport}",
  title =        "Concurrency: the Works of {Leslie Lamport}",
  publisher =    "ACM Books",
  year =         "2019",
}

@InCollection{itestLamport:2019:TLA,
  author =       "Leslie Lamport",
  title =        "Time, Clocks, and the Ordering of Events in a Distributed System",
  crossref =     "itestMalkhi:2019:CWL",
  pages =        "179--196",
}

@Article{itestColophon:1988,
  author =       "Anonymous",
  title =        "Colophon\emdash Adobe Systems News Publication and \booktitle{Notes on {\POSTSCRIPT}}",
  journal =      "{\TUB}",
  year =         "1988",
}

@Article{itestBigelow:1981:FCD,
  author =       "Charles Bigelow and {\AA}ke R{\"o}st",
  title =        "Font Comparisons for $ 5 \times 7 $ Dot Matrix Characters in \mystery{Print}",
  journal =      "Fine Print",
  year =         "1981",
}

@article{itestCisneros:1971,
  author =       "A. Cisneros",
  journal =      "Astrophys. Space Sci.",
  volume =       10,
  pages =        87,
  year =         1971,
}

@symbol{itestAlpha,
  name =         "\ensuremath{\alpha}",
  description =  "a glossary symbol, not a reference",
}
`;

const keys = ['itestKnuth:1986:TB', 'itestMalkhi:2019:CWL', 'itestLamport:2019:TLA', 'itestColophon:1988', 'itestBigelow:1981:FCD', 'itestCisneros:1971'];

function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return folder.uri;
}

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
}

/** A backslash command, as raw TeX would show it. */
const RAW_COMMAND = /\\[A-Za-z]+/;

describe('A TeX bibliography in the workspace', function () {
  this.timeout(60_000);
  const folder = vscode.Uri.joinPath(workspaceRoot(), 'itest-texbib');
  const bib = vscode.Uri.joinPath(folder, 'tex.bib');

  before(async () => {
    const { api } = await activatePaperNotes();
    await vscode.workspace.fs.writeFile(bib, new TextEncoder().encode(bibliography));
    await waitFor('the TeX bibliography is loaded', () => (keys.every((key) => api.library().get(key) !== undefined) ? true : undefined));
  });

  after(async () => {
    const { api } = await activatePaperNotes();
    await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
    // The suites after this one count the library's papers: wait until these are gone.
    await waitFor('the TeX bibliography is unloaded', () => (keys.every((key) => api.library().get(key) === undefined) ? true : undefined));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('lists books, their chapters and a reference without a title as papers under their own keys', async () => {
    const { api } = await activatePaperNotes();
    const library = api.library();
    assert.equal(library.get('itestMalkhi:2019:CWL')?.title, 'Concurrency: the Works of Leslie Lamport');
    assert.equal(library.get('itestLamport:2019:TLA')?.venue, 'Concurrency: the Works of Leslie Lamport', 'the book is the chapter\'s venue');
    assert.equal(library.get('itestCisneros:1971')?.title, 'Astrophys. Space Sci. 10, 87');
    assert.equal(library.get('itestAlpha'), undefined, 'a glossary symbol is not a paper');
  });

  it('shows titles, authors and venues without raw TeX: macros expanded, logos named, math spaced', async () => {
    const { api } = await activatePaperNotes();
    const library = api.library();
    assert.equal(library.get('itestKnuth:1986:TB')?.title, 'The TeXbook');
    assert.equal(library.get('itestColophon:1988')?.title, 'Colophon—Adobe Systems News Publication and Notes on PostScript');
    assert.equal(library.get('itestColophon:1988')?.venue, 'TUGboat');
    assert.equal(library.get('itestBigelow:1981:FCD')?.title, 'Font Comparisons for 5 × 7 Dot Matrix Characters in Print');
    assert.deepEqual(library.get('itestBigelow:1981:FCD')?.authors, ['Charles Bigelow', 'Åke Röst']);
  });

  it('hovers and completes those papers without raw TeX', async () => {
    await activatePaperNotes();
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'See [@itestColophon:1988] and [@itestBig' });
    const editor = await vscode.window.showTextDocument(document);
    const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 8)));
    assert.match(hover, /Colophon—Adobe Systems News Publication/);
    assert.doesNotMatch(hover, RAW_COMMAND);
    editor.selection = new vscode.Selection(document.lineAt(0).range.end, document.lineAt(0).range.end);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, editor.selection.active);
    const item = list.items.find((candidate) => (typeof candidate.label === 'string' ? candidate.label : candidate.label.label) === 'itestBigelow:1981:FCD');
    assert.ok(item, 'the key is completed');
    const shown = [typeof item.label === 'string' ? item.label : `${item.label.label} ${item.label.description ?? ''}`, item.detail ?? '',
      typeof item.documentation === 'string' ? item.documentation : item.documentation?.value ?? ''].join('\n');
    assert.match(shown, /5 × 7 Dot Matrix/);
    assert.doesNotMatch(shown, RAW_COMMAND);
  });

  it('names the skipped glossary entries and the unknown command in the Problems panel, as information at their lines', async () => {
    await activatePaperNotes();
    const infos = await waitFor('the information diagnostics are published', () => {
      const found = vscode.languages.getDiagnostics(bib).filter((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Information);
      return found.length >= 2 ? found : undefined;
    });
    const line = (needle: string): number => bibliography.split('\n').findIndex((text) => text.includes(needle));
    const skipped = infos.find((diagnostic) => /@symbol \(1\)/.test(diagnostic.message));
    assert.equal(skipped?.range.start.line, line('@symbol{itestAlpha'));
    const unknown = infos.find((diagnostic) => /\\mystery/.test(diagnostic.message));
    assert.equal(unknown?.range.start.line, line('@Article{itestBigelow'));
  });
});
