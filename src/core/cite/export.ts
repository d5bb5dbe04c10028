import { familyName } from '../library/citationKeys';
import type { Paper } from '../library/paper';

export type ExportFormat = 'bibtex' | 'csl-json';

/** A CSL-JSON item as Pandoc and citeproc read it (the fields this library knows). */
export interface CslItem {
  id: string;
  type: 'article' | 'article-journal';
  title: string;
  author?: Array<{ family: string; given?: string }>;
  issued?: { 'date-parts': number[][] };
  abstract?: string;
  'container-title'?: string;
  DOI?: string;
  URL?: string;
  archive?: string;
  'archive_location'?: string;
  number?: string;
  publisher?: string;
}

/** Splits a display name "Given Family" into CSL parts; "Family, Given" also works. */
export function splitName(name: string): { family: string; given?: string } {
  const comma = name.indexOf(',');
  if (comma >= 0) {
    const given = name.slice(comma + 1).trim();
    return given === '' ? { family: name.slice(0, comma).trim() } : { family: name.slice(0, comma).trim(), given };
  }
  const family = familyName(name);
  const given = name.trim().slice(0, name.trim().length - family.length).trim();
  return given === '' ? { family } : { family, given };
}

/** Papers as CSL-JSON items: preprints as `article` with the arXiv id, papers with a venue as `article-journal`. */
export function toCslJson(papers: readonly Paper[]): CslItem[] {
  return papers.map((paper) => {
    const item: CslItem = { id: paper.key, type: paper.venue ? 'article-journal' : 'article', title: paper.title };
    if (paper.authors.length > 0) item.author = paper.authors.map(splitName);
    if (paper.year !== undefined) item.issued = { 'date-parts': [[paper.year]] };
    if (paper.venue) item['container-title'] = paper.venue;
    else if (paper.arxivId) item.publisher = 'arXiv';
    if (paper.doi) item.DOI = paper.doi;
    if (paper.url) item.URL = paper.url;
    if (paper.arxivId) {
      item.archive = 'arXiv';
      item.number = paper.arxivId;
    }
    if (paper.abstract) item.abstract = paper.abstract;
    return item;
  });
}

/** Characters BibTeX reads as commands; escaped so titles and abstracts come back as written. */
const BIBTEX_SPECIALS: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', '%': '\\%', '&': '\\&', '#': '\\#', $: '\\$', _: '\\_',
  '~': '\\textasciitilde{}', '^': '\\textasciicircum{}',
};

export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}%&#$_~^]/g, (ch) => BIBTEX_SPECIALS[ch]);
}

/** Braces words with inner capitals or digits ("Mamba", "S4", "MossFormer2") so styles do not lower-case them. */
export function protectTitle(title: string): string {
  return title.split(/(\s+)/).map((word) => {
    const escaped = escapeBibtex(word);
    return /[A-Z]/.test(word.slice(1)) || (/^[A-Z]/.test(word) && /\d/.test(word)) ? `{${escaped}}` : escaped;
  }).join('');
}

export function bibtexName(name: string): string {
  const { family, given } = splitName(name);
  return escapeBibtex(given ? `${family}, ${given}` : family);
}

/**
 * Papers as BibTeX: `@article` (with `journal`) when the venue is known, else `@misc`; arXiv papers carry
 * `eprint`, `archivePrefix = {arXiv}` and `url`. Keys are the library's citation keys. UTF-8 is kept as is
 * (biber and Pandoc read it); BibTeX specials are escaped.
 */
export function toBibtex(papers: readonly Paper[]): string {
  return papers.map((paper) => {
    const fields: Array<[string, string]> = [['title', `{${protectTitle(paper.title)}}`]];
    if (paper.authors.length > 0) fields.push(['author', `{${paper.authors.map(bibtexName).join(' and ')}}`]);
    if (paper.year !== undefined) fields.push(['year', `{${paper.year}}`]);
    if (paper.venue) fields.push(['journal', `{${escapeBibtex(paper.venue)}}`]);
    if (paper.doi) fields.push(['doi', `{${escapeBibtex(paper.doi)}}`]);
    if (paper.arxivId) {
      fields.push(['eprint', `{${paper.arxivId}}`], ['archivePrefix', '{arXiv}']);
    }
    if (paper.url) fields.push(['url', `{${paper.url}}`]);
    if (paper.abstract) fields.push(['abstract', `{${escapeBibtex(paper.abstract)}}`]);
    const type = paper.venue ? 'article' : 'misc';
    return `@${type}{${paper.key},\n${fields.map(([name, value]) => `  ${name} = ${value}`).join(',\n')}\n}\n`;
  }).join('\n');
}

/** The papers in the chosen format, as the text of a `.bib` or `.json` file. */
export function exportPapers(papers: readonly Paper[], format: ExportFormat): string {
  return format === 'bibtex' ? toBibtex(papers) : `${JSON.stringify(toCslJson(papers), null, 2)}\n`;
}
