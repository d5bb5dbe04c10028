import { strict as assert } from 'node:assert';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { HttpClient, NetworkError } from '../../../src/node/httpClient';
import { startForwardProxy, startReplayServer, type ReplayServer } from '../../support/replayServer';

describe('HTTP client against the replay server', function () {
  this.timeout(20_000);
  let server: ReplayServer;
  let client: HttpClient | undefined;
  beforeEach(async () => {
    server = await startReplayServer();
  });
  afterEach(async () => {
    client?.dispose();
    client = undefined;
    await server.close();
  });
  const arxiv = (ids: string) => `${server.env.PAPER_NOTES_ARXIV_API}?id_list=${ids}`;

  it('gives up on a server that does not answer within the timeout, and says so', async () => {
    server.fault('/arxiv', { kind: 'hang' }, 10);
    client = new HttpClient({ timeoutMs: 300, retries: 0 });
    await assert.rejects(client.get(arxiv('2405.21060')), (error: unknown) => error instanceof NetworkError && error.message === 'no answer within 300 ms');
  });

  it('retries after a connection reset and returns the answer', async () => {
    server.fault('/arxiv', { kind: 'reset' });
    client = new HttpClient({ backoffMs: 10 });
    const answer = await client.get(arxiv('2405.21060'));
    assert.equal(answer.status, 200);
    assert.match(answer.body, /Structured State Space Duality/);
    assert.equal(server.requests.length, 2);
  });

  it('reports a connection reset that persists after the retries', async () => {
    server.fault('/arxiv', { kind: 'reset' }, 10);
    client = new HttpClient({ backoffMs: 10, retries: 2 });
    await assert.rejects(client.get(arxiv('2405.21060')), /the connection was reset/);
    assert.equal(server.requests.length, 3);
  });

  it("backs off on arXiv's 429 \"Rate exceeded.\" and on a 503, then returns the answer", async () => {
    server.fault('/arxiv', { kind: 'status', status: 429, body: 'Rate exceeded.' });
    server.fault('/arxiv', { kind: 'status', status: 503, body: 'Service Unavailable' });
    client = new HttpClient({ backoffMs: 50 });
    const answer = await client.get(arxiv('2405.21060'));
    assert.equal(answer.status, 200);
    const [first, second, third] = server.requests;
    assert.ok(second.at - first.at >= 45, `first retry after ${second.at - first.at} ms`);
    assert.ok(third.at - second.at >= 95, `second retry after ${third.at - second.at} ms (doubled)`);
  });

  it('hands back a 429 that lasts beyond the retries', async () => {
    server.fault('/arxiv', { kind: 'status', status: 429, body: 'Rate exceeded.' }, 10);
    client = new HttpClient({ backoffMs: 5, retries: 1 });
    const answer = await client.get(arxiv('2405.21060'));
    assert.deepEqual(answer, { status: 429, body: 'Rate exceeded.' });
  });

  it('starts requests to a rate-limited origin at least the interval apart, one at a time on one connection', async () => {
    client = new HttpClient({ rateLimits: [{ prefix: server.env.PAPER_NOTES_ARXIV_API, intervalMs: 400 }] });
    await Promise.all([client.get(arxiv('2405.21060')), client.get(arxiv('2307.08621')), client.get(arxiv('hep-th/9711200'))]);
    const times = server.requests.map((request) => request.at);
    assert.ok(times[1] - times[0] >= 395 && times[2] - times[1] >= 395, `gaps ${times[1] - times[0]} and ${times[2] - times[1]} ms`);
    assert.equal(new Set(server.requests.map((request) => request.clientPort)).size, 1);
  });

  it('does not hold back requests outside the rate-limited prefix', async () => {
    client = new HttpClient({ rateLimits: [{ prefix: server.env.PAPER_NOTES_ARXIV_API, intervalMs: 2000 }] });
    await client.get(arxiv('2405.21060'));
    const started = Date.now();
    await client.get(`${server.env.PAPER_NOTES_HF_API}/papers/2405.21060`);
    assert.ok(Date.now() - started < 1000);
  });

  it('follows the DOI resolver\'s redirect with the Accept header kept', async () => {
    client = new HttpClient();
    const answer = await client.get(`${server.env.PAPER_NOTES_DOI_RESOLVER}/10.1145/3530811`, { accept: 'application/vnd.citationstyles.csl+json' });
    assert.equal(answer.status, 200);
    assert.equal(JSON.parse(answer.body).title, 'Efficient Transformers: A Survey');
    assert.deepEqual(server.requests.map((r) => [r.url, r.accept]), [
      ['/doi/10.1145/3530811', 'application/vnd.citationstyles.csl+json'],
      ['/crossref/10.1145/3530811', 'application/vnd.citationstyles.csl+json'],
    ]);
  });

  it('hands back a 404 as an answer, not an error', async () => {
    client = new HttpClient();
    assert.equal((await client.get(`${server.env.PAPER_NOTES_HF_API}/papers/2312.99999`)).status, 404);
  });

  it('says the connection was refused when nothing listens', async () => {
    const origin = server.origin;
    await server.close();
    server = await startReplayServer();
    client = new HttpClient({ retries: 0 });
    await assert.rejects(client.get(`${origin}/arxiv/api/query?id_list=2405.21060`), /connection was refused/);
  });

  it('goes through the configured proxy', async () => {
    const proxy = await startForwardProxy();
    try {
      client = new HttpClient({ proxy: proxy.url, noProxy: [] });
      const answer = await client.get(arxiv('2405.21060'));
      assert.equal(answer.status, 200);
      assert.deepEqual(proxy.seen, [arxiv('2405.21060')]);
    } finally {
      await proxy.close();
    }
  });

  it('answers a repeated request from its cache for a day, and asks again once the day is over', async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'paper-notes-cache-'));
    client = new HttpClient({ cacheDir });
    await client.get(arxiv('2405.21060'));
    const again = await new HttpClient({ cacheDir }).get(arxiv('2405.21060'));
    assert.match(again.body, /Structured State Space Duality/);
    assert.equal(server.requests.length, 1);
    await new HttpClient({ cacheDir, cacheTtlMs: 0 }).get(arxiv('2405.21060'));
    assert.equal(server.requests.length, 2);
  });
});
