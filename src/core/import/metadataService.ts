import { parseArxivFeed } from './arxivAtom';
import { parseDoiCslJson } from './doiCslJson';
import { parseDailyPapersList, parseHuggingFacePaper, type DailyPaper } from './huggingFace';
import { MetadataFormatError, type ImportedPaper } from './importedPaper';
import { referenceId, type PaperReference } from './paperReference';

/** One HTTP GET as the core needs it; the Node client in `src/node/httpClient.ts` implements it. */
export interface HttpGet {
  /** Resolves with any HTTP status; rejects (with a one-line reason) only when the server could not be reached. */
  get(url: string, options?: { readonly accept?: string }): Promise<{ readonly status: number; readonly body: string }>;
}

/** Where the metadata services live; each is overridable for tests and mirrors. */
export interface MetadataEndpoints {
  /** Called with `?id_list=…`. */
  readonly arxivApi: string;
  /** Called as `/daily_papers?date=YYYY-MM-DD` and `/papers/{id}`. */
  readonly huggingFaceApi: string;
  /** Called as `/{doi}` with `Accept: application/vnd.citationstyles.csl+json`. */
  readonly doiResolver: string;
}

export const DEFAULT_ENDPOINTS: MetadataEndpoints = {
  arxivApi: 'https://export.arxiv.org/api/query',
  huggingFaceApi: 'https://huggingface.co/api',
  doiResolver: 'https://doi.org',
};

/** The endpoints with `PAPER_NOTES_ARXIV_API`, `PAPER_NOTES_HF_API` and `PAPER_NOTES_DOI_RESOLVER` applied. */
export function endpointsFromEnvironment(env: Readonly<Record<string, string | undefined>>): MetadataEndpoints {
  const pick = (value: string | undefined, fallback: string) => (value !== undefined && value.trim() !== '' ? value.trim().replace(/\/+$/, '') : fallback);
  return {
    arxivApi: pick(env.PAPER_NOTES_ARXIV_API, DEFAULT_ENDPOINTS.arxivApi),
    huggingFaceApi: pick(env.PAPER_NOTES_HF_API, DEFAULT_ENDPOINTS.huggingFaceApi),
    doiResolver: pick(env.PAPER_NOTES_DOI_RESOLVER, DEFAULT_ENDPOINTS.doiResolver),
  };
}

/** A lookup that found nothing usable; the message says which service, what and why, in one line. Nothing is written. */
export class ImportError extends Error {}

/** arXiv answers at most 100 ids per call under its terms of use. */
export const ARXIV_BATCH = 100;
const CSL_JSON = 'application/vnd.citationstyles.csl+json';

/** The papers found for some references, and those no service knew. */
export interface LookupResult {
  readonly papers: ImportedPaper[];
  readonly notFound: string[];
}

async function fetchOrExplain(http: HttpGet, service: string, url: string, accept?: string): Promise<{ status: number; body: string }> {
  try {
    return await http.get(url, accept === undefined ? undefined : { accept });
  } catch (error) {
    throw new ImportError(`Could not reach ${service} (${url}): ${error instanceof Error ? error.message : String(error)}`);
  }
}

function statusProblem(service: string, url: string, status: number, body: string): ImportError {
  const said = body.replace(/\s+/g, ' ').trim().slice(0, 80);
  return new ImportError(`${service} answered ${status} for ${url}${said === '' ? '' : ` ("${said}")`}`);
}

/**
 * Looks papers up: arXiv ids in batches of up to 100 from the arXiv API, other DOIs from the DOI resolver as CSL-JSON,
 * and each arXiv paper's code repository and keywords from Hugging Face when it knows the paper (a 404 there is not a
 * problem). Unknown ids and DOIs come back in `notFound`; an unreachable service or an answer in the wrong format
 * throws an ImportError.
 */
