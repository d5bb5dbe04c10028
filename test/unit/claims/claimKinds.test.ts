import { strict as assert } from 'node:assert';
import { CLAIM_KINDS } from '../../../src/core/claims/claim';

describe('claim kinds', () => {
  it('lists each kind once', () => {
    assert.equal(new Set(CLAIM_KINDS).size, CLAIM_KINDS.length);
  });
  it('includes every kind the paper view highlights', () => {
    for (const kind of ['speedup', 'reduction', 'result', 'complexity', 'scale', 'benchmark', 'code']) {
      assert.ok((CLAIM_KINDS as readonly string[]).includes(kind), kind);
    }
  });
});
