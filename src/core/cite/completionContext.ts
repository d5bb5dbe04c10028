import { isOpaqueAt } from './markdownChunks';

/** Where a citation key is being typed, and what to replace when a completion is accepted. */
export interface CitationCompletionContext {
  /** What has been typed of the key so far. */
  readonly prefix: string;
  /** Offsets of the key text to replace (the typed prefix and any key characters right after the cursor). */
  readonly start: number;
  readonly end: number;
  /** `pandoc` after `@`, `latex` inside `\cite{…}`. */
  readonly syntax: 'pandoc' | 'latex';
  /** True inside a `[...]` group, where `;` continues the group. */
  readonly inGroup: boolean;
}

const KEY_CHARS_BEFORE = /(?<![\p{L}\p{N}_.@\\/:=+])(-?)@([\p{L}\p{N}_:.#$%&\-+?<>~/]*)$/u;
const KEY_REST_AFTER = /^(?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*/u;
const LATEX_OPEN = /\\[A-Za-z]*cite[A-Za-z]*\*?(?:[ \t]*\[[^\]\n]*\]){0,2}[ \t]*\{([^{}\n]*)$/;
const LATEX_REST_AFTER = /^[^,}\s]*/;

/**
 * Decides whether a citation key is being typed at `offset`: after `@` at a word start (also `[@`, `-@`, and
 * after `;` in a group), or inside a LaTeX `\cite{…}` after `{` or `,`. Returns nothing inside e-mail addresses,
 * URLs, inline code, fenced or indented code and HTML.
 */
export function citationCompletionContext(text: string, offset: number): CitationCompletionContext | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);

  const latex = LATEX_OPEN.exec(before);
  if (latex) {
    const typed = latex[1]!.slice(latex[1]!.lastIndexOf(',') + 1).trimStart();
    const rest = LATEX_REST_AFTER.exec(text.slice(offset))![0];
    if (isOpaqueAt(text, offset)) return undefined;
    return { prefix: typed, start: offset - typed.length, end: offset + rest.length, syntax: 'latex', inGroup: true };
  }

  const pandoc = KEY_CHARS_BEFORE.exec(before);
  if (!pandoc) return undefined;
  const typed = pandoc[2]!;
  const rest = KEY_REST_AFTER.exec(text.slice(offset))![0];
  if (isOpaqueAt(text, offset)) return undefined;
  const beforeAt = before.slice(0, pandoc.index);
  const open = beforeAt.lastIndexOf('[');
  const inGroup = open !== -1 && !beforeAt.slice(open).includes(']');
  return { prefix: typed, start: offset - typed.length, end: offset + rest.length, syntax: 'pandoc', inGroup };
}
