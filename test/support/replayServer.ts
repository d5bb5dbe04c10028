// A loopback HTTP server that replays recorded arXiv, Hugging Face and DOI responses (test/fixtures/services/) and
// their faults, for unit, integration and UI tests. Paths: /arxiv/api/query, /hf/api/…, /doi/{doi} (→ /crossref/{doi}).
import { existsSync, readFileSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';

/** What the server does with the next matching request instead of its recorded answer. */
export type Fault =
  | { readonly kind: 'reset' }
  | { readonly kind: 'hang' }
  | { readonly kind: 'status'; readonly status: number; readonly body?: string; readonly contentType?: string }
  | { readonly kind: 'file'; readonly file: string; readonly contentType: string };

/** One request as the server saw it. */
export interface RecordedRequest {
  readonly url: string;
  readonly accept: string | undefined;
  readonly at: number;
  /** The client's port: requests on one kept-alive connection share it. */
  readonly clientPort: number;
}

export interface ReplayServer {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  /** Environment variables that point Paper Notes at this server. */
  readonly env: { PAPER_NOTES_ARXIV_API: string; PAPER_NOTES_HF_API: string; PAPER_NOTES_DOI_RESOLVER: string };
  readonly requests: RecordedRequest[];
  /** Makes the next `times` requests whose path starts with `pathPrefix` fail as `fault`. */
  fault(pathPrefix: string, fault: Fault, times?: number): void;
  close(): Promise<void>;
}

/** The recorded arXiv answer for an `id_list`. */
const ARXIV_FILES: Readonly<Record<string, string>> = {
  '2405.21060': '2405.21060.xml',
  '2307.08621': '2307.08621.xml',
  'hep-th/9711200': 'hep-th_9711200.xml',
  '2405.21060,2307.08621': 'batch_2405.21060_2307.08621.xml',
  '2312.99998': 'empty-entry_2312.99998.xml',
  '1234.12345': 'error_1234.12345.xml',
};

/**
 * A batch nobody recorded as a whole, composed as arXiv composes it: the feed header of the empty answer with the
 * id list and count filled in, then each known paper's recorded entry in the order asked; unknown ids add nothing.
 */
function composeArxivFeed(ids: string, read: (file: string) => Buffer): string {
  const entries = ids.split(',').flatMap((id) => {
    const file = ARXIV_FILES[id];
    if (file === undefined || id === '2312.99998' || id === '1234.12345') return [];
    return [/ {2}<entry>[\s\S]*?<\/entry>\n/.exec(read(`arxiv/${file}`).toString('utf8'))?.[0] ?? ''];
  });
  const empty = read('arxiv/missing_2312.99999.xml').toString('utf8');
  return empty
    .replace(/2312\.99999/g, ids)
    .replace(/max_results=1\b/g, `max_results=${ids.split(',').length}`)
    .replace('<opensearch:totalResults>0</opensearch:totalResults>', `<opensearch:totalResults>${entries.length}</opensearch:totalResults>`)
    .replace('</feed>', `${entries.join('')}</feed>`);
}

export const SERVICES_FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'services');

export async function startReplayServer(fixturesDir = SERVICES_FIXTURES): Promise<ReplayServer> {
  const requests: RecordedRequest[] = [];
  const faults: Array<{ prefix: string; fault: Fault; remaining: number }> = [];
  const sockets = new Set<import('node:net').Socket>();
  const read = (file: string) => readFileSync(path.join(fixturesDir, file));

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push({ url: `${url.pathname}${url.search}`, accept: request.headers.accept, at: Date.now(), clientPort: request.socket.remotePort ?? 0 });
    const send = (status: number, body: string | Buffer, contentType: string, headers: http.OutgoingHttpHeaders = {}) => {
      response.writeHead(status, { 'content-type': contentType, ...headers });
      response.end(body);
    };
    const pending = faults.find((entry) => entry.remaining > 0 && url.pathname.startsWith(entry.prefix));
    if (pending) {
      pending.remaining--;
      const { fault } = pending;
      if (fault.kind === 'reset') request.socket.destroy();
      else if (fault.kind === 'hang') return;
      else if (fault.kind === 'status') send(fault.status, fault.body ?? '', fault.contentType ?? 'text/plain; charset=utf-8');
      else send(200, read(fault.file), fault.contentType);
      return;
    }
    if (url.pathname === '/arxiv/api/query') {
      const ids = url.searchParams.get('id_list') ?? '';
      const recorded = ARXIV_FILES[ids];
      send(200, recorded ? read(`arxiv/${recorded}`) : composeArxivFeed(ids, read), 'application/atom+xml; charset=utf-8');
      return;
    }
    const paper = /^\/hf\/api\/papers\/(.+)$/.exec(url.pathname);
    if (paper) {
      const file = `huggingface/papers_${paper[1]}.json`;
      if (existsSync(path.join(fixturesDir, file))) send(200, read(file), 'application/json; charset=utf-8');
      else send(404, read('huggingface/not-found.json'), 'application/json; charset=utf-8');
      return;
    }
    if (url.pathname === '/hf/api/daily_papers') {
      const file = `huggingface/daily_papers_${url.searchParams.get('date') ?? ''}.json`;
      send(200, existsSync(path.join(fixturesDir, file)) ? read(file) : '[]', 'application/json; charset=utf-8');
      return;
    }
    const doi = /^\/(doi|crossref)\/(.+)$/.exec(url.pathname);
    if (doi) {
      const name = decodeURIComponent(doi[2]);
      const file = `doi/${name.replace(/\//g, '_')}.json`;
      if (!existsSync(path.join(fixturesDir, file))) send(404, read('doi/not-found.html'), 'text/html;charset=utf-8');
      else if (doi[1] === 'doi') send(302, '', 'text/html;charset=utf-8', { location: `/crossref/${doi[2]}` });
      else send(200, read(file), 'application/vnd.citationstyles.csl+json');
      return;
    }
    send(404, 'not recorded', 'text/plain');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    env: { PAPER_NOTES_ARXIV_API: `${origin}/arxiv/api/query`, PAPER_NOTES_HF_API: `${origin}/hf/api`, PAPER_NOTES_DOI_RESOLVER: `${origin}/doi` },
    requests,
    fault: (prefix, fault, times = 1) => faults.push({ prefix, fault, remaining: times }),
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}

/** A forward HTTP proxy on loopback that records the absolute URLs it was asked for and forwards them. */
export async function startForwardProxy(): Promise<{ url: string; seen: string[]; close(): Promise<void> }> {
  const seen: string[] = [];
  const server = http.createServer((request, response) => {
    seen.push(request.url ?? '');
    const target = new URL(request.url ?? '');
    const upstream = http.request(target, { method: request.method, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on('error', () => response.writeHead(502).end());
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
