// Rewrites the claims output snapshot (test/fixtures/claims/outputSnapshot.json) from the current extractor.
// Run it only when a rule change is meant to change the output, and review the diff before committing.
import { writeFileSync } from 'node:fs';
import { computeClaimsSnapshot, formatSnapshot, readSnapshotInputs, SNAPSHOT_FILE } from '../test/support/claimsSnapshot';

const snapshot = computeClaimsSnapshot(readSnapshotInputs());
writeFileSync(SNAPSHOT_FILE, formatSnapshot(snapshot));
const claims = [...snapshot.seed, ...snapshot.heldOut].reduce((n, p) => n + p.claims.length, 0);
console.log(`claims snapshot: ${snapshot.seed.length} seed + ${snapshot.heldOut.length} held-out abstracts (${claims} claims), ${snapshot.synthetic.count} synthetic abstract digests`);
