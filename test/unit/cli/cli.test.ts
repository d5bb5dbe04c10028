import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { isValidCitationKey } from '../../../src/core/library/citationKeys';
import { runCli } from '../../../src/cli/runCli';

const corpusDir = path.resolve('corpus');

async function run(argv: string[], cwd = process.cwd()) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { io: { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } }, corpusDir, cwd });
  return { code, stdout, stderr };
}

interface ListedPaper {
  key: string; title: string; authors: string[]; year: number; arxivId: string; venue: string | null; categories: string[]; source: string;
}

describe('CLI commands', function () {
  // Each test loads the whole corpus in process (and extracts every abstract): far under a second alone, longer on a loaded machine.
  this.timeout(30_000);

  it('lists 53 papers as JSON, each with authors, year, arXiv id, a unique valid key and a category', async () => {
    const { code, stdout, stderr } = await run(['list', '--json']);
    assert.equal(code, 0);
    assert.equal(stderr, '');
    const papers = JSON.parse(stdout) as ListedPaper[];
    assert.equal(papers.length, 53);
    assert.equal(new Set(papers.map((p) => p.key)).size, 53);
    for (const paper of papers) {
      assert.ok(paper.authors.length > 0 && paper.year > 2000 && /^\d{4}\.\d{4,5}$/.test(paper.arxivId), paper.key);
      assert.ok(isValidCitationKey(paper.key), paper.key);
      assert.ok(paper.categories.some((c) => c !== 'survey' && c !== 'method'), paper.key);
      assert.match(paper.source, /^000_3372b0a668492b2d\.txt:\d+$/);
    }
  });

  it('lists only the papers of a category', async () => {
    const papers = JSON.parse((await run(['list', '--category', 'time-series', '--json'])).stdout) as ListedPaper[];
    assert.ok(papers.length > 0);
    for (const paper of papers) assert.ok(paper.categories.includes('time-series'), paper.key);
  });

  it('shows a paper with its categories and the terms that put it there', async () => {
    const { code, stdout } = await run(['show', 'gu2023mamba']);
    assert.equal(code, 0);
    assert.match(stdout, /^Mamba: Linear-Time Sequence Modeling with Selective State Spaces\n/);
    assert.match(stdout, /Authors: +Albert Gu, Tri Dao/);
    assert.match(stdout, /state-space-models \(score \d+\): .*"mamba"/);
  });

  it('shows the abstract as clean reading text, the source text with --raw, and both in JSON', async () => {
    const clean = await run(['show', 'gu2023mamba']);
    assert.match(clean.stdout, /\(5× higher throughput than Transformers\)/);
    assert.doesNotMatch(clean.stdout, /5times/);
    const raw = await run(['show', 'gu2023mamba', '--raw']);
    assert.match(raw.stdout, /\(5times higher throughput than Transformers\)/);
    const json = JSON.parse((await run(['show', 'gu2023mamba', '--json'])).stdout) as { abstract: string; displayAbstract: string };
    assert.match(json.abstract, /\(5times higher throughput/);
    assert.match(json.displayAbstract, /\(5× higher throughput/);
  });

  it('prints BibTeX for the given keys that parses back under those keys', async () => {
    const { code, stdout } = await run(['bib', 'gu2023mamba', 'gu2021efficiently']);
    assert.equal(code, 0);
    assert.deepEqual((new Cite(stdout).data as Array<{ id: string }>).map((e) => e.id), ['gu2023mamba', 'gu2021efficiently']);
  });

  it('prints CSL-JSON for every paper when no key is given', async () => {
    const items = JSON.parse((await run(['bib', '--format', 'csl-json'])).stdout) as Array<{ id: string }>;
    assert.equal(items.length, 53);
  });

  it('reports that no paper is uncategorised', async () => {
    const { code, stdout } = await run(['uncategorised']);
    assert.equal(code, 0);
    assert.match(stdout, /all 53 papers/);
  });

  const errors: Array<{ name: string; argv: string[]; message: RegExp }> = [
    { name: 'an unknown key in show', argv: ['show', 'nobody1999'], message: /unknown key nobody1999/ },
    { name: 'an unknown key in bib', argv: ['bib', 'gu2023mamba', 'nobody1999'], message: /unknown key nobody1999/ },
    { name: 'an unreadable corpus file', argv: ['--corpus', 'missing.txt', 'list'], message: /cannot read missing\.txt: no such file/ },
    { name: 'an unknown category', argv: ['list', '--category', 'poetry'], message: /unknown category poetry/ },
    { name: 'an unknown format', argv: ['bib', '--format', 'ris'], message: /unknown format ris/ },
    { name: 'an unknown command', argv: ['frobnicate'], message: /unknown command frobnicate/ },
    { name: 'an unknown option', argv: ['list', '--colour'], message: /--colour/ },
  ];
  for (const { name, argv, message } of errors) {
    it(`exits with code 2 and one line on stderr for ${name}`, async () => {
      const { code, stdout, stderr } = await run(argv);
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.match(stderr, message);
      assert.equal(stderr.trimEnd().split('\n').length, 1, stderr);
    });
  }

  it('reads other Daily Papers files instead of the embedded corpus and reports their diagnostics as file:line', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'paper-notes-'));
    writeFileSync(path.join(dir, 'a.txt'), 'Daily Papers\n\nSpeech Mamba\n\nWe apply a selective state space model to speech recognition and beat Conformers on LibriSpeech.\n\nLonely Title\n');
    const { code, stdout, stderr } = await run(['--corpus', 'a.txt', 'list', '--json'], dir);
    assert.equal(code, 0);
    assert.deepEqual((JSON.parse(stdout) as ListedPaper[]).map((p) => p.key), ['speechmamba', 'lonelytitle']);
    assert.deepEqual(stderr.trimEnd().split('\n'), ['a.txt:7: warning: paper "Lonely Title" has no abstract']);
  });

  const refsBib = '@article{vaswani2017attention,\n  title = {Attention Is All You Need},\n  author = {Vaswani, Ashish and Shazeer, Noam},\n  year = {2017}\n}\n';
  const refsCsl = '[{"id": "katharopoulos2020transformers", "type": "paper-conference", "title": "Transformers are RNNs", "author": [{"family": "Katharopoulos", "given": "Angelos"}], "issued": {"date-parts": [[2020]]}}]\n';

  it('reads BibTeX and CSL-JSON given with --corpus, told by name and by content', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'paper-notes-'));
    writeFileSync(path.join(dir, 'refs.bib'), refsBib);
    writeFileSync(path.join(dir, 'refs.csl.json'), refsCsl);
    // No extension: BibTeX by its content.
    writeFileSync(path.join(dir, 'exported'), refsBib.replace('vaswani2017attention', 'shazeer2017moe').replace('Attention Is All You Need', 'Outrageously Large Neural Networks'));
    const { code, stdout, stderr } = await run(['--corpus', 'refs.bib', '--corpus', 'refs.csl.json', '--corpus', 'exported', 'list', '--json'], dir);
    assert.equal(code, 0, stderr);
    assert.equal(stderr, '');
    const papers = JSON.parse(stdout) as ListedPaper[];
    assert.deepEqual(papers.map((p) => [p.key, p.title]).sort(), [
      ['katharopoulos2020transformers', 'Transformers are RNNs'],
      ['shazeer2017moe', 'Outrageously Large Neural Networks'],
      ['vaswani2017attention', 'Attention Is All You Need'],
    ]);
    assert.equal(papers.find((p) => p.key === 'vaswani2017attention')?.source, 'refs.bib:1');
  });

  it('prints the papers of a TeX bibliography without raw TeX, and its information lines as file:line', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'paper-notes-'));
    writeFileSync(path.join(dir, 'tex.bib'), [
      '@Preamble{"\\ifx \\undefined \\booktitle \\def \\booktitle #1{{{\\em #1}}} \\fi"}',
      '@Book{Knuth:1986:TB, author = "Donald E. Knuth", title = "The {\\TeX}book", year = "1986"}',
      '@Article{Review:1990, author = "{\\AA}ke R{\\"o}st", title = "Book Review: \\booktitle{The {\\METAFONT}book} and \\mystery{more}", journal = "{\\TUB}", year = "1990"}',
      '@symbol{alpha, name = "\\ensuremath{\\alpha}"}',
    ].join('\n'));
    const list = await run(['--corpus', 'tex.bib', 'list', '--json'], dir);
    assert.equal(list.code, 0, list.stderr);
    assert.deepEqual((JSON.parse(list.stdout) as ListedPaper[]).map((p) => [p.key, p.title, p.authors, p.venue]), [
      ['Knuth:1986:TB', 'The TeXbook', ['Donald E. Knuth'], null],
      ['Review:1990', 'Book Review: The METAFONTbook and more', ['Åke Röst'], 'TUGboat'],
    ]);
    assert.deepEqual(list.stderr.trimEnd().split('\n').map((line) => line.replace(/: info: .*\\(mystery)\.$|: info: .*(@symbol) \(1\)\.$/, ' $1$2')), ['tex.bib:4 @symbol', 'tex.bib:3 mystery']);
    for (const command of [['show', 'Review:1990'], ['bib']]) {
      const { code, stdout } = await run(['--corpus', 'tex.bib', ...command], dir);
      assert.equal(code, 0);
      assert.match(stdout, /Book Review: The METAFONTbook and more/);
      assert.doesNotMatch(stdout, /\\(?!textless|textgreater)[A-Za-z]+/, command.join(' '));
    }
  });

  const unreadable: ReadonlyArray<[string, (dir: string) => void, RegExp]> = [
    ['an empty .txt', (dir) => writeFileSync(path.join(dir, 'empty.txt'), ''), /^paper-notes: empty\.txt: not a library file/],
    ['a Markdown note', (dir) => writeFileSync(path.join(dir, 'note.md'), refsBib), /^paper-notes: note\.md: not a library file/],
    ['a folder', (dir) => mkdirSync(path.join(dir, 'folder')), /^paper-notes: cannot read folder: is a directory/],
  ];
  for (const [what, make, message] of unreadable) {
    it(`refuses ${what} given with --corpus in one line, with exit code 2`, async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'paper-notes-'));
      make(dir);
      const name = readdirSync(dir)[0]!;
      const { code, stdout, stderr } = await run(['--corpus', name, 'list'], dir);
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.match(stderr, message);
      assert.equal(stderr.trimEnd().split('\n').length, 1, stderr);
    });
  }

  it('applies the workspace pins file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'paper-notes-'));
    mkdirSync(path.join(dir, '.papernotes'));
    writeFileSync(path.join(dir, '.papernotes', 'categories.json'), '{ "gu2023mamba": ["graphs"] }');
    const papers = JSON.parse((await run(['list', '--category', 'graphs', '--json'], dir)).stdout) as ListedPaper[];
    assert.ok(papers.some((p) => p.key === 'gu2023mamba'));
  });
});

