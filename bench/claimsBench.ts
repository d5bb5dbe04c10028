// Claim extraction throughput: seed abstracts, 10,000 synthetic abstracts, and 100,000 papers loaded from a
// Daily Papers file by the library loader and extracted. Throughput is per core: CPU time of this single-threaded
// process (wall time also printed for the 100,000 papers; on a busy machine it is longer).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractClaims } from '../src/core/claims/extractClaims';
import { buildLibrary } from '../src/core/library/library';
import { splitSentences } from '../src/core/claims/sentences';
import type { BenchSuite } from './benchSuite';

const SEED_FILE = join(__dirname, '..', 'corpus', '000_3372b0a668492b2d.txt');

/** Title/abstract pairs of a Daily Papers page: header lines up to "by AK ...", then title, abstract, title, ... */
function readDailyPapers(text: string): { title: string; abstract: string }[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim().length > 0);
  const first = lines.findIndex((line) => line.startsWith('by AK')) + 1;
  const papers: { title: string; abstract: string }[] = [];
  for (let i = first; i + 1 < lines.length; i += 2) papers.push({ title: lines[i] ?? '', abstract: lines[i + 1] ?? '' });
  return papers;
}

/** Deterministic PRNG (mulberry32) so every run measures the same synthetic corpus. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Abstracts of 5-11 sentences drawn from the seed's sentences, so the text looks like real abstracts. */
function syntheticAbstracts(seedAbstracts: readonly string[], count: number, seed: number): string[] {
  const sentences = seedAbstracts.flatMap((a) => splitSentences(a).map((s) => a.slice(s.start, s.end)));
  const next = random(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = 5 + Math.floor(next() * 7);
    const parts: string[] = [];
    for (let j = 0; j < n; j++) parts.push(sentences[Math.floor(next() * sentences.length)] ?? '');
    out.push(parts.join(' '));
  }
  return out;
}

function cpuMicros(): number {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}

/** Extracts from every abstract, repeating until at least `minMillis` of CPU time has passed. */
function measure(abstracts: readonly string[], minMillis: number): { perSecond: number; megabytesPerSecond: number; claims: number } {
  const bytes = abstracts.reduce((sum, a) => sum + Buffer.byteLength(a, 'utf8'), 0);
  let rounds = 0;
  let claims = 0;
  const start = cpuMicros();
  let elapsed: number;
  do {
    for (const abstract of abstracts) claims += extractClaims(abstract).length;
    rounds++;
    elapsed = cpuMicros() - start;
  } while (elapsed < minMillis * 1000);
  const seconds = elapsed / 1e6;
  return { perSecond: (rounds * abstracts.length) / seconds, megabytesPerSecond: (rounds * bytes) / 1e6 / seconds, claims: claims / rounds };
}

function format(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export const claimsBench: BenchSuite = {
  name: 'claim extraction',
  run(): void {
    const seed = readDailyPapers(readFileSync(SEED_FILE, 'utf8')).map((p) => p.abstract);
    for (let i = 0; i < 200; i++) for (const abstract of seed) extractClaims(abstract); // warm up the JIT

    const onSeed = measure(seed, 2000);
    console.log(`claims: seed (${seed.length} abstracts): ${format(onSeed.perSecond)} abstracts/s, ${onSeed.megabytesPerSecond.toFixed(1)} MB/s, ${onSeed.claims} claims per pass`);

    const synthetic = syntheticAbstracts(seed, 10_000, 42);
    const onSynthetic = measure(synthetic, 2000);
    console.log(`claims: synthetic (10,000 abstracts of recombined seed sentences): ${format(onSynthetic.perSecond)} abstracts/s, ${onSynthetic.megabytesPerSecond.toFixed(1)} MB/s`);

    // 100,000 papers as one Daily Papers file: read it, load it into a library (parse, keys, categories), extract.
    const papers = syntheticAbstracts(seed, 100_000, 7);
    const dir = mkdtempSync(join(tmpdir(), 'paper-notes-bench-'));
    try {
      const file = join(dir, 'papers.txt');
      writeFileSync(file, `Daily Papers\n\nby AK and the research community\n\n${papers.map((a, i) => `Synthetic paper ${i}: a study of sequence models\n\n${a}\n`).join('\n')}`);
      const wallStart = performance.now();
      const cpuStart = cpuMicros();
      const library = buildLibrary([{ file: 'papers.txt', text: readFileSync(file, 'utf8'), format: 'daily-papers' }]);
      const loadCpu = (cpuMicros() - cpuStart) / 1e6;
      let claims = 0;
      for (const paper of library.papers) claims += extractClaims(paper.abstract).length;
      const wall = (performance.now() - wallStart) / 1000;
      const cpu = (cpuMicros() - cpuStart) / 1e6;
      console.log(`claims: load + extract ${format(library.papers.length)} papers (${format(claims)} claims): ${cpu.toFixed(2)} s CPU (load ${loadCpu.toFixed(2)} s, extract ${(cpu - loadCpu).toFixed(2)} s), ${wall.toFixed(2)} s wall`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
