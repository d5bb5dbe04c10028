import { strict as assert } from 'node:assert';
import { mergeRecords } from '../../../src/core/library/mergeRecords';
import type { PaperRecord } from '../../../src/core/library/paper';

function record(fields: Partial<PaperRecord> & { title: string }, line = 1): PaperRecord {
  return { abstract: '', authors: [], codeUrls: [], source: { file: 'f', line }, ...fields };
}

describe('merging records', () => {
  const cases: Array<{ name: string; records: PaperRecord[]; papers: number }> = [
    { name: 'merges records with the same normalised title', papers: 1,
      records: [record({ title: 'Mamba: Linear-Time Sequence Modeling' }), record({ title: 'mamba  linear time sequence modeling.' })] },
    { name: 'merges records with the same arXiv id whatever their titles', papers: 1,
      records: [record({ title: 'A', arxivId: '2312.00752' }), record({ title: 'B', arxivId: '2312.00752' })] },
    { name: 'merges records with the same DOI', papers: 1,
      records: [record({ title: 'A', doi: '10.1/x' }), record({ title: 'B', doi: '10.1/x' })] },
    { name: 'keeps records with the same title but different arXiv ids apart', papers: 2,
      records: [record({ title: 'A', arxivId: '2101.00001' }), record({ title: 'A', arxivId: '2101.00002' })] },
    { name: 'keeps different papers apart', papers: 2,
      records: [record({ title: 'A' }), record({ title: 'B' })] },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      assert.equal(mergeRecords(testCase.records).records.length, testCase.papers);
    });
  }

  it('takes the abstract from one record and the metadata from the other, keeping the first source', () => {
    const [paper] = mergeRecords([
      record({ title: 'Mamba', abstract: 'We ...', codeUrls: ['https://github.com/a/b'] }, 11),
      record({ title: 'Mamba', authors: ['Albert Gu', 'Tri Dao'], year: 2023, arxivId: '2312.00752', codeUrls: ['https://github.com/a/b', 'https://github.com/c/d'] }, 40),
    ]).records;
    assert.equal(paper.abstract, 'We ...');
    assert.deepEqual(paper.authors, ['Albert Gu', 'Tri Dao']);
    assert.equal(paper.year, 2023);
    assert.equal(paper.arxivId, '2312.00752');
    assert.deepEqual(paper.codeUrls, ['https://github.com/a/b', 'https://github.com/c/d']);
    assert.equal(paper.source.line, 11);
  });

  it('lets a record\'s own key win over a record without one', () => {
    const result = mergeRecords([record({ title: 'A' }), record({ title: 'A', key: 'own2020' })]);
    assert.deepEqual(result.records.map((paper) => paper.key), ['own2020']);
    assert.deepEqual(result.diagnostics, []);
  });

  const ownKeyCases: Array<{ name: string; records: PaperRecord[] }> = [
    { name: 'the same title', records: [record({ title: 'Orationes', key: 'Aischin:orat' }), record({ title: 'Orationes', key: 'Dem:orat' })] },
    { name: 'the same DOI', records: [record({ title: 'A', key: 'a', doi: '10.1/x' }), record({ title: 'A', key: 'b', doi: '10.1/x' })] },
    { name: 'the same arXiv id', records: [record({ title: 'A', key: 'a', arxivId: '2312.00752' }), record({ title: 'B', key: 'b', arxivId: '2312.00752' })] },
  ];
  for (const testCase of ownKeyCases) {
    it(`keeps records with different own keys apart despite ${testCase.name}, so each key still cites`, () => {
      const result = mergeRecords([record({ title: 'A' }), ...testCase.records]);
      assert.deepEqual(result.records.map((paper) => paper.key).filter(Boolean), testCase.records.map((paper) => paper.key));
    });
  }
});
