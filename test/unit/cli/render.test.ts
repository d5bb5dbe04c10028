import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/runCli';
import { bundledCslDir } from '../../support/cslFiles';

async function run(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { io: { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } }, corpusDir: path.resolve('corpus'), cwd, cslDir: bundledCslDir() });
  return { code, stdout, stderr };
}

function noteIn(text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'paper-notes-render-'));
  writeFileSync(path.join(dir, 'note.md'), text);
  return dir;
}

describe('CLI render', function () {
  this.timeout(20_000);

  it('prints the note with its citations formatted in the style given and the bibliography appended', async () => {
    const dir = noteIn('# Notes\n\nMamba [see @gu2023mamba, p. 3] and @gu2021efficiently [sec. 2].\n');
    const { code, stdout, stderr } = await run(['render', 'note.md', '--style', 'apa'], dir);
    assert.equal(code, 0, stderr);
    assert.ok(stdout.startsWith('# Notes\n\nMamba (see Gu & Dao, 2023, p. 3) and Gu et al. (2021, Section 2).\n\n::: {#refs .references .csl-bib-body}\n'), stdout);
    assert.ok(stdout.includes('::: {#ref-gu2021efficiently .csl-entry}\nGu, A., Goel, K., & Ré, C. (2021).'), stdout);
  });

  it('renders with a journal\'s .csl file and leaves code alone', async () => {
    const dir = noteIn('Cited [@gu2023mamba].\n\n```\n[@gu2023mamba]\n```\n');
    writeFileSync(path.join(dir, 'journal.csl'), readFileSync(path.join(bundledCslDir(), 'styles', 'ieee.csl')));
    const { stdout } = await run(['render', 'note.md', '--style', 'journal.csl'], dir);
    assert.ok(stdout.startsWith('Cited \\[1\\].\n\n```\n[@gu2023mamba]\n```\n'), stdout);
  });

  it('warns about an unknown key with its line and prints it as Pandoc does', async () => {
    const dir = noteIn('One.\n\nTwo [@nobody2020].\n');
    const { code, stdout, stderr } = await run(['render', 'note.md'], dir);
    assert.equal(code, 0);
    assert.match(stderr, /^note\.md:3: warning: unknown citation key nobody2020$/m);
    assert.ok(stdout.includes('Two **nobody2020?**.'), stdout);
  });

  it('reports a broken style file with its line and exit code 2', async () => {
    const dir = noteIn('[@gu2023mamba]\n');
    writeFileSync(path.join(dir, 'bad.csl'), '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text">\n<citation>\n</style>\n');
    const { code, stderr, stdout } = await run(['render', 'note.md', '--style', 'bad.csl'], dir);
    assert.equal(code, 2);
    assert.match(stderr, /style bad\.csl:3: not well-formed XML/);
    assert.equal(stdout, '');
  });
});
