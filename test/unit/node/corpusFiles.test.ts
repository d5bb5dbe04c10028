import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CorpusFileError, readCorpusFiles, readCorpusFilesSync, readEmbeddedCorpus, readEmbeddedCorpusSync } from '../../../src/node/corpusFiles';

describe('corpus file reading', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'corpus-files-'));
  const present = path.join(dir, 'present.txt');
  writeFileSync(present, 'Daily Papers\n');
  const file = (name: string) => ({ path: path.join(dir, name), format: 'daily-papers' as const, display: name });

  it('reads every file, in the given order, named by its display name', async () => {
    const inputs = await readCorpusFiles([{ path: present, format: 'daily-papers', display: 'present.txt' }, { path: present, format: 'paper-metadata' }]);
    assert.deepEqual(inputs.map((i) => [i.file, i.format, i.text]), [['present.txt', 'daily-papers', 'Daily Papers\n'], [present, 'paper-metadata', 'Daily Papers\n']]);
  });

  it('names the first unreadable file in the given order, whichever read fails first', async () => {
    // The reads run in parallel; repeat so that a result depending on which failure lands first would show.
    for (let run = 0; run < 25; run++) {
      await assert.rejects(
        readCorpusFiles([file('present.txt'), file('first-missing.txt'), file('second-missing.txt'), { path: dir, format: 'daily-papers', display: 'a-folder' }]),
        (error: unknown) => error instanceof CorpusFileError && error.message === 'cannot read first-missing.txt: no such file',
      );
    }
  });

  it('says a folder is a folder', async () => {
    await assert.rejects(readCorpusFiles([{ path: dir, format: 'daily-papers', display: 'notes' }]), { message: 'cannot read notes: is a directory' });
  });

  it('reads synchronously what it reads asynchronously, and names the first unreadable file the same way', async () => {
    assert.deepEqual(readEmbeddedCorpusSync(path.resolve('corpus')), await readEmbeddedCorpus(path.resolve('corpus')));
    const cases = [
      { files: [file('present.txt'), file('first-missing.txt'), file('second-missing.txt')], message: 'cannot read first-missing.txt: no such file' },
      { files: [{ path: dir, format: 'daily-papers' as const, display: 'notes' }], message: 'cannot read notes: is a directory' },
    ];
    for (const { files, message } of cases) {
      assert.throws(() => readCorpusFilesSync(files), (error: unknown) => error instanceof CorpusFileError && error.message === message);
    }
  });
});
