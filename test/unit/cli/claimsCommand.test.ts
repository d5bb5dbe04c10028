import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/runCli';

const corpusDir = path.resolve('corpus');

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { io: { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } }, corpusDir, cwd: process.cwd() });
  return { code, stdout, stderr };
}

interface JsonPaper {
  key: string;
  title: string;
  displayTitle: string;
  abstract: string;
  displayAbstract: string;
  claims: {
    kind: string; start: number; end: number; text: string; displayText: string; displayStart: number; displayEnd: number;
    values: number[]; unit: string | null; ruleId: string;
  }[];
}

describe('CLI claims command', function () {
  // Each test loads the whole corpus in process (and extracts every abstract): far under a second alone, longer on a loaded machine.
  this.timeout(30_000);

  it('prints every embedded paper with claims whose offsets slice their source abstract, and their reading beside them', async () => {
    const { code, stdout, stderr } = await run(['claims', '--json']);
    assert.equal(code, 0);
    assert.equal(stderr, '');
    const papers = JSON.parse(stdout) as JsonPaper[];
    assert.equal(papers.length, 53);
    const mamba = papers.find((p) => p.key === 'gu2023mamba');
    assert.ok(mamba?.claims.some((c) => c.kind === 'speedup' && c.text === '5times higher throughput than Transformers' && c.unit === 'x'));
    for (const paper of papers) {
      for (const claim of paper.claims) {
        assert.equal(paper.abstract.slice(claim.start, claim.end), claim.text);
        assert.equal(paper.displayAbstract.slice(claim.displayStart, claim.displayEnd), claim.displayText);
      }
    }
    assert.match(mamba!.displayAbstract, /\(5× higher throughput than Transformers\)/);
    assert.ok(mamba!.claims.some((c) => c.text === '5times higher throughput than Transformers' && c.displayText === '5× higher throughput than Transformers'));
    assert.ok(!mamba!.displayAbstract.includes('5times'));
  });

  it('keeps only the requested kind', async () => {
    const papers = JSON.parse((await run(['claims', '--json', '--kind', 'code'])).stdout) as JsonPaper[];
    const kinds = new Set(papers.flatMap((p) => p.claims.map((c) => c.kind)));
    assert.deepEqual([...kinds], ['code']);
  });

  it('prints a readable table of the papers with claims of a kind', async () => {
    const { code, stdout } = await run(['claims', '--kind', 'speedup']);
    assert.equal(code, 0);
    assert.match(stdout, /^gu2023mamba {2}Mamba: Linear-Time/m);
    assert.match(stdout, /^ {2}speedup {4}5× higher throughput than Transformers +\[5 x; throughput; vs Transformers\]$/m);
    assert.match(stdout, /^ {2}speedup {4}up to 7\.07×\/2\.86× faster in the forward\/backward pass +\[/m);
    assert.doesNotMatch(stdout, /\dtimes/);
    assert.doesNotMatch(stdout, /\(no claims\)/);
  });

  it('prints the source text with --raw', async () => {
    const { code, stdout } = await run(['claims', '--kind', 'speedup', '--raw']);
    assert.equal(code, 0);
    assert.match(stdout, /^ {2}speedup {4}5times higher throughput than Transformers +\[5 x; throughput; vs Transformers\]$/m);
  });

  it('reads the Daily Papers files it is given', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'claims-cli-'));
    const file = path.join(dir, 'papers.txt');
    writeFileSync(file, 'Daily Papers\n\nby AK and the research community\n\nFast Thing\n\nWe present a new recurrent layer for long documents; it is 3x faster than FlashAttention-2 on PG-19.\n');
    const papers = JSON.parse((await run(['claims', file, '--json'])).stdout) as JsonPaper[];
    assert.equal(papers.length, 1);
    assert.deepEqual(papers[0]?.claims.map((c) => [c.kind, c.text]), [['speedup', '3x faster than FlashAttention-2'], ['benchmark', 'PG-19']]);
  });

  it('rejects an unknown kind with a one-line error and exit code 2', async () => {
    const { code, stderr } = await run(['claims', '--kind', 'nonsense']);
    assert.equal(code, 2);
    assert.match(stderr, /^paper-notes: unknown claim kind nonsense; one of speedup, /);
  });
});