describe('built CLI', function () {
  this.timeout(60_000);
  before(() => {
    execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  });

  it('runs as dist/cli.js and prints the list', () => {
    const result = spawnSync(process.execPath, ['dist/cli.js', 'list'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout.trimEnd().split('\n').length, 53);
    assert.match(result.stdout, /^gu2023mamba +2023 +Mamba: Linear-Time/m);
  });

  it('exits with code 2 for an unknown key', () => {
    const result = spawnSync(process.execPath, ['dist/cli.js', 'show', 'nobody1999'], { encoding: 'utf8' });
    assert.equal(result.status, 2);
    assert.equal(result.stderr, 'paper-notes: unknown key nobody1999\n');
  });
});

describe('CLI --workspace', function () {
  this.timeout(30_000);
  const fixture = path.resolve('test', 'fixtures', 'workspace');

  /** A copy of the fixture workspace, with a .bib inside node_modules that must never be read (git keeps no node_modules). */
  function workspaceCopy(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'paper-notes-workspace-'));
    cpSync(fixture, dir, { recursive: true });
    mkdirSync(path.join(dir, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(path.join(dir, 'node_modules', 'pkg', 'ignored.bib'), '@article{ignoredInNodeModules, title = {Never Read}, author = {Nobody, A.}, year = {2020}}\n');
    return dir;
  }

  it("reads the files the workspace's settings name, plus the bundled papers, and skips node_modules", async () => {
    const dir = workspaceCopy();
    const { code, stdout, stderr } = await run(['--workspace', dir, 'list', '--json']);
    assert.equal(code, 0, stderr);
    assert.equal(stderr, '');
    const papers = JSON.parse(stdout) as ListedPaper[];
    const keys = papers.map((p) => p.key);
    assert.ok(keys.includes('vaswani2017attention'));
    assert.ok(keys.includes('katharopoulos2020transformers'));
    assert.ok(!keys.includes('ignoredInNodeModules'));
    // The workspace's Mamba entry merges with the bundled one (same arXiv id): its own key and file win.
    const mamba = papers.find((p) => p.arxivId === '2312.00752');
    assert.deepEqual([mamba?.key, mamba?.source], ['gu2023mambaDup', 'refs/attention.bib:8']);
    assert.equal(papers.length, 53 + 2);
  });

  it('leaves the bundled papers out when the workspace turns them off, and reports a wrong setting at its line', async () => {
    const dir = workspaceCopy();
    writeFileSync(path.join(dir, '.vscode', 'settings.json'), '{\n  "paperNotes.library.includeBundled": false,\n  "paperNotes.library.files": "refs/*.bib"\n}\n');
    const { code, stdout, stderr } = await run(['--workspace', dir, 'list', '--json']);
    assert.equal(code, 0);
    assert.equal(stderr, '.vscode/settings.json:3: warning: paperNotes.library.files: expected an array of globs; using the default\n');
    // The default globs find both refs files; no bundled paper.
    assert.deepEqual((JSON.parse(stdout) as ListedPaper[]).map((p) => p.key).sort(), ['gu2023mambaDup', 'katharopoulos2020transformers', 'vaswani2017attention']);
  });

  it('refuses a folder that does not exist, in one line with exit code 2', async () => {
    const { code, stderr } = await run(['--workspace', path.join(tmpdir(), 'no-such-paper-notes-folder'), 'list']);
    assert.equal(code, 2);
    assert.match(stderr, /^paper-notes: --workspace .*: no such folder\n$/);
  });
});
