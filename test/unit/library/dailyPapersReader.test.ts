import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { findCodeUrls, readDailyPapers } from '../../../src/core/library/dailyPapersReader';

const HEADER = 'new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\nby AK and the research community\n\n';
const ABSTRACT_A = 'We introduce a selective state space model that scales linearly in sequence length and matches Transformers twice its size on language modeling.';
const ABSTRACT_B = 'Linear attention can be written as a recurrent network with a matrix-valued state, which gives constant memory at inference time.';

interface Case {
  readonly name: string;
  readonly text: string;
  readonly papers: ReadonlyArray<{ title: string; abstract: string; line: number }>;
  readonly diagnostics?: ReadonlyArray<{ line: number; severity: string; includes: string }>;
}

const cases: Case[] = [
  {
    name: 'reads a page with the header and two papers',
    text: `${HEADER}Paper A\n\n${ABSTRACT_A}\n\nPaper B\n\n${ABSTRACT_B}\n`,
    papers: [{ title: 'Paper A', abstract: ABSTRACT_A, line: 11 }, { title: 'Paper B', abstract: ABSTRACT_B, line: 15 }],
  },
  {
    name: 'reads CRLF line endings and a byte order mark',
    text: `\uFEFF${HEADER}Paper A\n\n${ABSTRACT_A}\n`.replace(/\n/g, '\r\n'),
    papers: [{ title: 'Paper A', abstract: ABSTRACT_A, line: 11 }],
  },
  {
    name: 'trims trailing spaces and tabs from titles and abstracts',
    text: `Paper A   \n\n${ABSTRACT_A} \t\n`,
    papers: [{ title: 'Paper A', abstract: ABSTRACT_A, line: 1 }],
  },
  {
    name: 'ignores extra blank lines and a missing final newline',
    text: `\n\n\nPaper A\n\n\n\n${ABSTRACT_A}\n\n\n\nPaper B\n\n${ABSTRACT_B}`,
    papers: [{ title: 'Paper A', abstract: ABSTRACT_A, line: 4 }, { title: 'Paper B', abstract: ABSTRACT_B, line: 12 }],
  },
  {
    name: 'keeps a title without an abstract and warns about it',
    text: `Paper A\n\nPaper B\n\n${ABSTRACT_B}\n`,
    papers: [{ title: 'Paper A', abstract: '', line: 1 }, { title: 'Paper B', abstract: ABSTRACT_B, line: 3 }],
    diagnostics: [{ line: 1, severity: 'warning', includes: 'no abstract' }],
  },
  {
    name: 'keeps a last title without an abstract',
    text: `Paper A\n\n${ABSTRACT_A}\n\nPaper B\n`,
    papers: [{ title: 'Paper A', abstract: ABSTRACT_A, line: 1 }, { title: 'Paper B', abstract: '', line: 5 }],
    diagnostics: [{ line: 5, severity: 'warning', includes: 'no abstract' }],
  },
  {
    name: 'joins an abstract wrapped over several lines with single spaces',
    text: 'Paper A\n\nFirst half of the abstract\n  second half of the abstract.\n',
    papers: [{ title: 'Paper A', abstract: 'First half of the abstract second half of the abstract.', line: 1 }],
  },
  {
    name: 'reads lines right under a title as its abstract and warns about the missing blank line',
    text: `Paper A\n${ABSTRACT_A}\n`,
    papers: [{ title: 'Paper A', abstract: ABSTRACT_A, line: 1 }],
    diagnostics: [{ line: 2, severity: 'warning', includes: 'no blank line' }],
  },
  {
    name: 'reads a short abstract that ends like a sentence as an abstract',
    text: 'Paper A\n\nWe show that attention is a special recurrent network that can be updated token by token.\n',
    papers: [{ title: 'Paper A', abstract: 'We show that attention is a special recurrent network that can be updated token by token.', line: 1 }],
  },
  {
    name: 'reports a paragraph where a title should be and still reads the next paper',
    text: `${ABSTRACT_A} ${ABSTRACT_B} ${ABSTRACT_A}\n\nPaper B\n\n${ABSTRACT_B}\n`,
    papers: [{ title: 'Paper B', abstract: ABSTRACT_B, line: 3 }],
    diagnostics: [{ line: 1, severity: 'error', includes: 'expected a title' }],
  },
  {
    name: 'reports an empty file as having no papers',
    text: '',
    papers: [],
    diagnostics: [{ line: 1, severity: 'warning', includes: 'no papers' }],
  },
  {
    name: 'reports a page with only the header as having no papers',
    text: HEADER,
    papers: [],
    diagnostics: [{ line: 1, severity: 'warning', includes: 'no papers' }],
  },
];

