import { strict as assert } from 'node:assert';
import { describeClaim, formatClaimValue } from '../../../src/core/view/claimDescription';
import { explainAssignment, humanizeCategoryId } from '../../../src/core/view/categoryText';
import type { Claim } from '../../../src/core/claims/claim';

const base: Claim = { kind: 'speedup', start: 0, end: 1, text: 'x', sentence: 'x', ruleId: 'speedup.times', values: [] };

describe('formatClaimValue', () => {
  const cases: Array<[Partial<Claim>, string]> = [
    [{ values: [5], unit: 'x' }, '5×'],
    [{ values: [10, 20], unit: 'x', qualifier: 'up to' }, 'up to 10–20×'],
    [{ values: [40], unit: '%', measure: 'memory' }, '40% memory'],
    [{ values: [1.3e9], unit: 'params', measure: 'parameters' }, '1.3B params'],
    [{ values: [1e9, 8e9], unit: 'params' }, '1B–8B params'],
    [{ values: [125e6], unit: 'params' }, '125M params'],
    [{ values: [81.9, 45.76, 55.47], unit: '%', measure: 'mIoU' }, '81.9 / 45.76 / 55.47% mIoU'],
    [{ values: [1.14], unit: 'points', measure: 'perplexity' }, '1.14 points perplexity'],
    [{ values: [0.123456], unit: '%' }, '0.1235%'],
    [{ values: [], measure: 'linear time' }, 'linear time'],
    [{ values: [] }, ''],
  ];
  for (const [fields, expected] of cases) {
    it(`writes ${JSON.stringify(fields)} as ${JSON.stringify(expected)}`, () => assert.equal(formatClaimValue({ ...base, ...fields }), expected));
  }
});

describe('describeClaim', () => {
  it('gives kind, values, baseline and rule, with a dash for what is missing', () => {
    assert.deepEqual(describeClaim({ ...base, values: [3], unit: 'x', baseline: 'than FlashAttention-2' }), [
      'Kind: Speedup',
      'Values: 3×',
      'Baseline: than FlashAttention-2',
      'Rule: speedup.times',
    ]);
    assert.deepEqual(describeClaim({ ...base, kind: 'code' }), ['Kind: Code', 'Values: —', 'Baseline: —', 'Rule: speedup.times']);
  });
});

describe('category text', () => {
  it('humanizes a category id', () => assert.equal(humanizeCategoryId('state-space-models'), 'State space models'));

  it('explains an assignment by its matched terms, strongest first', () => {
    const text = explainAssignment({
      facet: 'method',
      id: 'state-space-models',
      score: 5,
      evidence: [
        { term: 'state space', field: 'abstract', count: 3, weight: 1 },
        { term: 'mamba', field: 'title', count: 1, weight: 4 },
        { term: 's4', field: 'abstract', count: 1, weight: 1 },
      ],
    });
    assert.equal(text, '"mamba" in title, "state space" in abstract ×3, "s4" in abstract');
  });

  it('says a pinned assignment is pinned', () => {
    assert.equal(explainAssignment({ facet: 'type', id: 'survey', score: 1, evidence: [] }), 'pinned');
  });
});
