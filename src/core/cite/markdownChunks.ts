import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes } from 'mdast';

/** A half-open UTF-16 range `[start, end)` in a document. */
export interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

/**
 * A top-level slice of a Markdown document that CommonMark parses the same way on its own as inside the whole
 * document. `opaque` chunks (front matter, fenced code, raw HTML blocks) can never hold a citation.
 */
export interface MarkdownChunk extends OffsetRange {
  readonly opaque: boolean;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
// CommonMark HTML block kinds 1-5 run until an end marker, even across blank lines.
const HTML_BLOCKS: ReadonlyArray<{ readonly open: RegExp; readonly close: RegExp }> = [
  { open: /^ {0,3}<(?:script|pre|style|textarea)(?:\s|>|$)/i, close: /<\/(?:script|pre|style|textarea)>/i },
  { open: /^ {0,3}<!--/, close: /-->/ },
  { open: /^ {0,3}<\?/, close: /\?>/ },
  { open: /^ {0,3}<![A-Za-z]/, close: />/ },
  { open: /^ {0,3}<!\[CDATA\[/, close: /\]\]>/ },
];

/**
 * Splits a Markdown document into chunks at blank lines followed by an unindented line, keeping fenced code,
 * HTML blocks and YAML front matter whole. Parsing each chunk alone gives the same block structure as parsing
 * the whole document (lists, block quotes and paragraphs all end there), so callers can parse only the chunks
 * they need — a 1 MB note costs a line scan, not a full parse.
 */
export function splitMarkdownChunks(text: string): MarkdownChunk[] {
  const chunks: MarkdownChunk[] = [];
  let chunkStart = 0;
  let offset = 0;
  let previousBlank = true;

  const closeChunk = (end: number): void => {
    if (end > chunkStart) chunks.push({ start: chunkStart, end, opaque: false });
    chunkStart = end;
  };
  const pushOpaque = (start: number, end: number): void => {
    closeChunk(start);
    chunks.push({ start, end, opaque: true });
    chunkStart = end;
  };

  const nextLine = (from: number): { line: string; end: number } => {
    const newline = text.indexOf('\n', from);
    const end = newline === -1 ? text.length : newline + 1;
    return { line: text.slice(from, newline === -1 ? text.length : newline).replace(/\r$/, ''), end };
  };

  // YAML front matter: only at the very start of the document.
  if (text.startsWith('---')) {
    const first = nextLine(0);
    if (first.line.trimEnd() === '---') {
      let cursor = first.end;
      while (cursor < text.length) {
        const { line, end } = nextLine(cursor);
        cursor = end;
        if (/^(?:---|\.\.\.)\s*$/.test(line)) {
          pushOpaque(0, cursor);
          offset = cursor;
          break;
        }
      }
    }
  }

  while (offset < text.length) {
    const { line, end } = nextLine(offset);
    const blank = line.trim() === '';
    const unindented = !blank && !/^(?: {4}|\t| {1,3}\t)/.test(line);

    if (unindented) {
      const fence = FENCE_OPEN.exec(line);
      if (fence && !(fence[1]!.startsWith('`') && fence[2]!.includes('`'))) {
        const marker = fence[1]!;
        const close = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
        let cursor = end;
        while (cursor < text.length) {
          const next = nextLine(cursor);
          cursor = next.end;
          if (close.test(next.line)) break;
        }
        pushOpaque(offset, cursor);
        offset = cursor;
        previousBlank = false;
        continue;
      }
      const html = HTML_BLOCKS.find((kind) => kind.open.test(line));
      if (html) {
        let cursor = offset;
        while (cursor < text.length) {
          const next = nextLine(cursor);
          cursor = next.end;
          if (html.close.test(next.line)) break;
        }
        pushOpaque(offset, cursor);
        offset = cursor;
        previousBlank = false;
        continue;
      }
      if (previousBlank) closeChunk(offset);
    }
    previousBlank = blank;
    offset = end;
  }
  closeChunk(text.length);
  return chunks;
}

// Characters whose absence means a chunk can hold no code span, indented code, HTML or link: no parse needed.
const NEEDS_PARSE = /[`<]|\]\(|\]:|\n(?: {4}|\t)/;

/** A range that cannot hold a citation; `block` ranges (code blocks, HTML blocks) also own their end offset. */
export interface OpaqueRange extends OffsetRange {
  readonly block: boolean;
}

const BLOCK_NODES = new Set(['code', 'html']);

/** Mdast node types whose source text can never be a citation. */
const OPAQUE_NODES = new Set(['code', 'inlineCode', 'html', 'link', 'image', 'definition']);

/**
 * Ranges of a chunk (offsets relative to the whole document) that cannot hold a citation: code, inline code,
 * raw HTML (including comments), links, images and link definitions. Parses with remark's parser only when the
 * chunk could contain one of those.
 */
export function opaqueRangesInChunk(text: string, chunk: OffsetRange): OpaqueRange[] {
  const source = text.slice(chunk.start, chunk.end);
  if (!NEEDS_PARSE.test(source) && !/^(?: {4}|\t)/.test(source)) return [];
  const ranges: OpaqueRange[] = [];
  const visit = (node: Nodes): void => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (OPAQUE_NODES.has(node.type) && start !== undefined && end !== undefined) {
      ranges.push({ start: chunk.start + start, end: chunk.start + end, block: BLOCK_NODES.has(node.type) && node.position?.start.column === 1 });
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(fromMarkdown(source));
  return ranges;
}

/** All ranges of `text` where no citation can occur (see {@link opaqueRangesInChunk}), in document order. */
export function opaqueRanges(text: string): OpaqueRange[] {
  const ranges: OpaqueRange[] = [];
  for (const chunk of splitMarkdownChunks(text)) {
    if (chunk.opaque) ranges.push({ start: chunk.start, end: chunk.end, block: true });
    else ranges.push(...opaqueRangesInChunk(text, chunk));
  }
  return ranges;
}

/** True when `offset` lies inside code, HTML, a link or front matter; parses only the chunk around it. */
export function isOpaqueAt(text: string, offset: number): boolean {
  for (const chunk of splitMarkdownChunks(text)) {
    if (offset < chunk.start || offset > chunk.end) continue;
    if (chunk.opaque) {
      // A chunk that runs to the end of the text without a final newline is still open (an unclosed fence).
      if (offset > chunk.start && (offset < chunk.end || (offset === text.length && !text.endsWith('\n')))) return true;
      continue;
    }
    if (opaqueRangesInChunk(text, chunk).some((range) => offset > range.start && (offset < range.end || (range.block && offset === range.end)))) return true;
  }
  return false;
}
