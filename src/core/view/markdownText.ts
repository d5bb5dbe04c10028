import { visibleText } from './inertText';

/**
 * Backslash-escapes the ASCII punctuation that Markdown gives meaning to (links, images, HTML, emphasis, code,
 * headings, lists, tables, entities), so corpus text in a Markdown tooltip renders as the same text and stays inert.
 * Runs of whitespace, line breaks included, fold into one space so a tooltip line stays one line.
 * `<` and `&` are also followed by a zero-width space: when the workbench shows a tooltip as plain text it drops the
 * backslashes and decodes entities, and a `<` then directly followed by a tag name would be read as HTML.
 */
export function escapeMarkdownText(text: string): string {
  return visibleText(text)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_{}[\]()#+\-!<>|~&]/g, (char) => (char === '<' || char === '&' ? `\\${char}\u200b` : `\\${char}`));
}

/** A paper's short name for compact lists: the part of the title before a colon ("Mamba: Linear-Time …" -> "Mamba"). */
export function shortTitle(title: string, maxLength = 32): string {
  const clean = title.replace(/\s+/g, ' ').trim();
  const colon = clean.indexOf(':');
  const head = colon > 0 && colon <= maxLength + 8 ? clean.slice(0, colon) : clean;
  return head.length > maxLength ? `${head.slice(0, maxLength - 1).trimEnd()}…` : head;
}
