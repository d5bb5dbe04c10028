import { strict as assert } from 'node:assert';
import { evaluateCategories, scoresOf } from '../../../src/core/categories/categoryEval';
import { createClassifier } from '../../../src/core/categories/classifier';

describe('category evaluation', () => {
  const cases: Array<{ name: string; counts: [number, number, number]; want: [number, number, number] }> = [
    { name: 'scores a perfect category 1 everywhere', counts: [4, 0, 0], want: [1, 1, 1] },
    { name: 'scores a category with false positives by lower precision only', counts: [3, 1, 0], want: [0.75, 1, 6 / 7] },
    { name: 'scores a category with misses by lower recall only', counts: [1, 0, 3], want: [1, 0.25, 0.4] },
    { name: 'scores a category nobody claimed and nobody labelled as perfect', counts: [0, 0, 0], want: [1, 1, 1] },
    { name: 'scores a category that is always wrong 0', counts: [0, 2, 2], want: [0, 0, 0] },
  ];
  for (const { name, counts, want } of cases) {
    it(name, () => {
      const s = scoresOf(...counts);
      assert.deepEqual([s.precision, s.recall, s.f1].map((x) => x.toFixed(6)), want.map((x) => x.toFixed(6)));
    });
  }

  it('counts hits, extras and misses per category and lists the disagreeing papers', () => {
    const classifier = createClassifier();
    const evaluation = evaluateCategories(classifier, [
      { title: 'A Survey of State Space Models', abstract: 'This survey reviews state space models such as S4.',
        method: ['state-space-models'], domain: [], type: 'survey' },
      { title: 'Sparse Attention for Speech', abstract: 'We propose sparse attention for speech recognition.',
        method: ['efficient-attention'], domain: ['vision'], type: 'method' },
    ]);
    const vision = evaluation.byCategory.find((c) => c.id === 'vision')?.scores;
    const speech = evaluation.byCategory.find((c) => c.id === 'speech-audio')?.scores;
    assert.deepEqual([vision?.tp, vision?.fp, vision?.fn], [0, 0, 1]);
    assert.deepEqual([speech?.tp, speech?.fp, speech?.fn], [0, 1, 0]);
    assert.deepEqual(evaluation.disagreements, [{ title: 'Sparse Attention for Speech', extra: ['speech-audio'], missing: ['vision'] }]);
    const domain = evaluation.byFacet.find((f) => f.facet === 'domain')?.scores;
    assert.deepEqual([domain?.tp, domain?.fp, domain?.fn], [0, 1, 1]);
  });
});
