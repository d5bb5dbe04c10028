import type { Paper } from '../library/paper';
import type { ReferenceOrder } from './citationStyle';
import { formatReference } from './formatReference';
import { documentEol, findManagedSection, layoutLines } from './managedSection';
import { splitMarkdownChunks } from './markdownChunks';
import { scanCitations, type CitationMatch } from './scanCitations';
import type { TextEdit } from './textEdit';

export const REFERENCES_START_MARKER = '<!-- paper-notes:references:start -->';
export const REFERENCES_END_MARKER = '<!-- paper-notes:references:end -->';
export const REFERENCES_HEADING = '## References';

/** Finds a paper by citation key. */
export type PaperLookup = (key: string) => Paper | undefined;

export interface ReferencesUpdate {
  /** The single edit that brings the section up to date; absent when it already is (or nothing is cited). */
  readonly edit?: TextEdit;
  /** Cited papers in the order the section lists them. */
  readonly cited: readonly Paper[];
  /** Keys cited with `@` or `\cite` that the library does not know, in first-citation order. */
  readonly unknownKeys: readonly string[];
  /** A problem that stopped the update, with its 1-based line. */
  readonly problem?: { readonly line: number; readonly message: string };
}

/** Offset just after the line break that ends the line holding `offset` (any of `\r\n`, `\r`, `\n`). */
function lineEnd(text: string, offset: number): number {
  const m = /\r\n|\r|\n/g;
  m.lastIndex = offset;
  const found = m.exec(text);
  return found === null ? text.length : found.index + found[0].length;
}

/** The keys a document cites, once each, in first-citation order, with citations inside `skip` left out. */
export function citedKeys(citations: readonly CitationMatch[], skip?: { start: number; end: number }): string[] {
  const keys = new Set<string>();
  for (const citation of citations) {
    if (skip && citation.start >= skip.start && citation.end <= skip.end) continue;
    keys.add(citation.key);
  }
  return [...keys];
}

/** The Markdown list the managed section holds (one `- ` line per paper, each ending in a newline). */
export function renderReferenceList(papers: readonly Paper[]): string {
  return papers.map((paper) => `- ${formatReference(paper)}\n`).join('');
}

/**
 * Brings a document's managed References section up to date with the papers it cites, as one minimal edit.
 * The list lives between {@link REFERENCES_START_MARKER} and {@link REFERENCES_END_MARKER}; text outside them is
 * never changed. Without markers, the section goes under an existing `## References` heading, or is appended
 * with one. Citations in code are ignored (the document is parsed with remark). Running it twice changes nothing.
 * A CSL style's own bibliography order (APA sorts by author) wins over `order`.
 * Footnote references count only when they name a known paper, since most footnotes are not citations.
 */
export function updateReferences(
  text: string,
  lookup: PaperLookup,
  order: ReferenceOrder,
  /** Writes the list between the markers; a CSL style's (csl/renderNote.ts `cslReferenceList`), else the house format. */
  renderList: (papers: readonly Paper[]) => string = renderReferenceList,
): ReferencesUpdate {
  const found = findManagedSection(text, { start: REFERENCES_START_MARKER, end: REFERENCES_END_MARKER });
  if (found.problem) return { cited: [], unknownKeys: [], problem: found.problem };
  const section = found.section;

  // Citations are read with `\n` line breaks; a lone `\r` becomes one (same length, so offsets hold).
  const analysed = text.replace(/\r(?!\n)/g, '\n');
  const citations = scanCitations(analysed);
  const skip = section ? { start: section.start, end: section.end } : undefined;
  const cited: Paper[] = [];
  const unknownKeys: string[] = [];
  for (const key of citedKeys(citations, skip)) {
    const paper = lookup(key);
    if (paper) cited.push(paper);
    else if (citations.some((citation) => citation.key === key && citation.syntax !== 'footnote')) unknownKeys.push(key);
  }
  if (order === 'alphabetical') cited.sort((a, b) => a.key.localeCompare(b.key, 'en', { sensitivity: 'base' }) || a.key.localeCompare(b.key));

  const eol = documentEol(text);
  const list = renderList(cited);
  if (section) {
    const laidOut = layoutLines(list, section.indent, eol);
    if (text.slice(section.contentStart, section.contentEnd) === laidOut) return { cited, unknownKeys };
    return { edit: { start: section.contentStart, end: section.contentEnd, newText: laidOut }, cited, unknownKeys };
  }
  if (cited.length === 0) return { cited, unknownKeys };

  const block = `${REFERENCES_START_MARKER}\n${list}${REFERENCES_END_MARKER}\n`;
  const heading = findReferencesHeading(analysed);
  if (heading !== undefined) {
    const after = lineEnd(text, heading);
    const needsNewline = after === text.length && !/[\r\n]$/.test(text);
    const rest = analysed.slice(after);
    const newText = `${needsNewline ? '\n' : ''}\n${block}${rest.trim() === '' || /^\r?\n/.test(rest) ? '' : '\n'}`;
    return { edit: { start: after, end: after, newText: layoutLines(newText, '', eol) }, cited, unknownKeys };
  }
  const separator = text === '' || /(?:\r\n|\r|\n){2}$/.test(text) ? '' : /[\r\n]$/.test(text) ? '\n' : '\n\n';
  return { edit: { start: text.length, end: text.length, newText: layoutLines(`${separator}${REFERENCES_HEADING}\n\n${block}`, '', eol) }, cited, unknownKeys };
}

/** Offset of an existing `# References` / `## Bibliography` heading line outside code, if any. */
function findReferencesHeading(text: string): number | undefined {
  const heading = /^ {0,3}#{1,6}[ \t]+(?:References|Bibliography)[ \t#]*$/gim;
  const chunks = splitMarkdownChunks(text).filter((chunk) => chunk.opaque);
  for (let m = heading.exec(text); m; m = heading.exec(text)) {
    const offset = m.index;
    if (!chunks.some((chunk) => offset >= chunk.start && offset < chunk.end)) return offset;
  }
  return undefined;
}
