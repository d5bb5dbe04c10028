import type { Paper } from '../../library/paper';
import { splitMarkdownChunks } from '../markdownChunks';
import { parsePandocCitations, type PandocCitation } from '../pandocCitations';
import { REFERENCES_END_MARKER, REFERENCES_START_MARKER } from '../referencesSection';
import type { CitationFormatter, CslOutputFormat, RenderedCitations } from './citationFormatter';

export type PaperLookup = (key: string) => Paper | undefined;

export interface FormattedNote {
  /** Each Pandoc citation of the note with its formatted text, in document order. */
  readonly citations: ReadonlyArray<{ readonly citation: PandocCitation; readonly text: string }>;
  readonly rendered: RenderedCitations;
}

/** Formats every Pandoc citation of a note, in one pass so numbering and disambiguation see the whole note. */
export function formatNoteCitations(text: string, formatter: CitationFormatter, lookup: PaperLookup, format: CslOutputFormat): FormattedNote {
  const citations = parsePandocCitations(text);
  const rendered = formatter.render(citations, lookup, format);
  return { citations: citations.map((citation, i) => ({ citation, text: rendered.citations[i]! })), rendered };
}

/** The managed References list in the formatter's style: one Markdown list item per entry. */
export function cslReferenceList(formatter: CitationFormatter): (papers: readonly Paper[]) => string {
  return (papers) => formatter.bibliography(papers, 'markdown').map((entry) => `- ${entry.text}\n`).join('');
}

/** `::: {#refs}` (Pandoc's place for the bibliography), outside code. */
const REFS_DIV = /^:::+[ \t]*\{[^}\n]*#refs\b[^}\n]*\}[ \t]*\n(?:[ \t]*\n)*(:::+)[ \t]*(?:\n|$)/m;

/**
 * The note as `pandoc --citeproc -t markdown` prints it: every Pandoc citation formatted in the style, and the
 * bibliography in a `::: {#refs}` div where the note has one, else between our References markers, else at the end.
 * A superscript citation takes the place of the space before it, as Pandoc places it.
 */
export function renderNote(text: string, formatter: CitationFormatter, lookup: PaperLookup): string {
  const { citations, rendered } = formatNoteCitations(text, formatter, lookup, 'markdown');
  let out = '';
  let cursor = 0;
  for (const { citation, text: formatted } of citations) {
    let before = text.slice(cursor, citation.start);
    if (formatted.startsWith('^')) before = before.replace(/[ \t]+$/, '');
    out += before + formatted;
    cursor = citation.end;
  }
  out += text.slice(cursor);

  const entries = rendered.bibliography;
  const div = entries.map((entry) => `::: {#ref-${entry.key} .csl-entry}\n${entry.text}\n:::\n`).join('\n');
  const refs = findOutsideCode(out, REFS_DIV);
  if (refs !== undefined) {
    return `${out.slice(0, refs.start)}::: {#refs .references .csl-bib-body}\n${div}:::\n${out.slice(refs.end)}`;
  }
  const start = out.indexOf(`${REFERENCES_START_MARKER}\n`);
  const end = start < 0 ? -1 : out.indexOf(REFERENCES_END_MARKER, start);
  if (start >= 0 && end > start) {
    const list = entries.map((entry) => `- ${entry.text}\n`).join('');
    return `${out.slice(0, start + REFERENCES_START_MARKER.length + 1)}${list}${out.slice(end)}`;
  }
  if (entries.length === 0) return out;
  const separator = out.endsWith('\n\n') ? '' : out.endsWith('\n') ? '\n' : '\n\n';
  return `${out}${separator}::: {#refs .references .csl-bib-body}\n${div}:::\n`;
}

function findOutsideCode(text: string, pattern: RegExp): { start: number; end: number } | undefined {
  const m = pattern.exec(text);
  if (!m) return undefined;
  const inCode = splitMarkdownChunks(text).some((chunk) => chunk.opaque && m.index >= chunk.start && m.index < chunk.end && /^(?:[ \t]*(?:```|~~~)| {4})/.test(text.slice(chunk.start, chunk.end)));
  return inCode ? undefined : { start: m.index, end: m.index + m[0].length };
}
