import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import * as http from 'node:http';
import * as https from 'node:https';
import * as path from 'node:path';
import * as tls from 'node:tls';
import type { HttpGet } from '../core/import/metadataService';

/** The one module that talks to the network (arXiv, Hugging Face, the DOI resolver). */
export interface HttpClientOptions {
  /** Milliseconds without an answer before a request is given up (and retried). Default 15 s. */
  readonly timeoutMs?: number;
  /** Retries after a 429, a 503 or a connection reset. Default 3. */
  readonly retries?: number;
  /** First retry delay; doubles each time. A `Retry-After` header asks for longer. Default 1 s. */
  readonly backoffMs?: number;
  /**
   * Minimum milliseconds between the starts of two requests to URLs under a prefix, e.g. arXiv's 3 s for its API;
   * such requests go one at a time over one kept-alive connection.
   */
  readonly rateLimits?: ReadonlyArray<{ readonly prefix: string; readonly intervalMs: number }>;
  /** `http://host:port` of a proxy (VS Code's `http.proxy`). */
  readonly proxy?: string;
  /** Hosts reached without the proxy (VS Code's `http.noProxy`); default the loopback names. */
  readonly noProxy?: readonly string[];
  /** Folder where 200 answers are kept for `cacheTtlMs`; no cache when undefined. */
  readonly cacheDir?: string;
  /** Default one day. */
  readonly cacheTtlMs?: number;
  readonly userAgent?: string;
}

/** The server could not be reached or did not answer; the message is the reason in a few words. */
export class NetworkError extends Error {
  constructor(message: string, readonly retryable: boolean) {
    super(message);
  }
}

interface Answer {
  readonly status: number;
  readonly body: string;
  readonly headers: http.IncomingHttpHeaders;
}

const RETRY_STATUSES = new Set([429, 503]);
const MAX_REDIRECTS = 5;
const duration = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function reasonOf(error: NodeJS.ErrnoException): NetworkError {
  switch (error.code) {
    case 'ECONNRESET': return new NetworkError('the connection was reset', true);
    case 'ECONNREFUSED': return new NetworkError('the connection was refused (offline, or nothing listens there)', false);
    case 'ENOTFOUND': case 'EAI_AGAIN': return new NetworkError(`the host name could not be resolved (${error.code}; offline?)`, false);
    case 'ETIMEDOUT': return new NetworkError('the connection timed out', true);
    default: return new NetworkError(error.message || String(error.code), false);
  }
}

const LOOPBACK = ['localhost', '127.0.0.1', '::1', '[::1]'];

/** Whether `host` matches a no-proxy entry: the host itself or a parent domain (`.example.org`, `example.org`). */
function bypassesProxy(host: string, noProxy: readonly string[]): boolean {
  return noProxy.some((entry) => {
    const name = entry.trim().toLowerCase().replace(/^\*?\./, '');
    return name !== '' && (host === name || host.endsWith(`.${name}`));
  });
}

/**
 * GETs over Node's http/https with a timeout, retries with exponential backoff on 429, 503 and connection resets,
 * a minimum interval per origin (one request at a time on one kept-alive connection), redirects, an HTTP proxy
 * (CONNECT tunnels for https) and a day-long cache of 200 answers on disk.
 */
export class HttpClient implements HttpGet {
  private readonly agents = new Map<string, http.Agent>();
  /** Per origin: the chain requests wait in, and when the last one started. */
  private readonly lanes = new Map<string, { queue: Promise<unknown>; lastStart: number }>();

  constructor(private readonly options: HttpClientOptions = {}) {}

  async get(url: string, options: { readonly accept?: string } = {}): Promise<{ status: number; body: string }> {
    const cached = await this.readCache(url, options.accept);
    if (cached !== undefined) return { status: 200, body: cached };
    const answer = await this.getFollowingRedirects(url, options.accept);
    if (answer.status === 200) await this.writeCache(url, options.accept, answer.body);
    return { status: answer.status, body: answer.body };
  }

  dispose(): void {
    for (const agent of this.agents.values()) agent.destroy();
    this.agents.clear();
  }

  private async getFollowingRedirects(url: string, accept: string | undefined): Promise<Answer> {
    let current = url;
    for (let hop = 0; ; hop++) {
      const answer = await this.getWithRetries(current, accept);
      const location = answer.headers.location;
      if (answer.status < 300 || answer.status >= 400 || location === undefined || hop >= MAX_REDIRECTS) return answer;
      current = new URL(location, current).toString();
    }
  }

  private async getWithRetries(url: string, accept: string | undefined): Promise<Answer> {
    const retries = this.options.retries ?? 3;
    const backoff = this.options.backoffMs ?? 1000;
    for (let attempt = 0; ; attempt++) {
      try {
        const answer = await this.throttled(url, () => this.request(url, accept));
        if (!RETRY_STATUSES.has(answer.status) || attempt >= retries) return answer;
        const retryAfter = Number(answer.headers['retry-after']);
        await sleep(Math.max(backoff * 2 ** attempt, Number.isFinite(retryAfter) ? Math.min(retryAfter, 60) * 1000 : 0));
      } catch (error) {
        if (!(error instanceof NetworkError) || !error.retryable || attempt >= retries) throw error;
        await sleep(backoff * 2 ** attempt);
      }
    }
  }

  private rateLimitOf(url: string): { readonly prefix: string; readonly intervalMs: number } | undefined {
    return this.options.rateLimits?.find((limit) => url.startsWith(limit.prefix));
  }

