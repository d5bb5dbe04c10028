import { normalizeArxivId } from '../library/normalize';
import { MetadataFormatError } from './importedPaper';

/** What Hugging Face adds to a paper: its code repository and keywords (tags, never claims). */
export interface HuggingFacePaperInfo {
  readonly codeUrl?: string;
  readonly keywords: readonly string[];
  readonly upvotes?: number;
}

/** One paper of a Daily Papers day. */
export interface DailyPaper {
  readonly arxivId: string;
  readonly title: string;
  readonly abstract: string;
  readonly authors: readonly string[];
  readonly year?: number;
  readonly codeUrl?: string;
  readonly upvotes?: number;
  readonly keywords: readonly string[];
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MetadataFormatError(`${what} answered with invalid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

function oneLine(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
}

function infoOf(paper: Json): HuggingFacePaperInfo {
  const repo = typeof paper.githubRepo === 'string' && /^https?:\/\//.test(paper.githubRepo) ? paper.githubRepo.replace(/\/+$/, '') : undefined;
  const keywords = Array.isArray(paper.ai_keywords) ? paper.ai_keywords.filter((k): k is string => typeof k === 'string' && k.trim() !== '').map((k) => k.trim()) : [];
  return { codeUrl: repo, keywords, upvotes: typeof paper.upvotes === 'number' ? paper.upvotes : undefined };
}

/** Reads `GET /api/papers/{id}`: the paper object with `githubRepo` and `ai_keywords`. */
export function parseHuggingFacePaper(text: string): HuggingFacePaperInfo {
  const data = parseJson(text, 'the Hugging Face paper API');
  if (!isObject(data)) throw new MetadataFormatError('the Hugging Face paper API answered with JSON that is not a paper object');
  return infoOf(data);
}

/**
 * Reads `GET /api/daily_papers?date=YYYY-MM-DD`: an array of submissions, each with the arXiv paper under `paper`
 * (`id`, `title`, `summary`, `authors[].name`, `publishedAt`, `upvotes`, `githubRepo`, `ai_keywords`). Entries without an
 * arXiv id or title are skipped.
 */
export function parseDailyPapersList(text: string): DailyPaper[] {
  const data = parseJson(text, 'the Hugging Face daily papers API');
  if (!Array.isArray(data)) throw new MetadataFormatError('the Hugging Face daily papers API answered with JSON that is not a list');
  const papers: DailyPaper[] = [];
  for (const item of data) {
    const paper = isObject(item) && isObject(item.paper) ? item.paper : isObject(item) ? item : undefined;
    if (paper === undefined) continue;
    const arxivId = typeof paper.id === 'string' ? normalizeArxivId(paper.id) : undefined;
    const title = oneLine(paper.title) || (isObject(item) ? oneLine(item.title) : '');
    if (arxivId === undefined || title === '') continue;
    const authors = Array.isArray(paper.authors)
      ? paper.authors.map((author) => (isObject(author) ? oneLine(author.name) : '')).filter((name) => name !== '')
      : [];
    const year = /^(\d{4})-/.exec(typeof paper.publishedAt === 'string' ? paper.publishedAt : '');
    papers.push({ arxivId, title, abstract: oneLine(paper.summary), authors, year: year ? Number(year[1]) : undefined, ...infoOf(paper) });
  }
  return papers;
}

/** The lines above the first paper on a Daily Papers page, as in the bundled page. */
const PAGE_HEADER = ['new', 'Get trending papers in your email inbox!', 'Subscribe', 'Daily Papers', 'by AK and the research community'];

/** A day's papers as a Daily Papers page: the page's header, then each title and abstract as paragraphs. */
export function renderDailyPapersPage(papers: readonly DailyPaper[]): string {
  const blocks = [...PAGE_HEADER];
  for (const paper of papers) blocks.push(paper.title, paper.abstract);
  return `${blocks.join('\n\n')}\n`;
}

/**
 * The day's metadata in the format of `corpus/seed-metadata.json` (title, arXiv id, year, authors, venue, code URL,
 * source), plus upvotes and keywords.
 */
export function renderDailyPapersMetadata(papers: readonly DailyPaper[], date: string): string {
  const records = papers.map((paper) => ({
    title: paper.title,
    arxivId: paper.arxivId,
    year: paper.year ?? null,
    authors: paper.authors,
    venue: null,
    codeUrl: paper.codeUrl ?? null,
    upvotes: paper.upvotes ?? null,
    keywords: paper.keywords,
    source: { all: `Hugging Face Daily Papers API, ${date}` },
  }));
  return `${JSON.stringify(records, null, 1)}\n`;
}

/** `YYYY-MM-DD` of a date in UTC, the day Hugging Face files a paper under. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The file names of a day's page and its metadata, relative to the folder they are saved in. */
export function dailyPapersFileNames(date: string): { page: string; metadata: string } {
  return { page: `daily-papers-${date}.txt`, metadata: `daily-papers-${date}.metadata.json` };
}
