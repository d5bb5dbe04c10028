// Corpus text is untrusted: these keep it inert wherever it is shown outside the webview (tree items, quick picks,
// Problems, notifications, window titles, the terminal). The webview escapes HTML itself (see html.ts).

/** C0 controls but tab and line breaks, DEL, and C1 controls: never meaningful in a title, an author or an abstract. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/** C0/C1 controls and line breaks, for text shown on one line. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_AND_BREAKS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g;

/** Embeddings, overrides and isolates: they reorder the text around them ("‮gnp.exe" shows as "exe.png"). */
const BIDI_CONTROLS: Readonly<Record<string, string>> = {
  '\u202A': 'LRE', '\u202B': 'RLE', '\u202C': 'PDF', '\u202D': 'LRO', '\u202E': 'RLO',
  '\u2066': 'LRI', '\u2067': 'RLI', '\u2068': 'FSI', '\u2069': 'PDI',
};
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/g;

/** Input cleaning for corpus text: drops C0/C1 control characters (escape sequences among them), keeps tab and line breaks. */
export function stripControlChars(text: string): string {
  return text.replace(CONTROL_CHARS, '');
}

/**
 * Corpus text for a plain-text surface of the workbench or the terminal: control characters and line breaks become
 * spaces, bidi embeddings, overrides and isolates are shown by name (`[RLO]`) instead of reordering what follows,
 * and the workbench's own syntaxes — `$(icon)` in labels, `[text](link)` in notifications — are broken with a
 * zero-width space, so the text reads the same but never becomes an icon or a link.
 */
export function inertText(text: string): string {
  return visibleText(text)
    .replace(/\$\(/g, '$\u200b(')
    .replace(/\]\(/g, ']\u200b(');
}

/** One line of text with control characters as spaces and bidi controls shown by name (see `inertText`). */
export function visibleText(text: string): string {
  return text.replace(CONTROL_AND_BREAKS, ' ').replace(BIDI_CONTROL, (char) => `[${BIDI_CONTROLS[char] ?? 'BIDI'}]`);
}
