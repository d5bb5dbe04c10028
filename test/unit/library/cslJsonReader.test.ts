import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { readCslJson } from '../../../src/core/library/cslJsonReader';

const fixture = (name: string): string => readFileSync(join(__dirname, '..', '..', 'fixtures', 'csl', name), 'utf8');

describe('CSL-JSON reader', () => {
  describe('a Zotero export', () => {
    const { records, diagnostics } = readCslJson(fixture('zotero.csl.json'), 'refs.csl.json');

    it('reads every item without diagnostics', () => {
      assert.deepEqual(diagnostics, []);
      assert.deepEqual(records.map((record) => record.key), ['guMambaLinearTimeSequence2023', 'katharopoulos2020', 'van2024']);
    });

    it('maps id, title, authors, year, DOI, URL, abstract and the arXiv id', () => {
      const [mamba] = records;
      assert.deepEqual(
        [mamba.title, mamba.authors, mamba.year, mamba.doi, mamba.url, mamba.arxivId],
        ['Mamba: Linear-Time Sequence Modeling with Selective State Spaces', ['Albert Gu', 'Tri Dao'], 2023, '10.48550/arXiv.2312.00752', 'http://arxiv.org/abs/2312.00752', '2312.00752'],
      );
      assert.match(mamba.abstract, /^Foundation models/);
    });

    it('drops title markup, keeps literal names and reads a raw date, the venue and code links', () => {
      const paper = records[1];
      assert.deepEqual(
        [paper.title, paper.authors, paper.year, paper.venue, paper.codeUrls],
        [
          'Transformers are RNNs: Fast Autoregressive Transformers with Linear Attention',
          ['Angelos Katharopoulos', 'François Fleuret', 'Idiap Research Institute'],
          2020,
          'Proceedings of the 37th International Conference on Machine Learning',
          ['https://github.com/idiap/fast-transformers'],
        ],
      );
    });

    it('writes particles in reading order', () => {
      assert.deepEqual(records[2].authors, ['John von Neumann']);
    });

    it('records each item\'s line', () => {
      assert.deepEqual(records.map((record) => record.source.line), [2, 20, 33]);
    });
  });

  describe('bad input', () => {
    const cases: readonly [string, string, number, RegExp][] = [
      ['a trailing comma', '[\n  {"id": "a", "title": "T"},\n]\n', 3, /expected a value/],
      ['a missing closing bracket', '[\n  {"id": "a", "title": "T"}\n', 3, /expected "]"/],
      ['a missing comma between items', '[\n  {"id": "a", "title": "T"}\n  {"id": "b", "title": "U"}\n]', 3, /expected "," between elements/],
      ['an unquoted property name', '[\n  {"id": "a",\n   title: "T"}\n]', 3, /unexpected character/],
    ];
    for (const [problem, text, line, message] of cases) {
      it(`reports invalid JSON (${problem}) at line ${line}`, () => {
        const result = readCslJson(text, 'bad.json');
        assert.equal(result.records.length, 0);
        assert.deepEqual(result.diagnostics.map((diagnostic) => [diagnostic.file, diagnostic.line, diagnostic.severity]), [['bad.json', line, 'error']]);
        assert.match(result.diagnostics[0].message, /^invalid JSON: /);
        assert.match(result.diagnostics[0].message, message);
      });
    }

    it('skips malformed items at their own lines and keeps the rest', () => {
      const result = readCslJson(fixture('malformedItems.csl.json'), 'items.json');
      assert.deepEqual(result.records.map((record) => record.key), ['ok1', 'ok2']);
      assert.deepEqual(
        result.diagnostics.map((diagnostic) => [diagnostic.line, diagnostic.message]),
        [
          [3, 'expected an object for each item, found string; skipped it'],
          [4, 'item "notitle" has no title; skipped it'],
          [5, 'item "badauthors": "author" must be a list of names; skipped it'],
        ],
      );
    });

    it('reads an empty file as an empty library', () => {
      assert.deepEqual(readCslJson('  \n', 'empty.json'), { records: [], diagnostics: [] });
    });

    it('rejects JSON that is not a list of items', () => {
      assert.match(readCslJson('42', 'n.json').diagnostics[0].message, /expected a CSL-JSON array/);
    });

    it('never throws on arbitrary text or arbitrary JSON', () => {
      fc.assert(fc.property(fc.oneof(fc.string(), fc.json()), (text) => Array.isArray(readCslJson(text, 'f.json').records)), { numRuns: 1000 });
    });
  });

  it('keeps the fields of every item it writes and reads back', () => {
    const name = fc.stringMatching(/^[A-Z][a-z]{1,10}$/);
    const item = fc.record({
      id: fc.stringMatching(/^[a-z][a-z0-9]{0,12}$/),
      title: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 :,-]{0,40}[A-Za-z0-9]$/),
      year: fc.integer({ min: 1950, max: 2030 }),
      authors: fc.array(fc.tuple(name, name), { maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 6 }), (items) => {
        const text = JSON.stringify(items.map((entry) => ({
          id: entry.id,
          title: entry.title,
          issued: { 'date-parts': [[entry.year]] },
          author: entry.authors.map(([given, family]) => ({ given, family })),
        })), null, 2);
        const { records, diagnostics } = readCslJson(text, 'round.json');
        assert.deepEqual(diagnostics, []);
        assert.deepEqual(
          records.map((record) => [record.key, record.title, record.year, record.authors]),
          items.map((entry) => [entry.id, entry.title.replace(/\s+/g, ' '), entry.year, entry.authors.map(([given, family]) => `${given} ${family}`)]),
        );
      }),
      { numRuns: 300 },
    );
  });
});
