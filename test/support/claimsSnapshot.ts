// The extractor's full output over the seed, the held-out abstracts and the bench's 10,000 synthetic abstracts, as a
// committed snapshot: a refactor or speed-up must leave it unchanged. Regenerate it only for an intended rule change
// (`npm run snapshot:claims`), and review the diff.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDailyPapers, syntheticAbstracts } from '../../bench/syntheticAbstracts';
import type { Claim } from '../../src/core/claims/claim';
import { extractClaims } from '../../src/core/claims/extractClaims';

export const SNAPSHOT_FILE = join(__dirname, '..', 'fixtures', 'claims', 'outputSnapshot.json');
const ROOT = join(__dirname, '..', '..');

/** Same count and seed as the bench's synthetic set. */
export const SYNTHETIC_COUNT = 10_000;
export const SYNTHETIC_SEED = 42;

export interface PaperClaims {
  readonly title: string;
  readonly claims: readonly Claim[];
}

export interface ClaimsSnapshot {
  readonly seed: readonly PaperClaims[];
  readonly heldOut: readonly PaperClaims[];
  readonly synthetic: {
    readonly count: number;
    readonly seed: number;
    /** Hash of the synthetic text itself, so a change in how it is generated is not mistaken for an extractor change. */
    readonly corpusSha256: string;
    /** Per abstract, the first 12 hex digits of the SHA-256 of its claims as JSON (the full output would be tens of MB). */
    readonly claimsSha256: readonly string[];
  };
}

export interface SnapshotInputs {
  readonly seed: readonly { title: string; abstract: string }[];
  readonly heldOut: readonly { title: string; abstract: string }[];
  readonly synthetic: readonly string[];
}

export function readSnapshotInputs(): SnapshotInputs {
  const seed = readDailyPapers(readFileSync(join(ROOT, 'corpus', '000_3372b0a668492b2d.txt'), 'utf8'));
  const heldOut = (JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'claims', 'heldout.json'), 'utf8')) as { title: string; abstract?: string }[])
    .map((p) => ({ title: p.title, abstract: p.abstract ?? '' }));
  const synthetic = syntheticAbstracts(seed.map((p) => p.abstract), SYNTHETIC_COUNT, SYNTHETIC_SEED);
  return { seed, heldOut, synthetic };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function claimsDigest(claims: readonly Claim[]): string {
  return sha256(JSON.stringify(claims)).slice(0, 12);
}

export function computeClaimsSnapshot(inputs: SnapshotInputs): ClaimsSnapshot {
  const claimsOf = (papers: SnapshotInputs['seed']) => papers.map((p) => ({ title: p.title, claims: extractClaims(p.abstract) }));
  return {
    seed: claimsOf(inputs.seed),
    heldOut: claimsOf(inputs.heldOut),
    synthetic: {
      count: inputs.synthetic.length,
      seed: SYNTHETIC_SEED,
      corpusSha256: sha256(inputs.synthetic.join('\n')),
      claimsSha256: inputs.synthetic.map((abstract) => claimsDigest(extractClaims(abstract))),
    },
  };
}

/** Pretty enough to review in a diff: claims indented, the hash list one per line. */
export function formatSnapshot(snapshot: ClaimsSnapshot): string {
  return `${JSON.stringify(snapshot, null, 1)}\n`;
}
