import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { normalizeArxivId, normalizeDoi } from '../library/normalize';
import { MetadataFormatError, type ImportedPaper } from './importedPaper';

/** What an arXiv API feed says: the papers it holds and the error entries it returned instead of papers. */
export interface ArxivFeed {
  readonly papers: ImportedPaper[];
  /** Messages of error entries (title `Error`), e.g. "incorrect id format for 1234.12345". */
  readonly errors: string[];
}

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  isArray: (name) => name === 'entry' || name === 'author' || name === 'link' || name === 'category',
  parseTagValue: false,
  trimValues: true,
});

/** Collapses the hard line wraps arXiv puts into titles and abstracts. */
function oneLine(text: unknown): string {
  return typeof text === 'string' ? text.replace(/\s+/g, ' ').trim() : text === undefined || text === null ? '' : String(text).replace(/\s+/g, ' ').trim();
}

function textOf(node: unknown): string {
  if (node !== null && typeof node === 'object') return oneLine((node as XmlNode)['#text']);
  return oneLine(node);
}

/**
 * Reads an arXiv API response (Atom, see the API user manual §3.3–3.4). Error entries (title `Error`, id under
 * `/api/errors`) become `errors`; entries without an id or title (what arXiv returns for an unknown id) are dropped, so
 * the caller reads them as not found. Throws MetadataFormatError when the text is not well-formed XML or not a feed.
 */
export function parseArxivFeed(xml: string): ArxivFeed {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new MetadataFormatError(`the arXiv API answered with malformed XML (line ${valid.err.line}: ${valid.err.msg})`);
  const document = parser.parse(xml) as XmlNode;
  const feed = document.feed as XmlNode | undefined;
  if (feed === undefined || typeof feed !== 'object') {
    const start = oneLine(xml).slice(0, 60);
    throw new MetadataFormatError(`the arXiv API answered with something that is not an Atom feed ("${start}")`);
  }
  const papers: ImportedPaper[] = [];
  const errors: string[] = [];
  for (const entry of (feed.entry as XmlNode[] | undefined) ?? []) {
    const id = textOf(entry.id);
    const title = textOf(entry.title);
    if (title === 'Error' || id.includes('/api/errors')) {
      errors.push(textOf(entry.summary) || id);
      continue;
    }
    const arxivId = normalizeArxivId(id.replace(/^https?:\/\/(?:www\.)?arxiv\.org\/abs\//i, ''));
    if (arxivId === undefined || title === '') continue;
    const published = /^(\d{4})-/.exec(textOf(entry.published));
    const authors = ((entry.author as XmlNode[] | undefined) ?? []).map((author) => textOf(author.name)).filter((name) => name !== '');
    const primary = entry.primary_category as XmlNode | undefined;
    const doi = normalizeDoi(textOf(entry.doi));
    const journalRef = textOf(entry.journal_ref);
    papers.push({
      title,
      abstract: textOf(entry.summary),
      authors,
      year: published ? Number(published[1]) : undefined,
      arxivId,
      doi,
      journalRef: journalRef === '' ? undefined : journalRef,
      primaryCategory: typeof primary?.['@term'] === 'string' ? primary['@term'] : undefined,
      url: `https://arxiv.org/abs/${arxivId}`,
      keywords: [],
    });
  }
  return { papers, errors };
}
