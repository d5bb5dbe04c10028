import { strict as assert } from 'node:assert';
import { citedInDescription } from '../../../src/core/view/citedIn';

describe('citedInDescription', () => {
  const cases: readonly [number, string | undefined][] = [
    [0, undefined],
    [1, 'cited in 1 note'],
    [2, 'cited in 2 notes'],
    [120, 'cited in 120 notes'],
    [Number.NaN, undefined],
  ];
  for (const [count, expected] of cases) {
    it(`describes a paper cited in ${count} notes as ${expected === undefined ? 'nothing' : `"${expected}"`}`, () => {
      assert.equal(citedInDescription(count), expected);
    });
  }
});
