import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { EmbeddedLibraryLoader } from '../../../src/vscode/library/embeddedLibraryLoader';

/** An output channel that keeps its lines: the loader only appends. */
function recordingChannel(lines: string[]): vscode.OutputChannel {
  return { appendLine: (line: string) => lines.push(line) } as unknown as vscode.OutputChannel;
}

describe('embedded library loader', () => {
  it('loads the 53 papers shipped in corpus/ and logs the count and load time', async () => {
    const lines: string[] = [];
    const loader = new EmbeddedLibraryLoader(path.resolve('.'), recordingChannel(lines));
    const library = await loader.load();
    assert.equal(library.size, 53);
    assert.equal(loader.library, library);
    assert.match(lines[0], /^Loaded 53 papers from the embedded corpus in \d+(\.\d)? ms\.$/);
  });

  it('logs a missing corpus and keeps an empty library instead of failing', async () => {
    const lines: string[] = [];
    const loader = new EmbeddedLibraryLoader(path.resolve('no-such-extension-folder'), recordingChannel(lines));
    const library = await loader.load();
    assert.equal(library.size, 0);
    assert.match(lines[0], /^Could not load the embedded corpus: cannot read 000_3372b0a668492b2d\.txt: no such file$/);
  });
});
