import type { Paper } from '../library/paper';
import type { CitationStyle } from './citationStyle';
import { escapeMarkdown, formatReference, paperLink, shortAuthors } from './formatReference';
import { isPlainPandocKey, scanCitations } from './scanCitations';
import { displayText } from '../text/readingText';

/** `@key`, or `@{key}` when the key has characters a bare Pandoc key cannot hold. */
export function pandocKey(key: string): string {
  return isPlainPandocKey(key) ? `@${key}` : `@{${key}}`;
}

/** How a citation is written beyond its style. */
export interface CitationFormatOptions {
  /**
   * False where the text around the citation already names the paper (a comparison table's row): the Markdown-link
   * style then links just `Author, Year`. The other styles are the same either way. Default true.
   */
  readonly withTitle?: boolean;
}

/**
 * `[Title (Author, Year)](https://arxiv.org/abs/ID)`, or `*Title (Author, Year)*` when the paper has no link;
 * without the title, `[Author, Year](…)` or `(Author, Year)`.
 */
export function markdownLinkCitation(paper: Paper, options: CitationFormatOptions = {}): string {
  const authorYear = `${escapeMarkdown(shortAuthors(paper.authors))}, ${paper.year ?? 'n.d.'}`;
  const link = paperLink(paper);
  if (options.withTitle === false) return link ? `[${authorYear}](${link})` : `(${authorYear})`;
  const label = `${escapeMarkdown(displayText(paper.title).replace(/\s+/g, ' ').trim())} (${authorYear})`;
  return link ? `[${label}](${link})` : `*${label}*`;
}

/**
 * The citation text for one or more papers in a style; several papers make one grouped citation:
 * `[@a; @b]`, `\cite{a,b}`, `[^a][^b]`, or Markdown links joined by `; `.
 */
export function formatCitation(papers: readonly Paper[], style: CitationStyle, options: CitationFormatOptions = {}): string {
  if (papers.length === 0) return '';
  switch (style) {
    case 'pandoc':
      return `[${papers.map((paper) => pandocKey(paper.key)).join('; ')}]`;
    case 'latex':
      return `\\cite{${papers.map((paper) => paper.key).join(',')}}`;
    case 'markdown-link':
      return papers.map((paper) => markdownLinkCitation(paper, options)).join('; ');
    case 'footnote':
      return papers.map((paper) => `[^${paper.key}]`).join('');
  }
}

/** `[^key]: <formatted reference>` — the footnote definition for the footnote style. */
export function footnoteDefinition(paper: Paper): string {
  return `[^${paper.key}]: ${formatReference(paper)}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True when the document already defines footnote `[^key]`. */
export function hasFootnoteDefinition(text: string, key: string): boolean {
  return new RegExp(`^ {0,3}\\[\\^${escapeRegExp(key)}\\]:`, 'm').test(text);
}

/** What inserting a citation does to a document: text at each cursor, and maybe text appended at the end. */
export interface CitationInsertion {
  /** Text to insert at each cursor offset, in the order of the offsets given. */
  readonly atCursors: readonly string[];
  /** Text to append at the end of the document (footnote definitions), once, or '' for none. */
  readonly atEnd: string;
}

/** The text a Pandoc citation needs at `offset` when the cursor already sits inside a `[@…]` group. */
function pandocIntoGroup(text: string, offset: number, papers: readonly Paper[]): string | undefined {
  const group = scanCitations(text).find((match) => match.syntax === 'pandoc-bracket' && match.group && match.group.start < offset && offset < match.group.end)?.group;
  if (!group) return undefined;
  const keys = papers.map((paper) => pandocKey(paper.key)).join('; ');
  const before = text.slice(group.start + 1, offset).trimEnd();
  if (before === '' || before.endsWith(';')) return `${text[offset - 1] === ';' ? ' ' : ''}${keys}`;
  return `; ${keys}`;
}

/**
 * Plans inserting a citation of `papers` at each cursor of `text` in `style`. Inside an existing Pandoc group the
 * keys join the group (`[@a; @b]`). Footnote definitions not yet in the document are appended once at its end.
 */
export function planCitationInsertion(text: string, offsets: readonly number[], papers: readonly Paper[], style: CitationStyle): CitationInsertion {
  const citation = formatCitation(papers, style);
  const atCursors = offsets.map((offset) => (style === 'pandoc' ? pandocIntoGroup(text, offset, papers) ?? citation : citation));
  return { atCursors, atEnd: style === 'footnote' ? missingFootnoteDefinitions(text, papers) : '' };
}

/**
 * The footnote definitions `text` lacks for `papers`, each once, as text to append at its end (starting after a
 * blank line), or '' when every paper is defined already. Used wherever footnote citations are written.
 */
export function missingFootnoteDefinitions(text: string, papers: readonly Paper[]): string {
  const missing = papers.filter((paper, index) => papers.findIndex((other) => other.key === paper.key) === index && !hasFootnoteDefinition(text, paper.key));
  if (missing.length === 0) return '';
  const separator = text === '' || text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
  return `${separator}${missing.map(footnoteDefinition).join('\n')}\n`;
}
