// Claim extraction throughput: seed abstracts, 10,000 synthetic abstracts, and 100,000 papers loaded from a
// Daily Papers file by the library loader and extracted. The figure that counts is per core: extraction is
// single-threaded, so the process's CPU time is one core's time. Wall time is printed too; on the shared machine it
// also counts the time spent waiting for a core.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractClaims, extractClaimsWithReport } from '../src/core/claims/extractClaims';
import { repetitiveAbstract } from '../test/fixtures/hostileInputs';
import { buildLibrary } from '../src/core/library/library';
import { printTable, type BenchSuite } from './benchSuite';
import { readDailyPapers, syntheticAbstracts } from './syntheticAbstracts';

const SEED_FILE = join(__dirname, '..', 'corpus', '000_3372b0a668492b2d.txt');

function cpuMicros(): number {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}

interface Throughput {
  readonly rounds: number;
  /** Median round, as abstracts per second of CPU time and of wall time. */
  readonly cpuPerSecond: number;
  readonly wallPerSecond: number;
  /** The slowest and fastest round, abstracts per CPU second. */
  readonly cpuRange: readonly [number, number];
  readonly megabytes: number;
  readonly claimsPerPass: number;
}

/**
 * Times rounds of `passes` passes over `abstracts` until at least `minRounds` rounds and `minCpuMillis` of CPU time
 * have run, after warm-up passes that let the JIT settle. Reports the median round: one slow round (another process
 * took the core, a major GC) does not move it.
 */
function measureThroughput(abstracts: readonly string[], passes: number, minRounds: number, minCpuMillis: number): Throughput {
  const megabytes = abstracts.reduce((sum, a) => sum + Buffer.byteLength(a, 'utf8'), 0) / 1e6;
  let claims = 0;
  for (let warm = 0; warm < Math.max(2, passes); warm++) for (const abstract of abstracts) claims = extractClaims(abstract).length;
  (globalThis as { gc?: () => void }).gc?.();
  const cpuRates: number[] = [];
  const wallRates: number[] = [];
  let totalCpu = 0;
  while (cpuRates.length < minRounds || totalCpu < minCpuMillis * 1000) {
    claims = 0;
    const cpuStart = cpuMicros();
    const wallStart = performance.now();
    for (let pass = 0; pass < passes; pass++) for (const abstract of abstracts) claims += extractClaims(abstract).length;
    const wallSeconds = (performance.now() - wallStart) / 1000;
    const cpu = cpuMicros() - cpuStart;
    totalCpu += cpu;
    cpuRates.push((passes * abstracts.length) / (cpu / 1e6));
    wallRates.push((passes * abstracts.length) / wallSeconds);
  }
  const sorted = [...cpuRates].sort((a, b) => a - b);
  return {
    rounds: cpuRates.length,
    cpuPerSecond: median(cpuRates),
    wallPerSecond: median(wallRates),
    cpuRange: [sorted[0] ?? 0, sorted[sorted.length - 1] ?? 0],
    megabytes,
    claimsPerPass: claims / passes,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function format(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function row(name: string, count: number, passes: number, t: Throughput): string[] {
  const mbPerAbstract = t.megabytes / count;
  return [
    name, format(count), t.megabytes.toFixed(2), `${t.rounds} x ${passes}`, format(t.claimsPerPass),
    format(t.cpuPerSecond), (t.cpuPerSecond * mbPerAbstract).toFixed(1), `${format(t.cpuRange[0])}–${format(t.cpuRange[1])}`,
    format(t.wallPerSecond), (t.wallPerSecond * mbPerAbstract).toFixed(1),
  ];
}

export const claimsBench: BenchSuite = {
  name: 'claim extraction',
  run(): void {
    const [load1, load5] = loadavg();
    console.log(`Per core: CPU time of this process (process.cpuUsage, user + system; extraction is single-threaded).`);
    console.log(`The machine may be shared (load average ${load1?.toFixed(1)} / ${load5?.toFixed(1)} over 1 / 5 min on ${cpus().length} cores): `
      + `CPU time is the honest figure, wall time also counts waiting for a core.\n`);
    const seed = readDailyPapers(readFileSync(SEED_FILE, 'utf8')).map((p) => p.abstract);
    for (let i = 0; i < 200; i++) for (const abstract of seed) extractClaims(abstract); // warm up the JIT

    const onSeed = measureThroughput(seed, 20, 15, 2000);
    const synthetic = syntheticAbstracts(seed, 10_000, 42);
    const onSynthetic = measureThroughput(synthetic, 1, 7, 3000);
    printTable(
      ['abstracts', 'count', 'MB', 'rounds x passes', 'claims/pass', 'CPU abstracts/s', 'CPU MB/s', 'CPU range', 'wall abstracts/s', 'wall MB/s'],
      [row('seed', seed.length, 20, onSeed), row('synthetic (recombined seed sentences)', synthetic.length, 1, onSynthetic)],
    );
    console.log('(median round; CPU range = slowest and fastest round)\n');

    // 100,000 papers as one Daily Papers file: read it, load it into a library (parse, keys, categories), extract.
    const papers = syntheticAbstracts(seed, 100_000, 7);
    const dir = mkdtempSync(join(tmpdir(), 'paper-notes-bench-'));
    try {
      const file = join(dir, 'papers.txt');
      writeFileSync(file, `Daily Papers\n\nby AK and the research community\n\n${papers.map((a, i) => `Synthetic paper ${i}: a study of sequence models\n\n${a}\n`).join('\n')}`);
      (globalThis as { gc?: () => void }).gc?.();
      const wallStart = performance.now();
      const cpuStart = cpuMicros();
      const library = buildLibrary([{ file: 'papers.txt', text: readFileSync(file, 'utf8'), format: 'daily-papers' }]);
      const loadCpu = (cpuMicros() - cpuStart) / 1e6;
      const loadWall = (performance.now() - wallStart) / 1000;
      let claims = 0;
      for (const paper of library.papers) claims += extractClaims(paper.abstract).length;
      const wall = (performance.now() - wallStart) / 1000;
      const cpu = (cpuMicros() - cpuStart) / 1e6;
      const extractCpu = cpu - loadCpu;
      console.log(`load + extract ${format(library.papers.length)} papers (${format(claims)} claims), one run: `
        + `${cpu.toFixed(2)} s CPU (load ${loadCpu.toFixed(2)} s, extract ${extractCpu.toFixed(2)} s = ${format(library.papers.length / extractCpu)} abstracts/s), `
        + `${wall.toFixed(2)} s wall (load ${loadWall.toFixed(2)} s, extract ${(wall - loadWall).toFixed(2)} s)`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // One huge repetitive abstract (test/fixtures/hostileInputs.ts): extraction must stay linear in its length.
    const sizes: string[][] = [];
    for (const megabytes of [1, 5, 10]) {
      const abstract = repetitiveAbstract(megabytes * 1_000_000);
      (globalThis as { gc?: () => void }).gc?.();
      const wallStart = performance.now();
      const extraction = extractClaimsWithReport(abstract);
      const wall = performance.now() - wallStart;
      sizes.push([`${megabytes} MB`, format(extraction.found + extraction.merged), format(extraction.claims.length), `${(wall / 1000).toFixed(2)} s`]);
    }
    console.log('\nOne huge repetitive abstract, extractClaims (one run each):');
    printTable(['abstract', 'claims before merging', 'claims kept', 'wall'], sizes);
  },
};
