import * as os from 'node:os';
import * as path from 'node:path';
import { endpointsFromEnvironment, type MetadataEndpoints } from '../core/import/metadataService';
import { metadataHttpClient, type HttpClient } from './httpClient';

/** The importer's endpoints and HTTP client for the CLI: proxy from HTTPS_PROXY/HTTP_PROXY, cache under the user's cache folder. */
export function cliMetadataClient(env: Readonly<Record<string, string | undefined>>): { endpoints: MetadataEndpoints; http: HttpClient } {
  const endpoints = endpointsFromEnvironment(env);
  const proxy = env.HTTPS_PROXY ?? env.https_proxy ?? env.HTTP_PROXY ?? env.http_proxy;
  const noProxy = (env.NO_PROXY ?? env.no_proxy)?.split(',');
  const cacheDir = env.PAPER_NOTES_CACHE_DIR ?? path.join(env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'paper-notes', 'http');
  const http = metadataHttpClient(endpoints.arxivApi, { proxy, ...(noProxy ? { noProxy: [...noProxy, 'localhost', '127.0.0.1'] } : {}), cacheDir });
  return { endpoints, http };
}
