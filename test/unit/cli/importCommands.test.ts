import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { runCli } from '../../../src/cli/runCli';
import { startReplayServer, type ReplayServer } from '../../support/replayServer';

const corpusDir = path.resolve('corpus');

/** A hand-written .bib with a comment, a CRLF line ending, odd spacing and no final newline: every byte must stay. */
const EXISTING_BIB = '% my library\r\n@misc{own2020paper,\n  title   = {Own Paper},  author = {Doe, Jane}, year = 2020 }\n\n@comment{keep me}';

describe('CLI add and daily against the replay server', function () {
  this.timeout(30_000);
  let server: ReplayServer;
  let dir: string;
  beforeEach(async () => {
    server = await startReplayServer();
    dir = mkdtempSync(path.join(tmpdir(), 'paper-notes-import-'));
  });
  afterEach(() => server.close());

  async function run(argv: string[]) {
    let stdout = '';
    let stderr = '';
    const env = { ...server.env, PAPER_NOTES_CACHE_DIR: path.join(dir, '.cache') };
    const code = await runCli(argv, { io: { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } }, corpusDir, cwd: dir, env });
    return { code, stdout, stderr };
  }

  it('adds two arXiv papers and a DOI to an existing .bib, prints their keys and keeps every byte the file had', async () => {
    writeFileSync(path.join(dir, 'references.bib'), EXISTING_BIB);
    const { code, stdout, stderr } = await run(['add', '2405.21060', 'https://huggingface.co/papers/2307.08621', 'https://doi.org/10.1145/3530811']);
    assert.equal(code, 0, stderr);
    assert.deepEqual(stdout.trimEnd().split('\n'), ['dao2024transformers', 'sun2023retentive', 'tay2022efficient']);
    const text = readFileSync(path.join(dir, 'references.bib'), 'utf8');
    assert.ok(text.startsWith(EXISTING_BIB), 'the old text is a prefix of the new');
    const entries = new Cite(text).data as Array<Record<string, unknown>>;
    assert.deepEqual(entries.map((entry) => entry.id), ['own2020paper', 'dao2024transformers', 'sun2023retentive', 'tay2022efficient']);
    const mamba2 = text.slice(text.indexOf('@misc{dao2024transformers'));
    for (const field of ['abstract = {While Transformers', 'eprint = {2405.21060}', 'archivePrefix = {arXiv}', 'primaryClass = {cs.LG}', 'url = {https://arxiv.org/abs/2405.21060}', 'code = {https://github.com/state-spaces/mamba}', 'keywords = {state-space models, SSMs']) {
      assert.ok(mamba2.includes(field), `${field} in\n${mamba2}`);
    }
    assert.match(text, /@article\{tay2022efficient,\n {2}title = \{\{Efficient Transformers: A Survey\}\},[\s\S]*journal = \{ACM Computing Surveys},\n {2}doi = \{10\.1145\/3530811\},/);
  });

  it('adds an old-style arXiv id with its journal reference and DOI, keyed by our rules', async () => {
    const { code, stdout } = await run(['add', 'arXiv:hep-th/9711200v3', '--to', 'lib.bib']);
    assert.equal(code, 0);
    assert.equal(stdout, 'maldacena1997large\n');
    const text = readFileSync(path.join(dir, 'lib.bib'), 'utf8');
    assert.match(text, /^@article\{maldacena1997large,/);
    assert.match(text, /eprint = \{hep-th\/9711200\}/);
    assert.match(text, /doi = \{10\.1023\/a:1026654312961\}/);
  });

  it('does not add a paper the file already has, and prints its key', async () => {
    await run(['add', '2405.21060']);
    const before = readFileSync(path.join(dir, 'references.bib'), 'utf8');
    const { code, stdout, stderr } = await run(['add', 'https://arxiv.org/abs/2405.21060v2']);
    assert.equal(code, 0);
    assert.equal(stdout, 'dao2024transformers\n');
    assert.match(stderr, /already in references\.bib as dao2024transformers/);
    assert.equal(readFileSync(path.join(dir, 'references.bib'), 'utf8'), before);
  });

  const failures: Array<[string, string[], (() => void) | undefined, RegExp]> = [
    ['an unknown arXiv id', ['add', '2405.21060', '2312.99999'], undefined, /not found: arXiv:2312\.99999; references\.bib is unchanged/],
    ['an arXiv error entry', ['add', '1234.12345'], undefined, /not found: arXiv:1234\.12345 \(incorrect id format for 1234\.12345\)/],
    ['an unknown DOI', ['add', '10.9999/does-not-exist'], undefined, /not found: doi:10\.9999\/does-not-exist/],
    ['malformed XML', ['add', '2405.21060'], () => server.fault('/arxiv', { kind: 'file', file: 'arxiv/malformed_2405.21060.xml', contentType: 'application/atom+xml' }), /malformed XML/],
    ['an unreachable service', ['add', '2405.21060'], () => server.fault('/arxiv', { kind: 'reset' }, 10), /Could not reach the arXiv API .*: the connection was reset; references\.bib is unchanged/],
    ['something that is no reference', ['add', 'mamba'], undefined, /not an arXiv id, DOI or paper link: mamba/],
  ];
  for (const [name, argv, arrange, message] of failures) {
    it(`add exits with code 2, one line on stderr and the file unchanged for ${name}`, async () => {
      writeFileSync(path.join(dir, 'references.bib'), EXISTING_BIB);
      arrange?.();
      const { code, stdout, stderr } = await run(argv);
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.match(stderr, message);
      assert.equal(stderr.trimEnd().split('\n').length, 1, stderr);
      assert.equal(readFileSync(path.join(dir, 'references.bib'), 'utf8'), EXISTING_BIB);
      assert.deepEqual(readdirSync(dir).filter((name) => name.includes('partial')), []);
    });
  }

  it('saves a day of Daily Papers and its metadata, which --corpus reads as one with real keys', async () => {
    const { code, stdout } = await run(['daily', '--date', '2024-06-03']);
    assert.equal(code, 0);
    assert.deepEqual(stdout.trimEnd().split('\n'), [path.join('papers', 'daily-papers-2024-06-03.txt'), path.join('papers', 'daily-papers-2024-06-03.metadata.json')]);
    const page = readFileSync(path.join(dir, 'papers', 'daily-papers-2024-06-03.txt'), 'utf8');
    assert.match(page, /^new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\nby AK and the research community\n\nTransformers are SSMs: /);
    const metadata = JSON.parse(readFileSync(path.join(dir, 'papers', 'daily-papers-2024-06-03.metadata.json'), 'utf8')) as Array<Record<string, unknown>>;
    assert.deepEqual(metadata.map((m) => [m.arxivId, m.year, m.codeUrl, m.upvotes]), [['2405.21060', 2024, 'https://github.com/state-spaces/mamba', 64], ['2307.08621', 2023, 'https://github.com/microsoft/unilm', 73]]);
    const listed = await run(['--corpus', path.join('papers', 'daily-papers-2024-06-03.txt'), 'list', '--json']);
    assert.equal(listed.code, 0, listed.stderr);
    const papers = JSON.parse(listed.stdout) as Array<{ key: string; authors: string[]; source: string }>;
    assert.deepEqual(papers.map((p) => p.key), ['dao2024transformers', 'sun2023retentive']);
    assert.deepEqual(papers[0].authors, ['Tri Dao', 'Albert Gu']);
  });

  it('re-importing a day replaces both files', async () => {
    mkdirSync(path.join(dir, 'out'));
    writeFileSync(path.join(dir, 'out', 'daily-papers-2024-06-03.txt'), 'old page');
    writeFileSync(path.join(dir, 'out', 'daily-papers-2024-06-03.metadata.json'), '[]');
    assert.equal((await run(['daily', '--date', '2024-06-03', '--out', 'out'])).code, 0);
    assert.match(readFileSync(path.join(dir, 'out', 'daily-papers-2024-06-03.txt'), 'utf8'), /Retentive Network/);
    assert.match(readFileSync(path.join(dir, 'out', 'daily-papers-2024-06-03.metadata.json'), 'utf8'), /2307\.08621/);
  });

  const dailyFailures: Array<[string, string[], RegExp]> = [
    ['a future date', ['daily', '--date', '2999-01-01'], /2999-01-01 is in the future .*; nothing was written/],
    ['a day without papers', ['daily', '--date', '2024-06-02'], /Daily Papers has no papers for 2024-06-02; nothing was written/],
  ];
  for (const [name, argv, message] of dailyFailures) {
    it(`daily exits with code 2 and writes nothing for ${name}`, async () => {
      const { code, stderr } = await run(argv);
      assert.equal(code, 2);
      assert.match(stderr, message);
      assert.equal(existsSync(path.join(dir, 'papers')), false);
    });
  }

  it('the added .bib round-trips through pandoc --citeproc with every citation resolved', async () => {
    assert.equal((await run(['add', '2405.21060', '2307.08621', 'hep-th/9711200', '10.1145/3530811'])).code, 0);
    const note = 'Mamba-2 [@dao2024transformers] and RetNet [@sun2023retentive]; AdS/CFT [@maldacena1997large]; a survey [@tay2022efficient].\n';
    const result = spawnSync('pandoc', ['--citeproc', '--bibliography', path.join(dir, 'references.bib'), '-f', 'markdown', '-t', 'plain'], { input: note, encoding: 'utf8' });
    if (result.error) throw new Error(`pandoc could not run (.ci/run installs Debian's pandoc): ${result.error.message}`);
    assert.equal(result.status, 0, result.stderr);
    assert.doesNotMatch(result.stderr, /not found/);
    const rendered = result.stdout.replace(/\s+/g, ' ');
    assert.match(rendered, /^Mamba-2 \(Dao and Gu 2024\) and RetNet \(Sun et al\. 2023\); AdS\/CFT \(Maldacena 1997\); a survey \(Tay et al\. 2022\)\./);
    assert.match(rendered, /Dao, Tri, and Albert Gu\. 2024\. “Transformers are SSMs: Generalized Models and Efficient Algorithms Through Structured State Space Duality\.” https:\/\/arxiv\.org\/abs\/2405\.21060\./);
    assert.match(rendered, /“Efficient Transformers: A Survey\.” ACM Computing Surveys\. https:\/\/doi\.org\/10\.1145\/3530811\./);
    assert.match(rendered, /“The Large N Limit of Superconformal Field Theories and Supergravity\.”/);
  });
});
