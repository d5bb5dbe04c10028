import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { extractClaims } from '../../../src/core/claims/extractClaims';
import {
  claimsDigest, computeClaimsSnapshot, readSnapshotInputs, SNAPSHOT_FILE,
  type ClaimsSnapshot, type SnapshotInputs,
} from '../../support/claimsSnapshot';

const REGENERATE = 'if the change is intended, run `npm run snapshot:claims` and review the diff';

describe('claim extractor output snapshot', function () {
  // Extracting from 10,000 abstracts takes about a second alone and several on a loaded machine.
  this.timeout(120_000);

  let inputs: SnapshotInputs;
  let expected: ClaimsSnapshot;
  let actual: ClaimsSnapshot;
  before(() => {
    inputs = readSnapshotInputs();
    expected = JSON.parse(readFileSync(SNAPSHOT_FILE, 'utf8')) as ClaimsSnapshot;
    // Through JSON, as the snapshot was written: absent optional fields stay absent.
    actual = JSON.parse(JSON.stringify(computeClaimsSnapshot(inputs))) as ClaimsSnapshot;
  });

  it('gives exactly the snapshot claims for every seed abstract', () => {
    assert.equal(actual.seed.length, expected.seed.length);
    actual.seed.forEach((paper, i) => assert.deepEqual(paper, expected.seed[i], `seed paper "${paper.title}": ${REGENERATE}`));
  });

  it('gives exactly the snapshot claims for every held-out abstract', () => {
    assert.equal(actual.heldOut.length, expected.heldOut.length);
    actual.heldOut.forEach((paper, i) => assert.deepEqual(paper, expected.heldOut[i], `held-out paper "${paper.title}": ${REGENERATE}`));
  });

  it('measures the same 10,000 synthetic abstracts as when the snapshot was taken', () => {
    assert.equal(actual.synthetic.count, expected.synthetic.count);
    assert.equal(actual.synthetic.corpusSha256, expected.synthetic.corpusSha256, 'the synthetic corpus generator changed');
  });

  it('gives claims with the snapshot digest for every synthetic abstract', () => {
    const differing = actual.synthetic.claimsSha256.flatMap((digest, i) => (digest === expected.synthetic.claimsSha256[i] ? [] : [i]));
    const first = differing[0];
    const detail = first === undefined ? '' : `; first is #${first}: ${inputs.synthetic[first]}\nnow gives ${JSON.stringify(extractClaims(inputs.synthetic[first] ?? ''), null, 1)}`;
    assert.equal(differing.length, 0, `${differing.length} synthetic abstracts changed output${detail}\n${REGENERATE}`);
  });

  it('digests the claims themselves, so a changed claim changes the digest', () => {
    const abstract = inputs.seed.find((p) => p.abstract.includes('5times higher throughput'))?.abstract ?? '';
    const claims = extractClaims(abstract);
    assert.ok(claims.length > 0);
    const moved = claims.map((c, i) => (i === 0 ? { ...c, end: c.end + 1 } : c));
    assert.notEqual(claimsDigest(moved), claimsDigest(claims));
  });
});