  /** Runs requests under a rate-limited prefix one after the other, at least its interval apart. */
  private throttled<T>(url: string, task: () => Promise<T>): Promise<T> {
    const limit = this.rateLimitOf(url);
    if (limit === undefined) return task();
    const interval = limit.intervalMs;
    let lane = this.lanes.get(limit.prefix);
    if (lane === undefined) {
      lane = { queue: Promise.resolve(), lastStart: -Infinity };
      this.lanes.set(limit.prefix, lane);
    }
    const current = lane;
    const run = async () => {
      const wait = current.lastStart + interval - Date.now();
      if (wait > 0) await sleep(wait);
      current.lastStart = Date.now();
      return task();
    };
    const result = current.queue.then(run, run);
    current.queue = result.catch(() => undefined);
    return result;
  }

  private agentFor(target: URL): http.Agent {
    const limit = this.rateLimitOf(target.toString());
    const key = limit?.prefix ?? target.origin;
    let agent = this.agents.get(key);
    if (agent === undefined) {
      const options = { keepAlive: true, maxSockets: limit ? 1 : 4 };
      agent = target.protocol === 'https:' ? new https.Agent(options) : new http.Agent(options);
      this.agents.set(key, agent);
    }
    return agent;
  }

  private request(url: string, accept: string | undefined): Promise<Answer> {
    const target = new URL(url);
    const timeoutMs = this.options.timeoutMs ?? 15_000;
    const headers: http.OutgoingHttpHeaders = { 'user-agent': this.options.userAgent ?? 'paper-notes', accept: accept ?? '*/*' };
    const proxy = this.options.proxy && !bypassesProxy(target.hostname.toLowerCase(), this.options.noProxy ?? LOOPBACK) ? new URL(this.options.proxy) : undefined;
    return new Promise<Answer>((resolve, reject) => {
      const onResponse = (response: http.IncomingMessage) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: response.headers }));
        response.on('error', (error) => reject(reasonOf(error)));
      };
      let request: http.ClientRequest;
      if (proxy !== undefined && target.protocol === 'http:') {
        // A plain-HTTP target goes through the proxy in absolute form.
        request = http.request({ host: proxy.hostname, port: proxy.port || 80, path: target.toString(), headers: { ...headers, host: target.host } }, onResponse);
      } else if (proxy !== undefined) {
        request = https.request(target, { headers, agent: false, createConnection: (_options, callback) => tunnel(proxy, target, timeoutMs, callback as (error: Error | null, socket?: tls.TLSSocket) => void) }, onResponse);
      } else {
        const client = target.protocol === 'https:' ? https : http;
        request = client.request(target, { headers, agent: this.agentFor(target) }, onResponse);
      }
      request.setTimeout(timeoutMs, () => request.destroy(new NetworkError(`no answer within ${duration(timeoutMs)}`, true)));
      request.on('error', (error) => reject(error instanceof NetworkError ? error : reasonOf(error)));
      request.end();
    });
  }

  private cacheFile(url: string, accept: string | undefined): string | undefined {
    if (this.options.cacheDir === undefined) return undefined;
    const hash = createHash('sha256').update(`${accept ?? '*/*'} ${url}`).digest('hex').slice(0, 32);
    return path.join(this.options.cacheDir, `${hash}.json`);
  }

  private async readCache(url: string, accept: string | undefined): Promise<string | undefined> {
    const file = this.cacheFile(url, accept);
    if (file === undefined) return undefined;
    try {
      const entry = JSON.parse(await readFile(file, 'utf8')) as { storedAt: number; url: string; body: string };
      if (entry.url !== url || Date.now() - entry.storedAt >= (this.options.cacheTtlMs ?? 86_400_000)) return undefined;
      return entry.body;
    } catch {
      return undefined;
    }
  }

  private async writeCache(url: string, accept: string | undefined, body: string): Promise<void> {
    const file = this.cacheFile(url, accept);
    if (file === undefined) return;
    try {
      await mkdir(path.dirname(file), { recursive: true });
      const partial = `${file}.${process.pid}.tmp`;
      await writeFile(partial, JSON.stringify({ storedAt: Date.now(), url, body }));
      await rename(partial, file);
    } catch {
      // A cache that cannot be written only costs a request next time.
    }
  }
}

/** Opens a CONNECT tunnel through an HTTP proxy and starts TLS over it. */
function tunnel(proxy: URL, target: URL, timeoutMs: number, callback: (error: Error | null, socket?: tls.TLSSocket) => void): undefined {
  const connect = http.request({ host: proxy.hostname, port: proxy.port || 80, method: 'CONNECT', path: `${target.hostname}:${target.port || 443}`, headers: { host: `${target.hostname}:${target.port || 443}` } });
  connect.setTimeout(timeoutMs, () => connect.destroy(new NetworkError(`the proxy ${proxy.host} did not answer within ${duration(timeoutMs)}`, true)));
  connect.on('connect', (response, socket) => {
    if (response.statusCode !== 200) {
      socket.destroy();
      callback(new NetworkError(`the proxy ${proxy.host} refused the tunnel (${response.statusCode})`, false));
      return;
    }
    callback(null, tls.connect({ socket, servername: target.hostname }));
  });
  connect.on('error', (error) => callback(error instanceof NetworkError ? error : new NetworkError(`the proxy ${proxy.host} could not be reached: ${reasonOf(error).message}`, false)));
  connect.end();
  return undefined;
}

/** arXiv's terms of use: no more than one request every three seconds, on a single connection. */
export const ARXIV_INTERVAL_MS = 3000;

/** The client the importer uses: arXiv rate-limited, the given proxy and cache. */
export function metadataHttpClient(arxivApi: string, options: Omit<HttpClientOptions, 'rateLimits'> = {}): HttpClient {
  return new HttpClient({ ...options, rateLimits: [{ prefix: arxivApi, intervalMs: ARXIV_INTERVAL_MS }] });
}
