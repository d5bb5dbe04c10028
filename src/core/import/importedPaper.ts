import { baseCitationKey, isValidCitationKey } from '../library/citationKeys';
import { bibtexName, escapeBibtex, protectTitle } from '../cite/export';

/** A paper as fetched from arXiv, a DOI resolver and Hugging Face, before it becomes a library entry. */
export interface ImportedPaper {
  readonly title: string;
  readonly abstract: string;
  /** Display names, "Given Family". */
  readonly authors: readonly string[];
  readonly year?: number;
  readonly arxivId?: string;
  readonly doi?: string;
  /** arXiv's journal reference, or the DOI record's container title. */
  readonly journalRef?: string;
  /** arXiv's primary category, e.g. `cs.LG`. */
  readonly primaryCategory?: string;
  readonly url?: string;
  /** The paper's code repository as Hugging Face knows it. */
  readonly codeUrl?: string;
  /** Hugging Face's keywords: tags for the entry, never claims. */
  readonly keywords: readonly string[];
}

/** Thrown when a service answered with something that is not its format; the message names what and where. */
export class MetadataFormatError extends Error {}

/**
 * A citation key for a new paper that no key in `taken` has: the library's key rule (`gu2023mamba`), with `a`, `b`, …
 * appended on a collision. Never a DOI or URL.
 */
export function newCitationKey(paper: Pick<ImportedPaper, 'title' | 'authors' | 'year'>, taken: (key: string) => boolean): string {
  const base = baseCitationKey({ title: paper.title, authors: paper.authors, year: paper.year });
  const key = isValidCitationKey(base) ? base : 'paper';
  if (!taken(key)) return key;
  for (let i = 0; ; i++) {
    let suffix = '';
    let n = i;
    do {
      suffix = String.fromCharCode(97 + (n % 26)) + suffix;
      n = Math.floor(n / 26) - 1;
    } while (n >= 0);
    if (!taken(key + suffix)) return key + suffix;
  }
}

/**
 * The BibTeX entry for an imported paper: `@article` with `journal` when it has a journal reference, else `@misc`;
 * `abstract`, `eprint`, `archivePrefix`, `primaryClass`, `doi` and `url` when known, the code link as `code` and
 * Hugging Face keywords as `keywords`.
 */
export function toBibtexEntry(paper: ImportedPaper, key: string): string {
  const fields: Array<[string, string]> = [['title', `{${protectTitle(paper.title)}}`]];
  if (paper.authors.length > 0) fields.push(['author', `{${paper.authors.map(bibtexName).join(' and ')}}`]);
  if (paper.year !== undefined) fields.push(['year', `{${paper.year}}`]);
  if (paper.journalRef) fields.push(['journal', `{${escapeBibtex(paper.journalRef)}}`]);
  if (paper.doi) fields.push(['doi', `{${escapeBibtex(paper.doi)}}`]);
  if (paper.arxivId) {
    fields.push(['eprint', `{${paper.arxivId}}`], ['archivePrefix', '{arXiv}']);
    if (paper.primaryCategory) fields.push(['primaryClass', `{${escapeBibtex(paper.primaryCategory)}}`]);
  }
  const url = paper.url ?? (paper.arxivId ? `https://arxiv.org/abs/${paper.arxivId}` : paper.doi ? `https://doi.org/${paper.doi}` : undefined);
  if (url) fields.push(['url', `{${url}}`]);
  if (paper.codeUrl) fields.push(['code', `{${paper.codeUrl}}`]);
  if (paper.keywords.length > 0) fields.push(['keywords', `{${paper.keywords.map(escapeBibtex).join(', ')}}`]);
  if (paper.abstract) fields.push(['abstract', `{${escapeBibtex(paper.abstract)}}`]);
  const type = paper.journalRef ? 'article' : 'misc';
  return `@${type}{${key},\n${fields.map(([name, value]) => `  ${name} = ${value}`).join(',\n')}\n}\n`;
}

/**
 * The text to append to a `.bib` file so it gains `entries` and keeps every byte it had: a newline if the file does
 * not end with one, a blank line between entries.
 */
export function bibtexAppendix(fileText: string, entries: readonly string[]): string {
  if (entries.length === 0) return '';
  const lead = fileText === '' ? '' : fileText.endsWith('\n') ? (fileText.endsWith('\n\n') ? '' : '\n') : '\n\n';
  return lead + entries.join('\n');
}
