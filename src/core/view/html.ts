/** Escaping and URL checks for HTML built from untrusted corpus text. */

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for use between HTML tags. Quotes are escaped too, so the result is also safe in a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/**
 * Escapes a value for a double- or single-quoted attribute. Newlines and tabs become character references
 * so a `title` keeps its line breaks and no attribute value can close its quotes.
 */
export function escapeAttribute(value: string): string {
  return escapeHtml(value).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

function isControlOrSpace(char: string): boolean {
  const code = char.codePointAt(0)!;
  return code <= 0x20 || (code >= 0x7f && code <= 0x9f);
}

/**
 * True only for an absolute `http:` or `https:` URL. Everything else (`javascript:`, `command:`, `data:`,
 * `file:`, relative paths, URLs with control characters or credentials) is refused.
 */
export function isSafeExternalUrl(url: string): boolean {
  // Browsers strip tabs and newlines inside URLs, which lets "java\tscript:" through naive checks; refuse them outright.
  if (url.length === 0 || url.length > 4096 || [...url].some(isControlOrSpace)) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  return parsed.hostname.length > 0;
}
