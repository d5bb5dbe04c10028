import { strict as assert } from 'node:assert';
import { benchmarkName, buildClaimIndex, claimFactor } from '../../../src/core/claims/claimIndex';
import type { Claim } from '../../../src/core/claims/claim';
import { claimOn } from '../helpers/claimFixtures';

describe('claimFactor', () => {
  const cases: Array<[string, Partial<Claim> & Pick<Claim, 'kind'>, number | undefined]> = [
    ['a multiple', { kind: 'speedup', values: [5], unit: 'x' }, 5],
    ['the top of a range', { kind: 'speedup', values: [10, 20], unit: 'x' }, 20],
    ['a percentage speedup as 1 + p', { kind: 'speedup', values: [40], unit: '%' }, 1.4],
    ['a percentage reduction as 1 / (1 - p)', { kind: 'reduction', values: [75], unit: '%' }, 4],
    ['a full reduction as a capped factor', { kind: 'reduction', values: [100], unit: '%' }, 1e6],
    ['the ratio of two plain numbers', { kind: 'speedup', values: [533, 2364] }, 2364 / 533],
    ['nothing for one plain number', { kind: 'reduction', values: [3] }, undefined],
    ['nothing for a claim without numbers', { kind: 'speedup', values: [] }, undefined],
    ['nothing for an unrelated unit', { kind: 'speedup', values: [7], unit: 'tokens' }, undefined],
    ['nothing for other kinds', { kind: 'result', values: [90], unit: '%' }, undefined],
  ];
  for (const [name, fields, expected] of cases) {
    it(`reads ${name}`, () => {
      const claim: Claim = { start: 0, end: 1, text: 'x', sentence: 'x', ruleId: 'r', values: [], ...fields };
      const factor = claimFactor(claim);
      if (expected === undefined) assert.equal(factor, undefined);
      else assert.ok(factor !== undefined && Math.abs(factor - expected) < 1e-9, `${factor} ≠ ${expected}`);
    });
  }
});

describe('benchmarkName', () => {
  const cases: Array<[string, Partial<Claim>, string]> = [
    ["the extractor's canonical name", { text: 'LRA', measure: 'Long Range Arena' }, 'Long Range Arena'],
    ["the gazetteer's name for the text when no measure is set", { text: 'long-range arena' }, 'Long Range Arena'],
    ['the text itself for an unknown benchmark', { text: 'Foo-Bench  suite' }, 'Foo-Bench suite'],
  ];
  for (const [name, fields, expected] of cases) {
    it(`uses ${name}`, () => {
      assert.equal(benchmarkName({ kind: 'benchmark', start: 0, end: 1, text: '', sentence: '', ruleId: 'r', values: [], ...fields }), expected);
    });
  }
});

describe('buildClaimIndex', () => {
  const s4 = 'S4 is 60x faster and reaches SoTA on LRA.';
  const h3 = 'H3 is 2.4x faster than Transformers and strong on the Long Range Arena.';
  const flash = 'It reduces memory by 75% and speeds up training by 15%.';
  const papers = [
    {
      key: 'gu2021s4', title: 'S4', year: 2021,
      claims: [claimOn(s4, '60x faster', 'speedup', { values: [60], unit: 'x' }), claimOn(s4, 'LRA', 'benchmark', { measure: 'Long Range Arena' })],
    },
    {
      key: 'fu2022h3', title: 'H3', year: 2022,
      claims: [claimOn(h3, '2.4x faster', 'speedup', { values: [2.4], unit: 'x' }), claimOn(h3, 'Long Range Arena', 'benchmark', { measure: 'Long Range Arena' })],
    },
    {
      key: 'dao2022flash', title: 'Flash', year: 2022,
      claims: [
        claimOn(flash, 'reduces memory by 75%', 'reduction', { values: [75], unit: '%' }),
        claimOn(flash, 'speeds up training by 15%', 'speedup', { values: [15], unit: '%' }),
        claimOn(flash, 'speeds up training', 'speedup'),
      ],
    },
  ];
  const index = buildClaimIndex(papers);

  it('orders speedups by factor, largest first, and puts claims without a number last', () => {
    const order = index.byKind.get('speedup')!.map((ref) => `${ref.key}#${ref.claimIndex}`);
    assert.deepEqual(order, ['gu2021s4#0', 'fu2022h3#0', 'dao2022flash#1', 'dao2022flash#2']);
  });

  it('keeps the factor on each ranked claim', () => {
    assert.deepEqual(index.byKind.get('reduction')!.map((ref) => ref.factor), [4]);
  });

  it('lists every kind, empty ones included, in the shared kind order', () => {
    assert.deepEqual([...index.byKind.keys()], ['speedup', 'reduction', 'result', 'complexity', 'scale', 'benchmark', 'code', 'comparison']);
  });

  it('groups papers under a benchmark whatever name they use for it', () => {
    const lra = index.benchmarks.find((group) => group.name === 'Long Range Arena');
    assert.deepEqual(lra?.papers.map((paper) => paper.key), ['gu2021s4', 'fu2022h3']);
    assert.deepEqual(lra?.papers.map((paper) => paper.claimIndices), [[1], [1]]);
  });

  it('files only benchmark claims under benchmarks', () => {
    const text = 'Strong results on COCO.';
    const only = buildClaimIndex([{ key: 'k', title: 'T', claims: [claimOn(text, 'Strong results on COCO', 'result')] }]);
    assert.deepEqual(only.benchmarks, []);
  });

  it('puts the benchmark with the most papers first', () => {
    const text = 'Results on COCO and ADE20K.';
    const more = buildClaimIndex([
      { key: 'a', title: 'A', claims: [claimOn(text, 'COCO', 'benchmark')] },
      { key: 'b', title: 'B', claims: [claimOn(text, 'ADE20K', 'benchmark')] },
      { key: 'c', title: 'C', claims: [claimOn(text, 'ADE20K', 'benchmark'), claimOn(text, 'ADE20K', 'benchmark')] },
    ]);
    assert.deepEqual(more.benchmarks.map((group) => `${group.name}:${group.papers.length}`), ['ADE20K:2', 'COCO:1']);
  });
});
