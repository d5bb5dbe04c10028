import { strict as assert } from 'node:assert';
import { locateGold, scoreClaims, type KindSpan } from '../../../src/core/claims/scoreClaims';

describe('scoreClaims', () => {
  it('counts a prediction as correct when it overlaps a gold claim of the same kind', () => {
    const gold: KindSpan[] = [{ kind: 'speedup', start: 0, end: 10 }, { kind: 'speedup', start: 20, end: 30 }];
    const predicted: KindSpan[] = [
      { kind: 'speedup', start: 5, end: 12 },
      { kind: 'result', start: 20, end: 30 },
      { kind: 'speedup', start: 40, end: 45 },
    ];
    const speedup = scoreClaims([{ gold, predicted }]).find((s) => s.kind === 'speedup');
    assert.deepEqual(
      { p: speedup?.precision, r: speedup?.recall, correct: speedup?.correctPredictions, found: speedup?.foundGold },
      { p: 0.5, r: 0.5, correct: 1, found: 1 },
    );
    assert.equal(speedup?.f1, 0.5);
  });

  it('scores an empty kind as perfect rather than dividing by zero', () => {
    const code = scoreClaims([{ gold: [], predicted: [] }]).find((s) => s.kind === 'code');
    assert.deepEqual([code?.precision, code?.recall], [1, 1]);
  });

  it('locates a repeated gold string by its occurrence', () => {
    const abstract = 'LRA first, then LRA again.';
    assert.deepEqual(locateGold(abstract, { kind: 'benchmark', text: 'LRA', occurrence: 2 }), { kind: 'benchmark', start: 16, end: 19 });
    assert.equal(locateGold(abstract, { kind: 'benchmark', text: 'LRA', occurrence: 3 }), undefined);
  });
});
