import CSL from 'citeproc';
import type { Paper } from '../../library/paper';
import { toCslJson, type CslItem } from '../export';
import type { LocatorLabel } from '../pandocCitations';
import { CslStyleError, DEFAULT_CSL_LOCALE, type CslStyle } from './cslStyle';

type CiteprocCitationList = Parameters<InstanceType<typeof CSL.Engine>['rebuildProcessorState']>[0];

/** `text` for comparisons and the terminal, `markdown` for notes, `html` for the preview. */
export type CslOutputFormat = 'text' | 'markdown' | 'html';

/** What the formatter needs of one cited item (a parsed {@link import('../pandocCitations').CitationItem} fits). */
export interface CitationItemInput {
  readonly key: string;
  readonly prefix?: string;
  readonly suffix?: string;
  readonly locator?: string;
  readonly label?: LocatorLabel;
  readonly suppressAuthor?: boolean;
}

/** One citation: a bracketed group (`normal`) or an author named in the sentence (`in-text`). */
export interface CitationClusterInput {
  readonly mode: 'normal' | 'in-text';
  readonly items: readonly CitationItemInput[];
}

export interface BibliographyEntry {
  readonly key: string;
  /** The entry in the chosen output format, without the list or block around it. */
  readonly text: string;
}

export interface RenderedCitations {
  /** One string per cluster, in the order given. */
  readonly citations: readonly string[];
  /** The cited papers in the style's bibliography order. */
  readonly bibliography: readonly BibliographyEntry[];
  /** Keys no paper has, in first-citation order. */
  readonly unknownKeys: readonly string[];
}

export interface CitationFormatterOptions {
  readonly style: CslStyle;
  /** Used when the style names no default locale (Pandoc does the same); `en-US` by default. */
  readonly locale?: string;
  /** The locale file (`locales-xx-XX.xml` text) for a language tag, if bundled. */
  readonly retrieveLocale: (lang: string) => string | undefined;
}