export async function lookUpPapers(references: readonly PaperReference[], http: HttpGet, endpoints: MetadataEndpoints): Promise<LookupResult> {
  const papers: ImportedPaper[] = [];
  const notFound: string[] = [];
  const arxivIds = references.flatMap((reference) => (reference.kind === 'arxiv' ? [reference.id] : []));
  for (let start = 0; start < arxivIds.length; start += ARXIV_BATCH) {
    const batch = arxivIds.slice(start, start + ARXIV_BATCH);
    const url = `${endpoints.arxivApi}?id_list=${batch.map(encodeURIComponent).join(',')}&max_results=${batch.length}`;
    const response = await fetchOrExplain(http, 'the arXiv API', url);
    if (response.status !== 200) throw statusProblem('The arXiv API', url, response.status, response.body);
    let feed;
    try {
      feed = parseArxivFeed(response.body);
    } catch (error) {
      if (error instanceof MetadataFormatError) throw new ImportError(`${error.message} (${url})`);
      throw error;
    }
    const found = new Map(feed.papers.map((paper) => [paper.arxivId, paper]));
    for (const id of batch) {
      const paper = found.get(id);
      if (paper === undefined) notFound.push(`arXiv:${id}${feed.errors.length > 0 ? ` (${feed.errors.join('; ')})` : ''}`);
      else papers.push(await withHuggingFace(paper, http, endpoints));
    }
  }
  for (const reference of references) {
    if (reference.kind !== 'doi') continue;
    const url = `${endpoints.doiResolver}/${reference.doi.split('/').map(encodeURIComponent).join('/')}`;
    const response = await fetchOrExplain(http, 'the DOI resolver', url, CSL_JSON);
    if (response.status === 404) {
      notFound.push(referenceId(reference));
      continue;
    }
    if (response.status !== 200) throw statusProblem('The DOI resolver', url, response.status, response.body);
    try {
      papers.push(parseDoiCslJson(response.body, reference.doi));
    } catch (error) {
      if (error instanceof MetadataFormatError) throw new ImportError(error.message);
      throw error;
    }
  }
  return { papers, notFound };
}

async function withHuggingFace(paper: ImportedPaper, http: HttpGet, endpoints: MetadataEndpoints): Promise<ImportedPaper> {
  if (paper.arxivId === undefined || paper.arxivId.includes('/')) return paper; // Hugging Face pages only new-style ids.
  const url = `${endpoints.huggingFaceApi}/papers/${paper.arxivId}`;
  const response = await fetchOrExplain(http, 'Hugging Face', url);
  if (response.status === 404) return paper;
  if (response.status !== 200) throw statusProblem('Hugging Face', url, response.status, response.body);
  try {
    const info = parseHuggingFacePaper(response.body);
    return { ...paper, codeUrl: info.codeUrl ?? paper.codeUrl, keywords: info.keywords };
  } catch (error) {
    if (error instanceof MetadataFormatError) throw new ImportError(error.message);
    throw error;
  }
}

/**
 * Fetches a day of Daily Papers. A day after `today` (UTC) or a day without papers is an ImportError, checked before
 * anything could be written.
 */
export async function fetchDailyPapers(date: string, today: string, http: HttpGet, endpoints: MetadataEndpoints): Promise<DailyPaper[]> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
    throw new ImportError(`${date} is not a date; write it as YYYY-MM-DD`);
  }
  if (date > today) throw new ImportError(`${date} is in the future (today is ${today} in UTC); Daily Papers has no list for it yet`);
  const url = `${endpoints.huggingFaceApi}/daily_papers?date=${date}`;
  const response = await fetchOrExplain(http, 'Hugging Face', url);
  if (response.status !== 200) throw statusProblem('Hugging Face', url, response.status, response.body);
  let papers: DailyPaper[];
  try {
    papers = parseDailyPapersList(response.body);
  } catch (error) {
    if (error instanceof MetadataFormatError) throw new ImportError(error.message);
    throw error;
  }
  if (papers.length === 0) throw new ImportError(`Daily Papers has no papers for ${date}`);
  return papers;
}
