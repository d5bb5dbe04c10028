import { strict as assert } from 'node:assert';
import { createClassifier, type Classifier } from '../../../src/core/categories/classifier';
import { readBibtex } from '../../../src/core/library/bibtexReader';
import { readCslJson } from '../../../src/core/library/cslJsonReader';
import { IncrementalLibrary } from '../../../src/core/library/incrementalLibrary';
import { invalidUtf8Lines } from '../../../src/core/library/invalidUtf8';
import { buildLibrary, LIBRARY_READERS } from '../../../src/core/library/library';
import type { LibraryReader } from '../../../src/core/library/paper';
import { deeplyNestedBib } from '../../fixtures/hostileInputs';

const GOOD_BIB = '@article{good2024,\n  title = {A Good Paper},\n  author = {Doe, Jane},\n  year = {2024}\n}\n';
const throwingReader: LibraryReader = () => {
  throw new RangeError('Maximum call stack size exceeded');
};

describe('a failure stays in its file', () => {
  it('reads the entry after 10,000 nested braces, and the deep entry loads or is an error at its line', () => {
    const result = readBibtex(deeplyNestedBib(10_000), 'deep.bib');
    assert.ok(result.records.some((record) => record.key === 'after'), 'the valid entry after the deep one loads');
    if (!result.records.some((record) => record.key === 'deep')) {
      assert.ok(result.diagnostics.some((d) => d.severity === 'error' && d.line === 1 && d.message.includes('"deep"')), JSON.stringify(result.diagnostics));
    }
  });

  it('follows a chain of 20,000 crossrefs without recursing', () => {
    const chain = Array.from({ length: 20_000 }, (_, i) => `@inproceedings{e${i},\n  title = {Paper ${i}},\n  crossref = {e${i + 1}}\n}`).join('\n');
    const result = readBibtex(chain, 'chain.bib');
    assert.equal(result.records.length, 20_000);
  });

  it('rejects CSL-JSON nested too deeply with an error at the line where it gets too deep', () => {
    for (const text of [`[\n${'['.repeat(100_000)}`, `[\n{"id": "a", "title": ${'['.repeat(50_000)}${']'.repeat(50_000)}}]`]) {
      const result = readCslJson(text, 'deep.csl.json');
      assert.equal(result.records.length, 0);
      assert.deepEqual(result.diagnostics.map((d) => [d.line, d.severity]), [[2, 'error']]);
      assert.match(result.diagnostics[0]!.message, /nested more than \d+ levels deep/);
    }
  });

  it('turns a reader that throws into an error at its file and still loads every other file', () => {
    const library = buildLibrary(
      [{ file: 'broken.bib', text: GOOD_BIB, format: 'bibtex' }, { file: 'good.csl.json', text: '[{"id": "other2023", "title": "Another Paper", "issued": {"date-parts": [[2023]]}}]', format: 'csl-json' }],
      { readers: { ...LIBRARY_READERS, bibtex: throwingReader } },
    );
    assert.deepEqual(library.papers.map((paper) => paper.key), ['other2023']);
    assert.deepEqual(library.diagnostics.map((d) => [d.file, d.line, d.severity]), [['broken.bib', 1, 'error']]);
    assert.match(library.diagnostics[0]!.message, /nested too deeply/);
  });

  it('keeps the other files of an incremental library when one file\'s reader throws', () => {
    const incremental = new IncrementalLibrary({ readers: { ...LIBRARY_READERS, 'csl-json': throwingReader } });
    const result = incremental.setFile({ file: 'broken.csl.json', text: '[]', format: 'csl-json' });
    incremental.setFile({ file: 'good.bib', text: GOOD_BIB, format: 'bibtex' });
    assert.equal(result.diagnostics[0]?.severity, 'error');
    assert.deepEqual(incremental.build().papers.map((paper) => paper.key), ['good2024']);
  });

  it('lists a paper the classifier throws on without categories, with an error at its line', () => {
    const real = createClassifier();
    const classifier: Classifier = {
      taxonomy: real.taxonomy,
      label: (id) => real.label(id),
      classify: (paper) => {
        if (paper.title.includes('Poison')) throw new Error('classifier broke');
        return real.classify(paper);
      },
    };
    const bib = `${GOOD_BIB}\n@article{poison2024,\n  title = {Poison Pill},\n  year = {2024}\n}\n`;
    const library = buildLibrary([{ file: 'lib.bib', text: bib, format: 'bibtex' }], { classifier });
    assert.deepEqual(library.papers.map((paper) => [paper.key, paper.categories.length > 0]), [['good2024', true], ['poison2024', false]]);
    assert.deepEqual(library.diagnostics.map((d) => [d.file, d.line, d.severity]), [['lib.bib', 7, 'error']]);
    assert.match(library.diagnostics[0]!.message, /could not categorise "Poison Pill": an internal error occurred \(classifier broke\)/);
  });
});

describe('invalid UTF-8 is found line by line', () => {
  const cases: readonly { name: string; bytes: number[]; lines: number[] }[] = [
    { name: 'plain ASCII', bytes: [...Buffer.from('a\nb\n')], lines: [] },
    { name: 'valid two-, three- and four-byte sequences', bytes: [...Buffer.from('Zoë\n€\n🚀\n')], lines: [] },
    { name: 'a Latin-1 "ö" on line 2', bytes: [...Buffer.from('title\nP'), 0xf6, ...Buffer.from('ppel\n')], lines: [2] },
    { name: 'a truncated sequence at the end', bytes: [...Buffer.from('a\n\n'), 0xe2, 0x82], lines: [3] },
    { name: 'an overlong "/" and a surrogate', bytes: [0xc0, 0xaf, 0x0a, 0xed, 0xa0, 0x80], lines: [1, 2] },
    { name: 'two bad bytes on one line count once', bytes: [0xff, 0xfe, 0x0a], lines: [1] },
  ];
  for (const { name, bytes, lines } of cases) {
    it(`finds ${JSON.stringify(lines)} in ${name}`, () => {
      assert.deepEqual(invalidUtf8Lines(Uint8Array.from(bytes)), lines);
      // The decoder agrees: a line is flagged exactly when decoding yields U+FFFD there.
      const decoded = new TextDecoder('utf-8').decode(Uint8Array.from(bytes)).split('\n');
      assert.deepEqual(decoded.flatMap((line, i) => (line.includes('\uFFFD') ? [i + 1] : [])), lines);
    });
  }
});
