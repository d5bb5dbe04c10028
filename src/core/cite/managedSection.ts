import { splitMarkdownChunks } from './markdownChunks';

// How a managed section (text a command owns between two marker comments) is found and laid out. What the section
// contains is the caller's business; this module only decides where it is, refuses ambiguity, and keeps the
// document's indentation, list nesting, line endings and byte-order mark.

/** The marker comments that open and close a managed section. */
export interface SectionMarkers {
  readonly start: string;
  readonly end: string;
}

/** A managed section: its content lies between the start marker's line and the end marker's line. */
export interface ManagedSection {
  /** Offset where the start marker's line begins. */
  readonly start: number;
  /** First offset after the start marker's line break. */
  readonly contentStart: number;
  /** Offset where the end marker's line begins (its indentation stays). */
  readonly contentEnd: number;
  /** First offset after the end marker. */
  readonly end: number;
  /** The start marker line's indentation: list lines get it, so a section inside a list item stays inside it. */
  readonly indent: string;
}

/** A reason to change nothing, at a 1-based line. */
export interface SectionProblem {
  readonly line: number;
  readonly message: string;
}

export interface SectionSearch {
  readonly section?: ManagedSection;
  readonly problem?: SectionProblem;
}

interface Line {
  readonly start: number;
  /** Offset of the line break (or the end of the text). */
  readonly end: number;
  /** After the line break. */
  readonly next: number;
}

/** Lines split at `\r\n`, `\r` or `\n`, as editors do. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const breaks = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = breaks.exec(text); m !== null; m = breaks.exec(text)) {
    lines.push({ start, end: m.index, next: m.index + m[0].length });
    start = m.index + m[0].length;
  }
  lines.push({ start, end: text.length, next: text.length });
  return lines;
}

/** The document's line ending: that of its first line break (`\n` when it has none). */
export function documentEol(text: string): '\n' | '\r\n' | '\r' {
  const m = /\r\n|\r|\n/.exec(text);
  return m === null ? '\n' : (m[0] as '\n' | '\r\n' | '\r');
}

/**
 * Text written with `\n` (what formatters produce) laid out for the document: every non-empty line indented like the
 * section's start marker, every line break the document's own.
 */
export function layoutLines(text: string, indent: string, eol: string): string {
  return text.replace(/[^\n]*\n|[^\n]+$/g, (line) => {
    const body = line.endsWith('\n') ? line.slice(0, -1) : line;
    return `${body === '' ? '' : indent}${body}${line.endsWith('\n') ? eol : ''}`;
  });
}

/** Ranges of fenced code and front matter, where a marker-like line is only text. */
function codeRanges(text: string): { start: number; end: number }[] {
  // Chunking reads `\n` line breaks; a lone `\r` is one too (same length, so offsets hold).
  const normalised = text.replace(/\r(?!\n)/g, '\n');
  return splitMarkdownChunks(normalised).filter((chunk) => chunk.opaque && /^(?: {0,3}(?:`{3,}|~{3,})|---)/.test(normalised.slice(chunk.start, chunk.start + 8)));
}

const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

/**
 * Finds the one managed section of a document. Refuses (a problem, nothing found) when the markers are ambiguous:
 * more than one start or end marker, an end before the start, a start without an end, or text between them that is
 * not a list (it would be lost when the list is rewritten). A marker may be indented (inside a list item) and may
 * follow a byte-order mark; a marker inside fenced code does not count.
 */
export function findManagedSection(text: string, markers: SectionMarkers): SectionSearch {
  const code = codeRanges(text);
  const inCode = (offset: number): boolean => code.some((range) => offset >= range.start && offset < range.end);
  const lines = splitLines(text);
  const starts: number[] = [];
  const ends: number[] = [];
  lines.forEach((line, index) => {
    // trim() also drops a byte-order mark.
    const content = text.slice(line.start, line.end).trim();
    if (content === markers.start && !inCode(line.start)) starts.push(index);
    else if (content === markers.end && !inCode(line.start)) ends.push(index);
  });
  const lineList = (indexes: readonly number[]): string => indexes.map((index) => index + 1).join(', ');
  if (starts.length > 1) {
    return { problem: { line: starts[1]! + 1, message: `There are ${starts.length} references start markers (lines ${lineList(starts)}); keep exactly one ${markers.start} … ${markers.end} pair. Nothing was changed.` } };
  }
  if (ends.length > 1) {
    return { problem: { line: ends[1]! + 1, message: `There are ${ends.length} references end markers (lines ${lineList(ends)}); keep exactly one ${markers.start} … ${markers.end} pair. Nothing was changed.` } };
  }
  const [startIndex] = starts;
  const [endIndex] = ends;
  if (startIndex === undefined && endIndex === undefined) return {};
  if (startIndex === undefined) {
    return { problem: { line: endIndex! + 1, message: `The references end marker has no start marker (${markers.start}) before it. Nothing was changed.` } };
  }
  if (endIndex === undefined || endIndex < startIndex) {
    return { problem: { line: startIndex + 1, message: `The references start marker has no end marker (${markers.end}) after it. Nothing was changed.` } };
  }
  const startLine = lines[startIndex]!;
  const indent = /^\uFEFF?([ \t]*)/.exec(text.slice(startLine.start, startLine.end))![1]!;
  for (let index = startIndex + 1; index < endIndex; index++) {
    const line = lines[index]!;
    const content = text.slice(line.start, line.end);
    const continuation = content.startsWith(`${indent}  `) || content.startsWith(`${indent}\t`);
    if (content.trim() !== '' && !LIST_ITEM.test(content) && !continuation) {
      const shown = content.trim();
      return {
        problem: {
          line: index + 1,
          message: `Line ${index + 1} between the references markers is not part of the list ("${shown.length > 40 ? `${shown.slice(0, 39)}…` : shown}"), and updating would delete it; move it outside the markers. Nothing was changed.`,
        },
      };
    }
  }
  const endLine = lines[endIndex]!;
  return {
    section: {
      start: startLine.start,
      contentStart: startLine.next,
      contentEnd: endLine.start,
      end: endLine.start + text.slice(endLine.start, endLine.end).indexOf(markers.end) + markers.end.length,
      indent,
    },
  };
}
