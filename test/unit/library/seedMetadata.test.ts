import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { readSeedMetadata } from '../../../src/core/library/seedMetadata';

describe('seed metadata reader', () => {
  it('reads all 53 records of the embedded metadata with authors, year and arXiv id', () => {
    const result = readSeedMetadata(readFileSync('corpus/seed-metadata.json', 'utf8'), 'seed-metadata.json');
    assert.deepEqual(result.diagnostics, []);
    assert.equal(result.records.length, 53);
    for (const record of result.records) {
      assert.ok(record.authors.length > 0, record.title);
      assert.ok(record.year !== undefined && record.year >= 2014, record.title);
      assert.match(record.arxivId ?? '', /^\d{4}\.\d{4,5}$/);
      assert.equal(record.url, `https://arxiv.org/abs/${record.arxivId}`);
    }
  });

  it('moves a DOI written into the venue into the doi field', () => {
    const text = JSON.stringify([{ title: 'T', venue: 'ACM Computing Surveys (2023), doi:10.1145/3586074' }]);
    const [record] = readSeedMetadata(text, 'm.json').records;
    assert.equal(record.doi, '10.1145/3586074');
    assert.equal(record.venue, 'ACM Computing Surveys (2023)');
  });

  it('carries the cleaned venue fields onto the record and keeps the venue note apart from the venue', () => {
    const result = readSeedMetadata(readFileSync('corpus/seed-metadata.json', 'utf8'), 'seed-metadata.json');
    const byTitle = (title: string) => result.records.find((record) => record.title === title)!;
    const survey = byTitle('A Practical Survey on Faster and Lighter Transformers');
    assert.deepEqual(
      [survey.venue, survey.venueType, survey.containerTitle, survey.doi, survey.publisher, survey.venueNote],
      ['ACM Computing Surveys', 'journal', 'ACM Computing Surveys', '10.1145/3586074', 'ACM', 'journal version published 2023'],
    );
    const hybrid = byTitle('Best of Both Worlds: Advantages of Hybrid Graph Sequence Models');
    assert.deepEqual([hybrid.venueType, hybrid.volume, hybrid.pages, hybrid.publisher], ['conference', '267', '3533-3561', 'PMLR']);
    for (const record of result.records) {
      if (record.venueNote !== undefined) assert.ok(!record.venue?.includes(record.venueNote), record.title);
    }
  });

  it('reports a venue type it does not know and keeps the record', () => {
    const result = readSeedMetadata('[\n  {"title": "A", "venue": "X", "venueType": "magazine"}\n]', 'm.json');
    assert.equal(result.records[0].venue, 'X');
    assert.equal(result.records[0].venueType, undefined);
    assert.match(result.diagnostics[0].message, /venueType "magazine"/);
    assert.equal(result.diagnostics[0].line, 2);
  });

  const bad: Array<{ name: string; text: string; records: number; line: number; includes: string }> = [
    { name: 'reports malformed JSON with its line and loads nothing', text: '[\n{"title": "A"},\n{oops}\n]', records: 0, line: 3, includes: 'not valid JSON' },
    { name: 'reports a top level that is not a list', text: '{"title": "A"}', records: 0, line: 1, includes: 'JSON array' },
    { name: 'skips a record without a title and keeps the others', text: '[\n  {"title": "A"},\n  {"year": 2020},\n  {"title": "B"}\n]', records: 2, line: 3, includes: 'no title' },
    { name: 'ignores a year that is not a year', text: '[\n  {"title": "A", "year": "soon"}\n]', records: 1, line: 2, includes: 'not a year' },
    { name: 'ignores an arXiv id that is not one', text: '[\n  {"title": "A", "arxivId": "hello"}\n]', records: 1, line: 2, includes: 'not an arXiv id' },
    { name: 'ignores authors that are not names', text: '[\n  {"title": "A", "authors": ["Ann Lee", 7]}\n]', records: 1, line: 2, includes: 'not a name' },
  ];
  for (const testCase of bad) {
    it(testCase.name, () => {
      const result = readSeedMetadata(testCase.text, 'm.json');
      assert.equal(result.records.length, testCase.records);
      assert.equal(result.diagnostics.length, 1, JSON.stringify(result.diagnostics));
      assert.equal(result.diagnostics[0].line, testCase.line);
      assert.ok(result.diagnostics[0].message.includes(testCase.includes), result.diagnostics[0].message);
    });
  }

  it('gives each record the line its object starts on', () => {
    const text = '[\n  {"title": "A, with a [bracket] and a \\"quote\\""},\n\n  {\n    "title": "B"\n  }\n]';
    assert.deepEqual(readSeedMetadata(text, 'm.json').records.map((r) => r.source.line), [2, 4]);
  });
});