describe('Daily Papers reader', () => {
  for (const testCase of cases) {
    it(testCase.name, () => {
      const result = readDailyPapers(testCase.text, 'page.txt');
      assert.deepEqual(
        result.records.map((r) => ({ title: r.title, abstract: r.abstract, line: r.source.line })),
        testCase.papers,
      );
      for (const record of result.records) assert.equal(record.source.file, 'page.txt');
      const expected = testCase.diagnostics ?? [];
      assert.equal(result.diagnostics.length, expected.length, JSON.stringify(result.diagnostics));
      expected.forEach((want, i) => {
        const got = result.diagnostics[i];
        assert.equal(got.file, 'page.txt');
        assert.equal(got.line, want.line);
        assert.equal(got.severity, want.severity);
        assert.ok(got.message.includes(want.includes), got.message);
      });
    });
  }

  it('reads all 53 papers of the embedded page with their lines and no diagnostics', () => {
    const text = readFileSync('corpus/000_3372b0a668492b2d.txt', 'utf8');
    const result = readDailyPapers(text, '000_3372b0a668492b2d.txt');
    assert.equal(result.records.length, 53);
    assert.deepEqual(result.diagnostics, []);
    const lines = text.split('\n');
    for (const record of result.records) {
      assert.equal(lines[record.source.line - 1], record.title);
      assert.equal(lines[record.source.line + 1], record.abstract);
    }
  });

  it('finds code links in abstracts without trailing punctuation or .git', () => {
    assert.deepEqual(
      findCodeUrls('Code: https://github.com/a/b.git. Also see https://github.com/c/d, and https://example.org/x.'),
      ['https://github.com/a/b', 'https://github.com/c/d'],
    );
  });
});

describe('Daily Papers reader properties', () => {
  const lineChars = fc.constantFrom('a', 'B', ' ', '\t', '.', '\n', '\r', '\r\n', '\uFEFF', 'é', 'Daily Papers', 'Subscribe', 'new');
  const pageText = fc.array(lineChars, { maxLength: 200 }).map((parts) => parts.join(''));
  const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), pageText);

  it('never throws, whatever the input', () => {
    fc.assert(fc.property(anyText, (text) => {
      const result = readDailyPapers(text, 'x.txt');
      return Array.isArray(result.records) && Array.isArray(result.diagnostics);
    }));
  }).timeout(30_000);

  it('reads every title as a substring of the input and every abstract as one once line breaks fold to spaces', () => {
    fc.assert(fc.property(anyText, (text) => {
      const folded = text.replace(/[^\S\r\n]*(?:\r\n|\r|\n)\s*/g, ' ');
      return readDailyPapers(text, 'x.txt').records.every((r) =>
        r.title.length > 0 && text.includes(r.title) && folded.includes(r.abstract));
    }));
  }).timeout(30_000);

  it('gives every record and diagnostic a line inside the input', () => {
    fc.assert(fc.property(anyText, (text) => {
      const lineCount = text.split(/\r\n|\r|\n/).length;
      const result = readDailyPapers(text, 'x.txt');
      return [...result.records.map((r) => r.source.line), ...result.diagnostics.map((d) => d.line)]
        .every((line) => line >= 1 && line <= lineCount);
    }));
  }).timeout(30_000);
});
