import { latexToUnicode, type LatexContext } from './latexToUnicode';

const AND = /\s+and\s+/gi;
const COMMA = /,/g;

/** Splits `text` at top-level (brace depth 0) matches of the global regex `separator`. */
function splitTopLevel(text: string, separator: RegExp): string[] {
  if (text.indexOf('{') < 0) {
    return text.split(separator);
  }
  const parts: string[] = [];
  let depth = 0;
  let partStart = 0;
  let scanned = 0;
  separator.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = separator.exec(text)) !== null) {
    for (; scanned < match.index; scanned++) {
      const code = text.charCodeAt(scanned);
      if (code === 92 /* \ */) {
        scanned++;
      } else if (code === 123) {
        depth++;
      } else if (code === 125 && depth > 0) {
        depth--;
      }
    }
    if (depth === 0) {
      parts.push(text.slice(partStart, match.index));
      partStart = match.index + match[0].length;
    }
  }
  parts.push(text.slice(partStart));
  return parts;
}

/**
 * Display names ("Given von Family Jr") from a raw BibTeX name list: split on top-level " and ", "Last, First" and
 * "von Last, Jr, First" reordered, `{Braced Org}` kept whole, LaTeX decoded. `and others` (et al.) is dropped.
 */
export function bibtexNames(raw: string, context: LatexContext = {}): string[] {
  const names: string[] = [];
  for (const rawName of splitTopLevel(raw, AND)) {
    const decode = (part: string): string => latexToUnicode(part, context);
    const parts = rawName.indexOf(',') < 0 ? [decode(rawName)] : splitTopLevel(rawName, COMMA).map(decode);
    let display: string;
    if (parts.length === 1) {
      display = parts[0];
    } else if (parts.length === 2) {
      display = [parts[1], parts[0]].filter((part) => part.length > 0).join(' ');
    } else {
      display = [parts.slice(2).join(', '), parts[0], parts[1]].filter((part) => part.length > 0).join(' ');
    }
    if (display.length > 0 && display.toLowerCase() !== 'others') {
      names.push(display);
    }
  }
  return names;
}
