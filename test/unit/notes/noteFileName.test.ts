import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { noteFileName, noteFileNames } from '../../../src/core/notes/noteFileName';

/** What Windows refuses: reserved device names (with any extension), these characters, controls, a trailing dot or space. */
function windowsRefuses(name: string): boolean {
  const stem = name.split('.')[0] ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are among the refused ones
  return /^(?:CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])$/i.test(stem) || /[\u0000-\u001F\\/:*?"<>|]/.test(name) || /[. ]$/.test(name);
}

describe('note file names', () => {
  const reserved = ['CON', 'con', 'NUL', 'Nul.backup', 'PRN', 'AUX', 'COM1', 'LPT9', 'COM¹'];
  for (const key of reserved) {
    it(`escapes the reserved Windows name ${key}`, () => {
      const name = noteFileName(key);
      assert.ok(!windowsRefuses(name), name);
      assert.ok(name.endsWith('.md'));
    });
  }

  it('shortens a 5,000-character key to a name far below the file system limit, with a stable hash', () => {
    const key = `k${'x'.repeat(4999)}`;
    const name = noteFileName(key);
    assert.ok(Buffer.byteLength(name, 'utf8') < 120, `${name.length} characters`);
    assert.match(name, /^kx+~[0-9a-f]{10}\.md$/);
    assert.equal(noteFileName(key), name);
    assert.notEqual(noteFileName(`${key}y`), name, 'another long key with the same start gets another name');
  });

  it('keeps multibyte keys under 255 bytes in UTF-8', () => {
    const name = noteFileName('ü'.repeat(3000));
    assert.ok(Buffer.byteLength(name, 'utf8') < 255, `${Buffer.byteLength(name, 'utf8')} bytes`);
  });

  it('never gives two distinct keys one name, and every name is one Windows can create', () => {
    const keyChars = fc.constantFrom('a', 'b', 'A', '-', '/', ':', '.', ' ', '~', '*', '?', 'C', 'O', 'N', '\u0001', 'é');
    fc.assert(
      fc.property(fc.uniqueArray(fc.array(keyChars, { minLength: 0, maxLength: 12 }).map((chars) => chars.join('')), { minLength: 2, maxLength: 8 }), (keys) => {
        const names = keys.map(noteFileName);
        assert.equal(new Set(names).size, keys.length, JSON.stringify(keys));
        for (const name of names) assert.ok(!windowsRefuses(name.slice(0, -3)) && !windowsRefuses(name), name);
      }),
      { numRuns: 2000 },
    );
  });

  it('resolves keys that differ only in case to different files and reports it', () => {
    const { names, collisions } = noteFileNames(['gu2023mamba', 'Gu2023Mamba', 'other']);
    assert.equal(names.get('Gu2023Mamba'), 'Gu2023Mamba.md', 'the first in code-unit order keeps its name');
    assert.match(names.get('gu2023mamba') ?? '', /^gu2023mamba~[0-9a-f]{10}\.md$/);
    assert.equal(names.get('other'), 'other.md');
    assert.deepEqual(collisions, [{ kept: 'Gu2023Mamba', renamed: 'gu2023mamba', name: names.get('gu2023mamba') }]);
    const folded = [...names.values()].map((name) => name.toLowerCase());
    assert.equal(new Set(folded).size, folded.length);
  });
});
