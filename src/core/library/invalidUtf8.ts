import type { LibraryDiagnostic } from './paper';

/**
 * The 1-based lines holding bytes that are not valid UTF-8 (each line once, at most `limit`). A decoder turns those
 * bytes into U+FFFD silently; the library reports them instead, so a Latin-1 file does not lose its accents unnoticed.
 */
export function invalidUtf8Lines(bytes: Uint8Array, limit = 10): number[] {
  const lines: number[] = [];
  let line = 1;
  const flag = (): void => {
    if (lines[lines.length - 1] !== line) lines.push(line);
  };
  for (let i = 0; i < bytes.length && lines.length < limit;) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      if (lead === 0x0a) line++;
      i++;
      continue;
    }
    // Length and the allowed range of the second byte (no overlongs, no surrogates, nothing above U+10FFFF).
    let length = 0;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    }
    let valid = length > 0;
    for (let k = 1; valid && k < length; k++) {
      const next = bytes[i + k];
      valid = next !== undefined && next >= (k === 1 ? low : 0x80) && next <= (k === 1 ? high : 0xbf);
    }
    if (valid) i += length;
    else {
      flag();
      i++;
    }
  }
  return lines;
}

/** A warning at each line of `file` holding bytes that are not UTF-8. */
export function invalidUtf8Diagnostics(bytes: Uint8Array, file: string): LibraryDiagnostic[] {
  return invalidUtf8Lines(bytes).map((line) => ({ file, line, severity: 'warning', message: invalidUtf8Message() }));
}

/** The warning for a file with invalid UTF-8 at `line`. */
export function invalidUtf8Message(): string {
  return 'this line is not valid UTF-8 (is the file saved as Latin-1 or Windows-1252?); its unreadable bytes show as "\uFFFD". Save the file as UTF-8.';
}
