import { latexToUnicode } from './latexToUnicode';

/** Splits `text` at top-level (brace depth 0) matches of `separator`. */
function splitTopLevel(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let partStart = 0;
  const pattern = new RegExp(separator.source, separator.flags.includes('g') ? separator.flags : `${separator.flags}g`);
  let match: RegExpExecArray | null;
  let scanned = 0;
  while ((match = pattern.exec(text)) !== null) {
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
    if (match[0].length === 0) {
      pattern.lastIndex++;
    }
  }
  parts.push(text.slice(partStart));
  return parts;
}

/**
 * Display names ("Given von Family Jr") from a raw BibTeX name list: split on top-level " and ", "Last, First" and
 * "von Last, Jr, First" reordered, `{Braced Org}` kept whole, LaTeX decoded. `and others` (et al.) is dropped.
 */
export function bibtexNames(raw: string): string[] {
  const names: string[] = [];
  for (const rawName of splitTopLevel(raw, /\s+and\s+/i)) {
    const parts = splitTopLevel(rawName, /,/).map(latexToUnicode);
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
