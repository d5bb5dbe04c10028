import type { Paper } from '../library/paper';
import type { ReferenceOrder } from './citationStyle';
import { formatReference } from './formatReference';
import { splitMarkdownChunks } from './markdownChunks';
import { scanCitations, type CitationMatch } from './scanCitations';
import { positionAt, type TextEdit } from './textEdit';

export const REFERENCES_START_MARKER = '<!-- paper-notes:references:start -->';
export const REFERENCES_END_MARKER = '<!-- paper-notes:references:end -->';
export const REFERENCES_HEADING = '## References';

/** Finds a paper by citation key. */
export type PaperLookup = (key: string) => Paper | undefined;

/** Where the managed section sits: the marker lines and the list between them. */
interface ManagedSection {
  /** Offset of the start marker line. */
  readonly start: number;
  /** First offset after the start marker line. */
  readonly contentStart: number;
  /** Offset of the end marker line. */
  readonly contentEnd: number;
  /** First offset after the end marker. */
  readonly end: number;
}

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

/** Marker lines count only as their own HTML block, never inside code. */
function findMarkers(text: string): { start?: number; end?: number; starts: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  for (const chunk of splitMarkdownChunks(text)) {
    if (!chunk.opaque) continue;
    const firstLine = text.slice(chunk.start, chunk.end).split('\n', 1)[0]!.trim();
    if (firstLine === REFERENCES_START_MARKER) starts.push(chunk.start + text.slice(chunk.start).indexOf(REFERENCES_START_MARKER));
    if (firstLine === REFERENCES_END_MARKER) ends.push(chunk.start + text.slice(chunk.start).indexOf(REFERENCES_END_MARKER));
  }
  const start = starts[0];
  const end = start === undefined ? undefined : ends.find((offset) => offset > start);
  return { ...(start !== undefined ? { start } : {}), ...(end !== undefined ? { end } : {}), starts };
}

function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
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
  const markers = findMarkers(text);
  if (markers.start !== undefined && markers.end === undefined) {
    return { cited: [], unknownKeys: [], problem: { line: positionAt(text, markers.start).line + 1, message: `The references start marker has no end marker (${REFERENCES_END_MARKER}) after it.` } };
  }
  const section: ManagedSection | undefined =
    markers.start !== undefined && markers.end !== undefined
      ? { start: markers.start, contentStart: lineEnd(text, markers.start), contentEnd: markers.end, end: markers.end + REFERENCES_END_MARKER.length }
      : undefined;

  const citations = scanCitations(text);
  const skip = section ? { start: section.start, end: section.end } : undefined;
  const cited: Paper[] = [];
  const unknownKeys: string[] = [];
  for (const key of citedKeys(citations, skip)) {
    const paper = lookup(key);
    if (paper) cited.push(paper);
    else if (citations.some((citation) => citation.key === key && citation.syntax !== 'footnote')) unknownKeys.push(key);
  }
  if (order === 'alphabetical') cited.sort((a, b) => a.key.localeCompare(b.key, 'en', { sensitivity: 'base' }) || a.key.localeCompare(b.key));

  const list = renderList(cited);
  if (section) {
    if (text.slice(section.contentStart, section.contentEnd) === list) return { cited, unknownKeys };
    return { edit: { start: section.contentStart, end: section.contentEnd, newText: list }, cited, unknownKeys };
  }
  if (cited.length === 0) return { cited, unknownKeys };

  const block = `${REFERENCES_START_MARKER}\n${list}${REFERENCES_END_MARKER}\n`;
  const heading = findReferencesHeading(text);
  if (heading !== undefined) {
    const after = lineEnd(text, heading);
    const needsNewline = after === text.length && !text.endsWith('\n');
    const rest = text.slice(after);
    return { edit: { start: after, end: after, newText: `${needsNewline ? '\n' : ''}\n${block}${rest.trim() === '' || rest.startsWith('\n') ? '' : '\n'}` }, cited, unknownKeys };
  }
  const separator = text === '' || text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
  return { edit: { start: text.length, end: text.length, newText: `${separator}${REFERENCES_HEADING}\n\n${block}` }, cited, unknownKeys };
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
