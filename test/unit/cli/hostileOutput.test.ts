import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/runCli';

const ESC = '\u001b';
const BEL = '\u0007';
const TITLE = `Evil ${ESC}]0;pwned${BEL}Mamba ${ESC}[2J\u202Egnp.exe\u202C Spaces`;
const ABSTRACT = `We present a selective state space model ${ESC}[31mred${ESC}[0m that runs 5x faster than Transformers\u0085 on speech.`;
/** Control characters the CLI must never write: C0 but tab and line breaks, DEL, C1. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

async function run(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { io: { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } }, corpusDir: path.resolve('corpus'), cwd });
  return { code, stdout, stderr };
}

function hostileCorpus(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'paper-notes-hostile-cli-'));
  writeFileSync(path.join(dir, 'papers.txt'), `Daily Papers\n\n${TITLE}\n\n${ABSTRACT}\n`);
  return dir;
}

describe('CLI output stays inert', function () {
  this.timeout(30_000);

  const commands: ReadonlyArray<{ name: string; argv: (key: string) => string[] }> = [
    { name: 'list', argv: () => ['list'] },
    { name: 'list --json', argv: () => ['list', '--json'] },
    { name: 'show', argv: (key) => ['show', key] },
    { name: 'bib', argv: () => ['bib'] },
    { name: 'bib --format csl-json', argv: () => ['bib', '--format', 'csl-json'] },
    { name: 'claims', argv: () => ['claims'] },
  ];
  for (const { name, argv } of commands) {
    it(`writes no terminal escape or other control character in ${name}`, async () => {
      const dir = hostileCorpus();
      const listed = await run(['--corpus', 'papers.txt', 'list', '--json'], dir);
      const [paper] = JSON.parse(listed.stdout) as { key: string; title: string }[];
      assert.ok(paper !== undefined);
      const { code, stdout, stderr } = await run(['--corpus', 'papers.txt', ...argv(paper.key)], dir);
      assert.equal(code, 0, stderr);
      assert.doesNotMatch(stdout, CONTROL);
      assert.doesNotMatch(stderr, CONTROL);
      assert.match(stdout, /Mamba/);
    });
  }

  it('shows bidi overrides by name in list and show, so the title reads in its real order', async () => {
    const dir = hostileCorpus();
    const list = await run(['--corpus', 'papers.txt', 'list'], dir);
    assert.match(list.stdout, /\[RLO\]gnp\.exe\[PDF\]/);
    assert.doesNotMatch(list.stdout, /[\u202A-\u202E]/);
    const key = list.stdout.split(/\s+/)[0]!;
    const show = await run(['--corpus', 'papers.txt', 'show', key], dir);
    assert.match(show.stdout, /^Evil \]0;pwnedMamba \[2J\[RLO\]gnp\.exe\[PDF\] Spaces$/m);
  });

  it('warns about bytes that are not UTF-8 at their line, in --corpus and --workspace files alike', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'paper-notes-hostile-cli-'));
    writeFileSync(path.join(dir, 'latin1.bib'), Buffer.concat([Buffer.from('@article{latin2024,\n  title = {P'), Buffer.from([0xf6]), Buffer.from('ppel Title},\n  year = {2024}\n}\n')]));
    for (const argv of [['--corpus', 'latin1.bib', 'list'], ['--workspace', '.', 'list']]) {
      const { code, stdout, stderr } = await run(argv, dir);
      assert.equal(code, 0, stderr);
      assert.match(stderr, /^latin1\.bib:2: warning: this line is not valid UTF-8/m, argv.join(' '));
      assert.match(stdout, /latin2024/);
    }
  });

  it('shows a bidi override in a diagnostic by name', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'paper-notes-hostile-cli-'));
    writeFileSync(path.join(dir, 'papers.txt'), 'Daily Papers\n\nA \u202Eeltit Title\n');
    const { stderr } = await run(['--corpus', 'papers.txt', 'list'], dir);
    assert.match(stderr, /papers\.txt:3: warning: paper "A \[RLO\]eltit Title" has no abstract/);
  });
});