/** Markdown output: citeproc's text format with Markdown emphasis and escaping (Pandoc's markdown writer). */
function markdownFormat(): Record<string, unknown> {
  const text = CSL.Output.Formats.text!;
  const wrap = (open: string, close = open) => `${open}%%STRING%%${close}`;
  return {
    ...text,
    text_escape: (value: string | undefined) => (value ?? '').replace(/([\\`*_[\]<>#|^~])/g, '\\$1'),
    '@font-style/italic': wrap('*'),
    '@font-style/oblique': wrap('*'),
    '@font-weight/bold': wrap('**'),
    '@vertical-align/sup': wrap('^'),
    '@vertical-align/sub': wrap('~'),
    '@font-variant/small-caps': wrap('[', ']{.smallcaps}'),
  };
}

let markdownRegistered = false;
function registerMarkdownFormat(): void {
  if (markdownRegistered) return;
  CSL.Output.Formats.markdown = markdownFormat();
  markdownRegistered = true;
}

/** Citeproc's CSL item for a paper: the export's item, without the abstract (never printed, and slow to copy). */
const itemCache = new WeakMap<Paper, CslItem>();
function cslItem(paper: Paper): CslItem {
  let item = itemCache.get(paper);
  if (item === undefined) {
    const { abstract: _abstract, ...rest } = toCslJson([paper])[0]!;
    item = rest;
    itemCache.set(paper, item);
  }
  return item;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** How an unknown key shows: Pandoc's `**key?**` in text and Markdown; a marked span with the reason in HTML. */
export function unknownKeyMark(key: string, format: CslOutputFormat): string {
  if (format === 'html') {
    return `<span class="paper-notes-citation-unknown" title="${escapeHtml(`No paper in the library has the citation key ${key}`)}">@${escapeHtml(key)}?</span>`;
  }
  return format === 'markdown' ? `**${key.replace(/([\\`*_[\]<>])/g, '\\$1')}?**` : `${key}?`;
}

/**
 * One CSL processor (citeproc-js) for one style and locale: formats a document's citations and its bibliography
 * the way `pandoc --citeproc --csl STYLE` does, in text, Markdown or HTML. Reused across renders; the papers are
 * passed to each call, so a changed library needs no new formatter.
 */
export class CitationFormatter {
  readonly style: CslStyle;
  /** Whether the style asks for a cite's position (note styles, `position="ibid"` and the like). */
  private readonly positional: boolean;
  /** What citeproc's registry holds after the last batch render, with the output formatted from it since. */
  private registration: { papers: readonly Paper[]; clusters: Map<string, string>; bibliographies: Map<CslOutputFormat, BibliographyEntry[]> } | undefined;
  private readonly engine: InstanceType<typeof CSL.Engine>;
  private items = new Map<string, CslItem>();

  /** Throws {@link CslStyleError} when citeproc cannot use the style. */
  constructor(options: CitationFormatterOptions) {
    registerMarkdownFormat();
    this.style = options.style;
    this.positional = options.style.styleClass === 'note' || /\bposition\s*=/.test(options.style.xml);
    const locale = options.locale ?? DEFAULT_CSL_LOCALE;
    this.sys = {
      retrieveLocale: (lang: string) => options.retrieveLocale(lang) ?? options.retrieveLocale(DEFAULT_CSL_LOCALE),
      retrieveItem: (id: string) => this.items.get(id),
    };
    try {
      this.engine = new CSL.Engine(this.sys, options.style.xml, locale, false);
    } catch (error) {
      throw new CslStyleError(options.style.id, `citeproc cannot use this style: ${error instanceof Error ? error.message : String(error)}`);
    }
    // HTML bibliographies link their URLs and DOIs (citeproc's html format wraps them when asked).
    this.engine.opt.development_extensions.wrap_url_and_doi = true;
  }

  private readonly sys: { retrieveLocale(lang: string): string | undefined; retrieveItem(id: string): unknown };

  /** Formats every cluster of a document, in document order (numbering and disambiguation see them all), and the bibliography of the papers they cite. */
  render(clusters: readonly CitationClusterInput[], lookup: (key: string) => Paper | undefined, format: CslOutputFormat): RenderedCitations {
    this.items = new Map();
    const unknown = new Set<string>();
    const known = (key: string) => {
      if (this.items.has(key)) return true;
      const paper = lookup(key);
      if (paper === undefined) {
        unknown.add(key);
        return false;
      }
      this.items.set(key, { ...cslItem(paper), id: key });
      cited.set(key, paper);
      return true;
    };
    const cited = new Map<string, Paper>();
    const noteStyle = this.engine.opt.xclass === 'note';
    const citations: CiteprocCitationList = [];
    // Per cluster: the citeproc citations that render it (an in-text citation is its author, then the rest).
    const parts: Array<{ ids: string[]; keys: string[]; unknown: string[]; mode: 'normal' | 'in-text' }> = [];
    clusters.forEach((cluster, index) => {
      const items = cluster.items.filter((item) => known(item.key));
      const part = { ids: [] as string[], keys: items.map((item) => item.key), unknown: cluster.items.filter((item) => !this.items.has(item.key)).map((item) => item.key), mode: cluster.mode };
      parts.push(part);
      if (items.length === 0) return;
      const citationItems = items.map((item) => ({
        id: item.key,
        ...(item.locator !== undefined ? { locator: item.locator, label: item.label ?? 'page' } : {}),
        ...(item.prefix ? { prefix: `${item.prefix} ` } : {}),
        ...(item.suffix ? { suffix: /^[,.;:]/.test(item.suffix) ? item.suffix : ` ${item.suffix}` } : {}),
        ...(item.suppressAuthor ? { 'suppress-author': true } : {}),
      }));
      const noteIndex = noteStyle ? index + 1 : 0;
      if (cluster.mode === 'in-text' && !noteStyle) {
        const [first] = citationItems;
        citations.push({ citationID: `c${index}a`, citationItems: [{ id: first!.id, 'author-only': true }], properties: { noteIndex } });
        citations.push({ citationID: `c${index}b`, citationItems: [{ ...first!, 'suppress-author': true }], properties: { noteIndex } });
        part.ids.push(`c${index}a`, `c${index}b`);
      } else {
        citations.push({ citationID: `c${index}`, citationItems, properties: { noteIndex } });
        part.ids.push(`c${index}`);
      }
    });

    const rendered = this.positional ? this.trackedRender(citations, format) : this.batchRender(citations, format, cited);
    const texts = parts.map((part) => {
      // A numeric style prints no names: the author part is citeproc's "[NO_PRINTED_FORM]", which Pandoc leaves out.
      const pieces = part.ids.map((id) => (rendered.get(id) ?? '').replace('[NO_PRINTED_FORM]', ''));
      const formatted = part.mode === 'in-text' && pieces.length === 2 ? joinInText(pieces[0]!, pieces[1]!) : pieces.join('');
      const marks = part.unknown.map((key) => unknownKeyMark(key, format));
      // In HTML the citation links to its (first) paper's bibliography entry, at Pandoc's anchor `#ref-KEY`.
      const linked = format === 'html' && formatted !== '' ? `<a class="paper-notes-cite" href="#ref-${encodeURIComponent(part.keys[0]!)}">${formatted}</a>` : formatted;
      return [linked, ...marks].filter((piece) => piece !== '').join('; ');
    });
    let bibliography = this.registration?.bibliographies.get(format);
    if (bibliography === undefined) {
      bibliography = this.makeBibliography(format);
      this.registration?.bibliographies.set(format, bibliography);
    }
    return { citations: texts, bibliography, unknownKeys: [...unknown] };
  }

  /** The bibliography of these papers alone (the References section of a note, an exported list), numbered in the order given. */
  bibliography(papers: readonly Paper[], format: CslOutputFormat): BibliographyEntry[] {
    this.items = new Map(papers.map((paper) => [paper.key, { ...cslItem(paper), id: paper.key }]));
    this.engine.updateItems(papers.map((paper) => paper.key));
    this.registration = undefined;
    return this.makeBibliography(format);
  }

  /**
   * Every citation in order through citeproc's citation registry: needed when the style asks for a cite's position
   * (ibid, subsequent); quadratic in the number of citations.
   */
  private trackedRender(citations: CiteprocCitationList, format: CslOutputFormat): Map<string, string> {
    this.registration = undefined;
    return new Map(this.engine.rebuildProcessorState(citations, format).map(([id, , text]) => [id, text]));
  }

  /**
   * The cited items registered once, in first-citation order (numbering, disambiguation and the bibliography see
   * them all), then each citation formatted on its own: linear, and the same output for styles without positions.
   */
  private batchRender(citations: CiteprocCitationList, format: CslOutputFormat, cited: ReadonlyMap<string, Paper>): Map<string, string> {
    const ids = [...new Set(citations.flatMap((citation) => citation.citationItems.map((item) => item.id)))];
    const papers = ids.map((id) => cited.get(id)!);
    const previous = this.registration;
    // The same papers (the same objects: a reloaded library makes new ones) cited in the same order: citeproc's
    // registry, the formatted citations and the bibliography from the last render still hold, as while typing.
    if (previous === undefined || previous.papers.length !== papers.length || previous.papers.some((paper, i) => paper !== papers[i])) {
      this.engine.updateItems(ids);
      this.registration = { papers, clusters: new Map(), bibliographies: new Map() };
    }
    const registration = this.registration!;
    this.engine.setOutputFormat(format);
    return new Map(citations.map((citation) => {
      const signature = `${format}\u0000${JSON.stringify(citation.citationItems)}`;
      let text = registration.clusters.get(signature);
      if (text === undefined) {
        text = this.engine.makeCitationCluster(citation.citationItems);
        registration.clusters.set(signature, text);
      }
      return [citation.citationID, text];
    }));
  }

  private makeBibliography(format: CslOutputFormat): BibliographyEntry[] {
    this.engine.setOutputFormat(format);
    const made = this.engine.makeBibliography();
    if (made === false) return [];
    const [params, entries] = made;
    return entries.map((entry, index) => ({ key: params.entry_ids[index]![0]!, text: cleanEntry(entry, format) }));
  }
}

/** "Gu and Dao" + "(2023, 7)" → "Gu and Dao (2023, 7)"; a superscript or bracketed number follows the names too. */
function joinInText(author: string, rest: string): string {
  if (author === '') return rest;
  if (rest === '') return author;
  return /^(?:<sup>|\^)/.test(rest) ? `${author}${rest}` : `${author} ${rest}`;
}

/** One bibliography entry without citeproc's wrapping `<div class="csl-entry">` and trailing newline. */
function cleanEntry(entry: string, format: CslOutputFormat): string {
  let text = entry.trim();
  if (format === 'html') text = text.replace(/^<div class="csl-entry">/, '').replace(/<\/div>$/, '').trim();
  // "1. Gu, A." would start an ordered list in Markdown; Pandoc writes "1\. Gu, A.".
  if (format === 'markdown') text = text.replace(/^(\d+)([.)])(\s)/, '$1\\$2$3');
  return text.replace(/\s*\n\s*/g, ' ');
}
