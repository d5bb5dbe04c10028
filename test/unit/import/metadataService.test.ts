import { strict as assert } from 'node:assert';
import { parsePaperReferences } from '../../../src/core/import/paperReference';
import { endpointsFromEnvironment, fetchDailyPapers, ImportError, lookUpPapers } from '../../../src/core/import/metadataService';
import { HttpClient } from '../../../src/node/httpClient';
import { startReplayServer, type ReplayServer } from '../../support/replayServer';

describe('looking papers up on the replay server', function () {
  this.timeout(20_000);
  let server: ReplayServer;
  let client: HttpClient;
  beforeEach(async () => {
    server = await startReplayServer();
    client = new HttpClient({ backoffMs: 10, retries: 1, timeoutMs: 500 });
  });
  afterEach(async () => {
    client.dispose();
    await server.close();
  });
  const lookUp = (text: string) => lookUpPapers(parsePaperReferences(text).references, client, endpointsFromEnvironment(server.env));

  it('fetches two arXiv papers in one batched call, with code link and keywords from Hugging Face', async () => {
    const { papers, notFound } = await lookUp('https://arxiv.org/abs/2405.21060v1 https://huggingface.co/papers/2307.08621');
    assert.deepEqual(notFound, []);
    assert.deepEqual(papers.map((p) => [p.arxivId, p.codeUrl]), [['2405.21060', 'https://github.com/state-spaces/mamba'], ['2307.08621', 'https://github.com/microsoft/unilm']]);
    assert.ok(papers[1].keywords.includes('RetNet'));
    assert.deepEqual(server.requests.filter((r) => r.url.startsWith('/arxiv')).map((r) => r.url), ['/arxiv/api/query?id_list=2405.21060,2307.08621&max_results=2']);
  });

  it('asks arXiv for at most 100 ids per call', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => `2312.${String(90000 + i)}`);
    const { papers, notFound } = await lookUp(ids.join(' '));
    assert.deepEqual(papers, []);
    assert.equal(notFound.length, 101);
    const calls = server.requests.filter((r) => r.url.startsWith('/arxiv')).map((r) => new URL(r.url, server.origin).searchParams.get('id_list')!.split(',').length);
    assert.deepEqual(calls, [100, 1]);
  });

  it('fetches an old-style id, which Hugging Face is not asked about', async () => {
    const { papers } = await lookUp('hep-th/9711200');
    assert.equal(papers[0].title, 'The Large N Limit of Superconformal Field Theories and Supergravity');
    assert.equal(server.requests.filter((r) => r.url.startsWith('/hf')).length, 0);
  });

  it('reads an unknown id (empty feed or empty entry) and an error entry as not found', async () => {
    assert.deepEqual((await lookUp('2312.99999')).notFound, ['arXiv:2312.99999']);
    assert.deepEqual((await lookUp('2312.99998')).notFound, ['arXiv:2312.99998']);
    assert.deepEqual((await lookUp('1234.12345')).notFound, ['arXiv:1234.12345 (incorrect id format for 1234.12345)']);
  });

  it('fetches a DOI as CSL-JSON through the resolver\'s redirect, and reads a 404 as not found', async () => {
    const { papers, notFound } = await lookUp('https://doi.org/10.1145/3530811 10.9999/does-not-exist');
    assert.equal(papers[0].title, 'Efficient Transformers: A Survey');
    assert.deepEqual(notFound, ['doi:10.9999/does-not-exist']);
  });

  it('a paper Hugging Face does not know (404) has no code link and no keywords', async () => {
    server.fault('/hf/api/papers', { kind: 'status', status: 404, body: '{"error":"Paper not found"}', contentType: 'application/json' });
    const { papers } = await lookUp('2405.21060');
    assert.equal(papers[0].codeUrl, undefined);
    assert.deepEqual(papers[0].keywords, []);
  });

  const failures: Array<[string, () => void, RegExp]> = [
    ['malformed XML', () => server.fault('/arxiv', { kind: 'file', file: 'arxiv/malformed_2405.21060.xml', contentType: 'application/atom+xml' }), /malformed XML \(line \d+/],
    ['a timeout', () => server.fault('/arxiv', { kind: 'hang' }, 5), /^Could not reach the arXiv API \(.*\): no answer within 500 ms$/],
    ['a lasting connection reset', () => server.fault('/arxiv', { kind: 'reset' }, 5), /^Could not reach the arXiv API .*: the connection was reset$/],
    ['a lasting 429', () => server.fault('/arxiv', { kind: 'status', status: 429, body: 'Rate exceeded.' }, 5), /^The arXiv API answered 429 .*\("Rate exceeded\."\)$/],
    ['a 503 from Hugging Face', () => server.fault('/hf', { kind: 'status', status: 503, body: 'Service Unavailable' }, 5), /^Hugging Face answered 503/],
  ];
  for (const [name, arrange, message] of failures) {
    it(`fails with a message naming the service and the reason on ${name}`, async () => {
      arrange();
      await assert.rejects(lookUp('2405.21060'), (error: unknown) => error instanceof ImportError && message.test(error.message));
    });
  }

  it('fetches a day of Daily Papers', async () => {
    const papers = await fetchDailyPapers('2024-06-03', '2026-11-28', client, endpointsFromEnvironment(server.env));
    assert.deepEqual(papers.map((p) => p.arxivId), ['2405.21060', '2307.08621']);
  });

  it('refuses a future day without asking, and a day without papers with a clear message', async () => {
    await assert.rejects(fetchDailyPapers('2026-11-29', '2026-11-28', client, endpointsFromEnvironment(server.env)), /2026-11-29 is in the future \(today is 2026-11-28 in UTC\)/);
    assert.equal(server.requests.length, 0);
    await assert.rejects(fetchDailyPapers('2024-06-02', '2026-11-28', client, endpointsFromEnvironment(server.env)), /Daily Papers has no papers for 2024-06-02/);
    await assert.rejects(fetchDailyPapers('2024-02-30', '2026-11-28', client, endpointsFromEnvironment(server.env)), /is not a date/);
  });
});
