import { strict as assert } from 'node:assert';
import { scanCitations, citationAt, CitationScanCache, isPlainPandocKey, type CitationSyntax } from '../../../src/core/cite/scanCitations';

/** Renders each match as `syntax:key` so a table row reads like the document. */
function keysOf(text: string): string[] {
  return scanCitations(text).map((match) => `${match.syntax}:${match.key}`);
}

const cases: ReadonlyArray<{ readonly name: string; readonly text: string; readonly expected: readonly string[] }> = [
  { name: 'finds a single bracketed Pandoc citation', text: 'As shown [@gu2023mamba].', expected: ['pandoc-bracket:gu2023mamba'] },
  { name: 'finds every key of a group separated by semicolons', text: 'Both [@a; @b;@c] agree.', expected: ['pandoc-bracket:a', 'pandoc-bracket:b', 'pandoc-bracket:c'] },
  { name: 'keeps prefixes and locators out of the key', text: '[see @gu2023mamba, p. 3; also -@dao2024, ch. 2]', expected: ['pandoc-bracket:gu2023mamba', 'pandoc-bracket:dao2024'] },
  { name: 'finds a bare key at a word start', text: '@katharopoulos2020 showed it.', expected: ['pandoc-inline:katharopoulos2020'] },
  { name: 'drops trailing punctuation from a bare key', text: 'As in @gu2023. Then @dao2024: and @x_y-z.', expected: ['pandoc-inline:gu2023', 'pandoc-inline:dao2024', 'pandoc-inline:x_y-z'] },
  { name: 'keeps internal colons, dots, dashes and underscores in a key', text: '[@doi:10.1000/xyz.2; @smith_j-2020.v2]', expected: ['pandoc-bracket:doi:10.1000/xyz.2', 'pandoc-bracket:smith_j-2020.v2'] },
  { name: 'reads a braced key whole', text: 'See @{weird key!} now.', expected: ['pandoc-inline:weird key!'] },
  { name: 'ignores e-mail addresses', text: 'Write to first.last@example.com or a@b.org.', expected: [] },
  { name: 'ignores handles inside URLs', text: 'Posted at https://medium.com/@someone today.', expected: [] },
  { name: 'ignores inline code', text: 'Use `@decorator` and `[@notakey]` but cite [@real].', expected: ['pandoc-bracket:real'] },
  { name: 'ignores fenced code', text: 'Text [@a].\n\n```python\n@decorator\nx = "[@b]"\n```\n\nMore @c.', expected: ['pandoc-bracket:a', 'pandoc-inline:c'] },
  { name: 'ignores tilde fences that contain blank lines', text: '~~~\n@a\n\n@b\n~~~\nafter @c', expected: ['pandoc-inline:c'] },
  { name: 'ignores indented code', text: 'Para.\n\n    @decorator\n    [@b]\n\nEnd [@c].', expected: ['pandoc-bracket:c'] },
  { name: 'keeps citations in an indented list continuation', text: '- item\n\n    continued [@a]\n', expected: ['pandoc-bracket:a'] },
  { name: 'ignores HTML comments, including multi-line ones', text: '<!-- [@a]\n\n@b -->\n\nText @c <!-- @d -->.', expected: ['pandoc-inline:c'] },
  { name: 'ignores YAML front matter', text: '---\nauthor: "@me"\n---\n\nBody [@a].', expected: ['pandoc-bracket:a'] },
  { name: 'does not treat a link as a citation', text: '[@gu2023](https://example.org) and [text](mailto:x@y.z) and <a@b.c>', expected: [] },
  { name: 'does not treat an escaped at sign or bracket group as a citation', text: 'Not \\@a here.', expected: [] },
  { name: 'finds keys in LaTeX cite commands with options', text: '\\cite{a,b} \\citep[p.~3]{c} \\citet{d} \\parencite*{e, f}', expected: ['latex:a', 'latex:b', 'latex:c', 'latex:d', 'latex:e', 'latex:f'] },
  { name: 'finds footnote references but not footnote definitions', text: 'Claim[^gu2023].\n\n[^gu2023]: Gu (2023).', expected: ['footnote:gu2023'] },
  { name: 'finds a group that spans a soft line break', text: 'See [@a;\n@b].', expected: ['pandoc-bracket:a', 'pandoc-bracket:b'] },
  { name: 'finds nothing in a bracket without an at sign', text: 'A [plain] bracket.', expected: [] },
  { name: 'finds citations inside block quotes and list items', text: '> quoted [@a]\n\n- item @b\n- item [@c]', expected: ['pandoc-bracket:a', 'pandoc-inline:b', 'pandoc-bracket:c'] },
];

describe('scanCitations', () => {
  for (const { name, text, expected } of cases) {
    it(name, () => assert.deepEqual(keysOf(text), expected));
  }

  it('reports exact ranges for the key, the token and the group', () => {
    const text = 'x [see -@gu2023mamba, p. 3] y';
    const [match] = scanCitations(text);
    assert.ok(match);
    assert.equal(text.slice(match.keyStart, match.keyEnd), 'gu2023mamba');
    assert.equal(text.slice(match.start, match.end), '-@gu2023mamba');
    assert.equal(text.slice(match.group!.start, match.group!.end), '[see -@gu2023mamba, p. 3]');
  });

  it('reports ranges relative to the whole document after code blocks and front matter', () => {
    const text = '---\na: 1\n---\n\n```\ncode\n```\n\nText \\cite{ k1 , k2 } and [^fn].';
    for (const match of scanCitations(text)) {
      assert.equal(text.slice(match.keyStart, match.keyEnd), match.key);
    }
    assert.equal(scanCitations(text).length, 3);
  });

  it('gives the same matches with and without a chunk cache, also after an edit', () => {
    const cache = new CitationScanCache();
    const before = 'One [@a].\n\nTwo @b.\n\n```\n@c\n```\n';
    const after = before.replace('Two @b.', 'Two @b and [@d].');
    assert.deepEqual(scanCitations(before, cache), scanCitations(before));
    assert.deepEqual(scanCitations(after, cache), scanCitations(after));
  });

  it('finds the citation under an offset', () => {
    const text = 'See [@a; @bb].';
    const citations = scanCitations(text);
    assert.equal(citationAt(citations, text.indexOf('bb') + 1)?.key, 'bb');
    assert.equal(citationAt(citations, 1), undefined);
  });

  const syntaxes: readonly CitationSyntax[] = ['pandoc-bracket', 'pandoc-inline', 'latex', 'footnote'];
  it('labels each syntax', () => {
    const found = new Set(scanCitations('[@a] @b \\cite{c} [^d]').map((match) => match.syntax));
    assert.deepEqual([...found].sort(), [...syntaxes].sort());
  });

  const keyCases: ReadonlyArray<[string, boolean]> = [['gu2023mamba', true], ['doi:10.1/x', true], ['ends.', false], ['has space', false], ['_under', true]];
  for (const [key, plain] of keyCases) {
    it(`says whether "${key}" can be written bare (${plain})`, () => assert.equal(isPlainPandocKey(key), plain));
  }
});
