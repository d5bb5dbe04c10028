import { strict as assert } from 'node:assert';
import { explainGroup, groupPapers, sortGroupPapers } from '../../../src/core/view/paperGrouping';
import type { PaperGrouping } from '../../../src/core/view/paperGrouping';
import type { CategoryAssignment } from '../../../src/core/categories/category';
import { paperWith } from '../helpers/claimFixtures';

const ssm = (...terms: string[]): CategoryAssignment => ({ facet: 'method', id: 'state-space-models', score: 1, evidence: terms.map((term) => ({ term, field: 'abstract', count: 1, weight: 1 })) });
const vision: CategoryAssignment = { facet: 'domain', id: 'vision', score: 1, evidence: [{ term: 'image', field: 'title', count: 1, weight: 2 }] };
const linear: CategoryAssignment = { facet: 'method', id: 'linear-attention', score: 1, evidence: [{ term: 'linear attention', field: 'abstract', count: 2, weight: 1 }] };

const papers = [
  paperWith({ key: 'a', title: 'Alpha', abstract: '', year: 2023, categories: [ssm('mamba', 'state space'), vision] }),
  paperWith({ key: 'b', title: 'Beta', abstract: '', year: 2024, categories: [ssm('mamba')] }),
  paperWith({ key: 'c', title: 'Gamma', abstract: '', year: 2023, categories: [linear] }),
  paperWith({ key: 'd', title: 'Delta', abstract: '', categories: [] }),
];

describe('groupPapers', () => {
  const cases: Array<[PaperGrouping, string[]]> = [
    ['method', ['State space models: b a', 'Linear attention: c', 'Unfiled: d']],
    ['domain', ['Vision: a', 'Unfiled: b c d']],
    ['year', ['2024: b', '2023: a c', 'Unknown year: d']],
    ['all', ['All papers: a b d c']],
  ];
  for (const [grouping, expected] of cases) {
    it(`files papers by ${grouping}, biggest or newest group first`, () => {
      const groups = groupPapers(papers, grouping).map((group) => `${group.label}: ${group.papers.map((paper) => paper.key).join(' ')}`);
      assert.deepEqual(groups, expected);
    });
  }

  it('counts the papers each matched term brought into a category', () => {
    const [ssmGroup] = groupPapers(papers, 'method');
    assert.deepEqual(ssmGroup?.terms, [{ term: 'mamba', papers: 2 }, { term: 'state space', papers: 1 }]);
  });

  it('keeps library order without sorting, and sorts a group on demand the same way', () => {
    const unsorted = groupPapers(papers, 'method', undefined, { sortPapers: false });
    assert.deepEqual(unsorted[0]?.papers.map((paper) => paper.key), ['a', 'b']);
    assert.deepEqual(sortGroupPapers(unsorted[0]!.papers, 'method').map((paper) => paper.key), ['b', 'a']);
    assert.deepEqual(sortGroupPapers(papers, 'all').map((paper) => paper.key), ['a', 'b', 'd', 'c']);
  });

  it('uses the label function for category names', () => {
    assert.equal(groupPapers(papers, 'domain', (id) => `<${id}>`)[0]?.label, '<vision>');
  });
});

describe('explainGroup', () => {
  it('names the matched terms with their paper counts', () => {
    assert.equal(explainGroup(groupPapers(papers, 'method')[0]!), 'Matched terms: mamba (2 papers), state space (1 paper).');
  });
  it('says why unfiled papers are unfiled', () => {
    assert.equal(explainGroup(groupPapers(papers, 'domain')[1]!), 'No taxonomy term matched these papers.');
  });
  it('shortens a long term list', () => {
    const many = groupPapers([paperWith({ key: 'x', title: 'X', abstract: '', categories: [ssm('a', 'b', 'c', 'd')] })], 'method')[0]!;
    assert.equal(explainGroup(many, 2), 'Matched terms: a (1 paper), b (1 paper), and 2 more.');
  });
});
