// Note file names that every OS can create and that never map two keys to one note.

/** Characters Windows (and some other systems) refuse in a file name, and control characters. */
// eslint-disable-next-line no-control-regex -- control characters are among the refused ones
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\\/:*?"<>|]/g;
/** Device names Windows reserves whatever the extension (`CON.md` cannot be created). */
const RESERVED = /^(?:CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])$/i;
/** Longest name kept before the hash; with the hash and `.md` it stays far below the usual 255-byte limit in UTF-8. */
const MAX_STEM = 80;

/** A stable 53-bit hash of the key (cyrb53), as 10 hex digits: the same key gives the same name on every machine. */
export function stableHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0').slice(-10);
}

/**
 * The note file name for a citation key. A key that is a safe file name as it is keeps it (`gu2023mamba.md`).
 * Otherwise the name is made safe — characters a file system refuses become `-`, leading dots and trailing dots and
 * spaces go, a reserved Windows name gets `_`, a long key is cut — and `~` plus a hash of the whole key is added, so
 * two keys never share a name (`a/b` -> `a-b~<hash>.md`, while `a-b` stays `a-b.md`). A key holding `~` is always
 * hashed, so no plain name can look like a hashed one.
 */
export function noteFileName(key: string): string {
  let stem = key.replace(UNSAFE, '-').replace(/^\.+/, '').replace(/[. ]+$/, '');
  if (RESERVED.test(stem.split('.')[0] ?? '')) stem = stem.replace(/^([^.]*)/, '$1_');
  if (stem.length > MAX_STEM) stem = stem.slice(0, MAX_STEM).replace(/[. ]+$/, '');
  if (stem === key && !key.includes('~') && key !== '') return `${key}.md`;
  return `${stem === '' ? 'note' : stem}~${stableHash(key)}.md`;
}

/** Keys whose notes would share a file on a case-insensitive file system (Windows, macOS), and how that was resolved. */
export interface NoteNameCollision {
  /** The key that keeps the plain name: the first in code-unit order. */
  readonly kept: string;
  /** The key that got a hashed name instead, and that name. */
  readonly renamed: string;
  readonly name: string;
}

/**
 * Note names for a whole library. Names differ only in letter case for keys such as `Gu2023` and `gu2023`, and those
 * are one file on Windows and macOS; the first key (in code-unit order) keeps its name, every other gets its key's
 * hash added, and each such case is returned to be reported.
 */
export function noteFileNames(keys: Iterable<string>): { names: Map<string, string>; collisions: NoteNameCollision[] } {
  const names = new Map<string, string>();
  const collisions: NoteNameCollision[] = [];
  const owner = new Map<string, string>();
  for (const key of [...new Set(keys)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    let name = noteFileName(key);
    const folded = name.toLowerCase();
    const kept = owner.get(folded);
    if (kept !== undefined) {
      name = `${name.slice(0, -'.md'.length)}~${stableHash(key)}.md`;
      collisions.push({ kept, renamed: key, name });
    } else {
      owner.set(folded, key);
    }
    names.set(key, name);
  }
  return { names, collisions };
}
