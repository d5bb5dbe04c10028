import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/runCli';
import { REFERENCES_END_MARKER, REFERENCES_START_MARKER } from '../../../src/core/cite/referencesSection';
import { bundledCslDir } from '../../support/cslFiles';

const corpusDir = path.resolve('corpus');

async function run(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { io: { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } }, corpusDir, cwd, cslDir: bundledCslDir() });
  return { code, stdout, stderr };
}

function noteIn(text: string): { dir: string; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'paper-notes-references-'));
  const file = path.join(dir, 'note.md');
  writeFileSync(file, text);
  return { dir, file };
}

const NOTE = 'Mamba [@gu2023mamba] extends S4 \\cite{gu2021efficiently}.\n';

describe('CLI references', () => {
  it('prints the note with a References section in Chicago author-date, Pandoc\'s default style', async () => {
    const { dir } = noteIn(NOTE);
    const { code, stdout, stderr } = await run(['references', 'note.md'], dir);
    assert.equal(code, 0, stderr);
    assert.ok(stdout.startsWith(`${NOTE}\n## References\n\n${REFERENCES_START_MARKER}\n`));
    assert.ok(stdout.includes('- Gu, Albert, and Tri Dao. 2023. “Mamba: Linear-Time Sequence Modeling with Selective State Spaces.” arXiv. https://arxiv.org/abs/2312.00752.\n'), stdout);
    assert.ok(stdout.endsWith(`${REFERENCES_END_MARKER}\n`));
  });

  const styles: Array<{ style: string; entry: string }> = [
    { style: 'apa', entry: '- Gu, A., & Dao, T. (2023). *Mamba: Linear-Time Sequence Modeling with Selective State Spaces* (arXiv:2312.00752). arXiv. https://arxiv.org/abs/2312.00752\n' },
    { style: 'ieee', entry: '- \\[1\\] A. Gu and T. Dao, “Mamba: Linear-Time Sequence Modeling with Selective State Spaces.” arXiv, 2023. \\[Online\\]. Available: https://arxiv.org/abs/2312.00752\n' },
  ];
  for (const { style, entry } of styles) {
    it(`writes the section in the ${style} style given with --style`, async () => {
      const { dir } = noteIn(NOTE);
      const { code, stdout, stderr } = await run(['references', 'note.md', '--style', style], dir);
      assert.equal(code, 0, stderr);
      assert.ok(stdout.includes(entry), stdout);
    });
  }

  it('takes a journal\'s own .csl file by path, like a bundled style', async () => {
    const { dir } = noteIn(NOTE);
    writeFileSync(path.join(dir, 'journal.csl'), readFileSync(path.join(bundledCslDir(), 'styles', 'nature.csl')));
    const { code, stdout, stderr } = await run(['references', 'note.md', '--style', 'journal.csl'], dir);
    assert.equal(code, 0, stderr);
    assert.ok(stdout.includes('- 1\\. Gu, A. & Dao, T. Mamba: Linear-Time Sequence Modeling with Selective State Spaces. Preprint at https://arxiv.org/abs/2312.00752 (2023).\n'), stdout);
  });

  it('replaces an old house-format section between the markers and leaves the text around it alone', async () => {
    const old = `${NOTE}\nBefore.\n\n${REFERENCES_START_MARKER}\n- Albert Gu and Tri Dao (2023). *Mamba*. arXiv. [arXiv:2312.00752](https://arxiv.org/abs/2312.00752)\n${REFERENCES_END_MARKER}\n\nAfter.\n`;
    const { dir } = noteIn(old);
    const { stdout } = await run(['references', 'note.md'], dir);
    assert.ok(stdout.startsWith(`${NOTE}\nBefore.\n\n${REFERENCES_START_MARKER}\n- Gu, Albert, and Tri Dao. 2023.`), stdout);
    assert.ok(stdout.endsWith(`${REFERENCES_END_MARKER}\n\nAfter.\n`));
    assert.ok(!stdout.includes('[arXiv:2312.00752]'));
  });

  it('writes the file in place, and a second run reports it up to date without changing it', async () => {
    const { dir, file } = noteIn(NOTE);
    const first = await run(['references', 'note.md', '--write'], dir);
    assert.equal(first.code, 0);
    assert.match(first.stdout, /updated note\.md: 2 references/);
    const written = readFileSync(file, 'utf8');
    assert.ok(written.includes('“Mamba: Linear-Time Sequence Modeling with Selective State Spaces.” arXiv. https://arxiv.org/abs/2312.00752.'));
    const second = await run(['references', 'note.md', '--write'], dir);
    assert.match(second.stdout, /note\.md is up to date/);
    assert.equal(readFileSync(file, 'utf8'), written);
  });

  it('keeps a numeric style\'s citation order and an author-date style\'s author order', async () => {
    const { dir } = noteIn('S4 [@gu2021efficiently] came before Mamba [@gu2023mamba].\n');
    const ieee = (await run(['references', 'note.md', '--style', 'ieee', '--order', 'alphabetical'], dir)).stdout;
    assert.ok(ieee.indexOf('\\[1\\] A. Gu, K. Goel') >= 0 && ieee.indexOf('\\[1\\] A. Gu, K. Goel') < ieee.indexOf('\\[2\\] A. Gu and T. Dao'), ieee);
    const chicago = (await run(['references', 'note.md'], dir)).stdout;
    assert.ok(chicago.indexOf('Gu, Albert, and Tri Dao') < chicago.indexOf('Gu, Albert, Karan Goel'), chicago);
  });

  it('exits 1 under --check when the section is out of date, and 0 once written', async () => {
    const { dir } = noteIn(NOTE);
    const stale = await run(['references', 'note.md', '--check'], dir);
    assert.equal(stale.code, 1);
    assert.match(stale.stderr, /out of date/);
    await run(['references', 'note.md', '--write'], dir);
    assert.equal((await run(['references', 'note.md', '--check'], dir)).code, 0);
  });

  it('warns about an unknown key with its file and line, and fails --check for it', async () => {
    const { dir } = noteIn('Intro.\n\nSee [@gu2023mamab].\n');
    const printed = await run(['references', 'note.md'], dir);
    assert.equal(printed.code, 0);
    assert.match(printed.stderr, /^note\.md:3: warning: unknown citation key gu2023mamab$/m);
    assert.equal((await run(['references', 'note.md', '--check'], dir)).code, 1);
  });

  it('keeps a CRLF note\'s line breaks when it writes the section', async () => {
    const { dir, file } = noteIn(NOTE.replace(/\n/g, '\r\n'));
    assert.equal((await run(['references', 'note.md', '--write'], dir)).code, 0);
    const written = readFileSync(file, 'utf8');
    assert.ok(written.includes(REFERENCES_START_MARKER));
    assert.doesNotMatch(written.replace(/\r\n/g, ''), /[\r\n]/, 'every line break is CRLF');
  });

  it('refuses --write on a note with two start markers, exits 2 at the second one, and leaves the paragraph between them', async () => {
    const note = `Cite [@gu2023mamba].\n\n${REFERENCES_START_MARKER}\n\nMy paragraph.\n\n${REFERENCES_START_MARKER}\n- old\n${REFERENCES_END_MARKER}\n`;
    const { dir, file } = noteIn(note);
    const { code, stderr } = await run(['references', 'note.md', '--write'], dir);
    assert.equal(code, 2);
    assert.match(stderr, /^.*note\.md:7: There are 2 references start markers/m);
    assert.equal(readFileSync(file, 'utf8'), note);
  });

  const errors: Array<{ name: string; argv: string[]; note?: string; message: RegExp }> = [
    { name: 'a missing note', argv: ['references', 'absent.md'], message: /cannot read absent\.md/ },
    { name: 'no note at all', argv: ['references'], message: /exactly one NOTE\.md/ },
    { name: 'an unknown order', argv: ['references', 'note.md', '--order', 'random'], message: /unknown order random/ },
    { name: 'both --write and --check', argv: ['references', 'note.md', '--write', '--check'], message: /either --write or --check/ },
    { name: 'an unknown style', argv: ['references', 'note.md', '--style', 'mla'], message: /style mla: not a bundled style id/ },
    { name: 'a missing .csl file', argv: ['references', 'note.md', '--style', 'absent.csl'], message: /style absent\.csl: no such file/ },
    { name: 'a broken .csl file with its line', argv: ['references', 'note.md', '--style', 'broken.csl'], message: /style broken\.csl:3: not well-formed XML: <\/info> closes <title>/ },
    { name: 'a start marker without an end marker', argv: ['references', 'note.md'], note: `[@gu2023mamba]\n\n${REFERENCES_START_MARKER}\n`, message: /note\.md:3: .*no end marker/ },
  ];
  for (const { name, argv, note, message } of errors) {
    it(`reports ${name} in one line with exit code 2`, async () => {
      const { dir } = noteIn(note ?? NOTE);
      writeFileSync(path.join(dir, 'broken.csl'), '<?xml version="1.0"?>\n<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">\n<info><title>Broken</info>\n</style>\n');
      const { code, stderr, stdout } = await run(argv, dir);
      assert.equal(code, 2);
      assert.match(stderr, message);
      assert.equal(stdout, '');
    });
  }
});
