import { familyName } from '../library/citationKeys';
import type { Paper } from '../library/paper';

export type ExportFormat = 'bibtex' | 'csl-json';

/** A CSL-JSON item as Pandoc and citeproc read it (the fields this library knows). */
export interface CslItem {
  id: string;
  type: 'article' | 'article-journal' | 'paper-conference';
  title: string;
  author?: Array<{ family: string; given?: string }>;
  issued?: { 'date-parts': number[][] };
  abstract?: string;
  'container-title'?: string;
  DOI?: string;
  URL?: string;
  number?: string;
  publisher?: string;
  volume?: string;
  issue?: string;
  page?: string;
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

/**
 * How a paper is published, as the exports write it: a conference or workshop paper, a journal article, or (no venue)
 * a preprint. A venue of unknown kind counts as a journal, as BibTeX's `journal` field has always carried it.
 * A `venueNote` is never a venue and is not exported.
 */
export function publicationKind(paper: Paper): 'proceedings' | 'journal' | 'preprint' {
  if (!paper.venue && !paper.containerTitle) return 'preprint';
  return paper.venueType === 'conference' || paper.venueType === 'workshop' ? 'proceedings' : 'journal';
}

/** The title to cite: the published title when the venue printed it under another one. */
export function citedTitle(paper: Paper): string {
  return publicationKind(paper) !== 'preprint' && paper.publishedTitle ? paper.publishedTitle : paper.title;
}

const CSL_TYPES = { proceedings: 'paper-conference', journal: 'article-journal', preprint: 'article' } as const;

/**
 * Papers as CSL-JSON items: conference and workshop papers as `paper-conference`, journal articles as `article-journal`
 * with the full container title, volume, issue and pages; preprints as `article` published by arXiv with the arXiv id.
 */
export function toCslJson(papers: readonly Paper[]): CslItem[] {
  return papers.map((paper) => {
    const kind = publicationKind(paper);
    const item: CslItem = { id: paper.key, type: CSL_TYPES[kind], title: citedTitle(paper) };
    if (paper.authors.length > 0) item.author = paper.authors.map(splitName);
    if (paper.year !== undefined) item.issued = { 'date-parts': [[paper.year]] };
    if (kind !== 'preprint') item['container-title'] = paper.containerTitle ?? paper.venue;
    if (paper.volume) item.volume = paper.volume;
    if (paper.issue) item.issue = paper.issue;
    if (paper.pages) item.page = paper.pages;
    if (paper.publisher) item.publisher = paper.publisher;
    else if (kind === 'preprint' && paper.arxivId) item.publisher = 'arXiv';
    if (paper.doi) item.DOI = paper.doi;
    if (paper.url) item.URL = paper.url;
    // As Zotero saves an arXiv preprint: the id as the number, arXiv as the publisher, and no `archive`
    // (styles print both publisher and archive, which gave APA's "arXiv. arXiv.").
    // A published paper's arXiv copy stays its URL: styles print `number` as an article number.
    if (paper.arxivId && kind === 'preprint') item.number = `arXiv:${paper.arxivId}`;
    if (paper.abstract) item.abstract = paper.abstract;
    return item;
  });
}

/** Characters BibTeX reads as commands; escaped so titles and abstracts come back as written. */
const BIBTEX_SPECIALS: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', '%': '\\%', '&': '\\&', '#': '\\#', $: '\\$', _: '\\_',
  '~': '\\textasciitilde{}', '^': '\\textasciicircum{}',
  // Pandoc reads <...> in a BibTeX field as raw HTML and drops it ("Looking ahead for a <box>").
  '<': '\\textless{}', '>': '\\textgreater{}',
};

export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}%&#$_~^<>]/g, (ch) => BIBTEX_SPECIALS[ch]);
}

/**
 * The title in one protective group, so Pandoc and every CSL style print it as the library shows it: Pandoc turns an
 * unprotected BibTeX title into sentence case ("Sir Francis Drake" would come back "Sir francis drake").
 */
export function protectTitle(title: string): string {
  return `{${escapeBibtex(title)}}`;
}

export function bibtexName(name: string): string {
  const { family, given } = splitName(name);
  return escapeBibtex(given ? `${family}, ${given}` : family);
}

const BIBTEX_TYPES = { proceedings: 'inproceedings', journal: 'article', preprint: 'misc' } as const;

/**
 * Papers as BibTeX: `@inproceedings` (with `booktitle`) for conference and workshop papers, `@article` (with `journal`)
 * for journal articles, `@misc` for preprints; volume, number, pages, publisher and DOI when known; arXiv papers carry
 * `eprint`, `archivePrefix = {arXiv}` and `url`. Keys are the library's citation keys. UTF-8 is kept as is
 * (biber and Pandoc read it); BibTeX specials are escaped.
 */
export function toBibtex(papers: readonly Paper[]): string {
  return papers.map((paper) => {
    const kind = publicationKind(paper);
    const fields: Array<[string, string]> = [['title', `{${protectTitle(citedTitle(paper))}}`]];
    if (paper.authors.length > 0) fields.push(['author', `{${paper.authors.map(bibtexName).join(' and ')}}`]);
    if (paper.year !== undefined) fields.push(['year', `{${paper.year}}`]);
    const container = paper.containerTitle ?? paper.venue;
    if (kind !== 'preprint' && container) fields.push([kind === 'proceedings' ? 'booktitle' : 'journal', `{${escapeBibtex(container)}}`]);
    if (paper.volume) fields.push(['volume', `{${escapeBibtex(paper.volume)}}`]);
    if (paper.issue) fields.push(['number', `{${escapeBibtex(paper.issue)}}`]);
    if (paper.pages) fields.push(['pages', `{${escapeBibtex(paper.pages.replace(/(\d)\s*[-–]+\s*(\d)/g, '$1--$2'))}}`]);
    if (paper.publisher) fields.push(['publisher', `{${escapeBibtex(paper.publisher)}}`]);
    // biblatex and Pandoc read doi verbatim (an escaped `_` would stay `\_`); only braces would break the entry.
    if (paper.doi) fields.push(['doi', `{${paper.doi.replace(/[{}]/g, '')}}`]);
    if (paper.arxivId) {
      fields.push(['eprint', `{${paper.arxivId}}`], ['archivePrefix', '{arXiv}']);
    }
    if (paper.url) fields.push(['url', `{${paper.url}}`]);
    if (paper.abstract) fields.push(['abstract', `{${escapeBibtex(paper.abstract)}}`]);
    return `@${BIBTEX_TYPES[kind]}{${paper.key},\n${fields.map(([name, value]) => `  ${name} = ${value}`).join(',\n')}\n}\n`;
  }).join('\n');
}

/** The papers in the chosen format, as the text of a `.bib` or `.json` file. */
export function exportPapers(papers: readonly Paper[], format: ExportFormat): string {
  return format === 'bibtex' ? toBibtex(papers) : `${JSON.stringify(toCslJson(papers), null, 2)}\n`;
}
