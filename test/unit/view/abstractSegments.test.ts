import { strict as assert } from 'node:assert';
import { segmentAbstract } from '../../../src/core/view/abstractSegments';
import { claimAt } from '../helpers/claimFixtures';

const abstract = 'Mamba runs 5x faster than Transformers on long sequences.';
//                0         1         2         3         4         5
//                0123456789012345678901234567890123456789012345678901234567

/** Renders segments as "text|claims" pieces so a table row shows the whole split at a glance. */
function pieces(text: string, claims: ReturnType<typeof claimAt>[]): string[] {
  return segmentAbstract(text, claims).segments.map((segment) => `${segment.text}|${segment.claims.join(',')}`);
}

describe('segmentAbstract', () => {
  const cases: Array<{ name: string; claims: ReturnType<typeof claimAt>[]; expected: string[] }> = [
    { name: 'leaves an abstract without claims as one plain segment', claims: [], expected: [`${abstract}|`] },
    {
      name: 'splits around a single claim',
      claims: [claimAt(abstract, 11, 20, 'speedup')],
      expected: ['Mamba runs |', '5x faster|0', ' than Transformers on long sequences.|'],
    },
    {
      name: 'nests a claim inside another by splitting, innermost claim first',
      claims: [claimAt(abstract, 11, 38, 'comparison'), claimAt(abstract, 11, 13, 'speedup')],
      expected: ['Mamba runs |', '5x|1,0', ' faster than Transformers|0', ' on long sequences.|'],
    },
    {
      name: 'splits crossing claims into three runs',
      claims: [claimAt(abstract, 11, 25, 'speedup'), claimAt(abstract, 20, 38, 'comparison')],
      expected: ['Mamba runs |', '5x faster|0', ' than|0,1', ' Transformers|1', ' on long sequences.|'],
    },
    {
      name: 'orders identical ranges by index so the result does not depend on sort stability',
      claims: [claimAt(abstract, 0, 5, 'scale'), claimAt(abstract, 0, 5, 'result')],
      expected: ['Mamba|0,1', ' runs 5x faster than Transformers on long sequences.|'],
    },
    {
      name: 'ignores claims whose offsets fall outside the abstract',
      claims: [claimAt(abstract, 50, 90, 'result'), claimAt(abstract, 7, 3, 'result'), claimAt(abstract, 0, 5, 'scale')],
      expected: ['Mamba|2', ' runs 5x faster than Transformers on long sequences.|'],
    },
  ];
  for (const { name, claims, expected } of cases) {
    it(name, () => assert.deepEqual(pieces(abstract, claims), expected));
  }

  it('reports the claims it could not place', () => {
    const claims = [claimAt(abstract, 0, 5, 'scale'), { ...claimAt(abstract, 0, 5, 'result'), end: 999 }];
    assert.deepEqual(segmentAbstract(abstract, claims).unplaced, [1]);
  });

  it('marks each claim as anchored at the segment where it starts', () => {
    const claims = [claimAt(abstract, 11, 25, 'speedup'), claimAt(abstract, 20, 38, 'comparison')];
    const anchors = segmentAbstract(abstract, claims).segments.map((segment) => segment.anchors.join(','));
    assert.deepEqual(anchors, ['', '0', '1', '', '']);
  });

  it('gives the same segments whatever order the claims arrive in', () => {
    const a = claimAt(abstract, 11, 25, 'speedup');
    const b = claimAt(abstract, 20, 38, 'comparison');
    const forward = segmentAbstract(abstract, [a, b]).segments.map((segment) => segment.text);
    const backward = segmentAbstract(abstract, [b, a]).segments.map((segment) => segment.text);
    assert.deepEqual(forward, backward);
  });

  it('rebuilds the abstract exactly from its segments, right-to-left text and emoji included', () => {
    const text = 'מודל 🚀 runs e\u0301 5x faster';
    const claims = [claimAt(text, 5, 7, 'scale'), claimAt(text, 15, 24, 'speedup')];
    assert.equal(segmentAbstract(text, claims).segments.map((segment) => segment.text).join(''), text);
  });
});
