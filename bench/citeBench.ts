// Citation benchmarks: completion ranking latency over a 100,000-paper library, and scanning a 1 MB note.
import { PaperIndex } from '../src/core/cite/paperIndex';
import { CitationScanCache, scanCitations } from '../src/core/cite/scanCitations';
import type { BenchSuite } from './benchSuite';
import { syntheticLibrary } from './syntheticLibrary';

/** What people type after `[@`, one keystroke at a time. */
const TYPED = ['mamba', 'gu2023', 'katharopoulos', 'linear attention', 'dao 2024', 'hyena', 'selective scan gu', 'vision mamba 2024', 'rwkv', 'ma2021spe', 'gu23mam', 'zhao speech separation'];

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!;
}

function keystrokeQueries(): string[] {
  return TYPED.flatMap((phrase) => Array.from({ length: phrase.length }, (_, index) => phrase.slice(0, index + 1)));
}

function rankingBench(): void {
  const papers = syntheticLibrary(100_000);
  const buildStart = performance.now();
  const index = new PaperIndex(papers);
  const buildMs = performance.now() - buildStart;
  const queries = keystrokeQueries();
  for (let round = 0; round < 3; round += 1) for (const query of queries) index.search(query);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let round = 0; round < 5; round += 1) {
    for (const query of queries) {
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      index.search(query);
      times.push(performance.now() - start);
      const cpu = process.cpuUsage(cpuStart);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
    }
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  console.log(`Completion ranking, ${papers.length} papers, ${times.length} keystroke queries after warm-up (target p95 < 20 ms):`);
  console.log(`  wall p50 ${percentile(times, 0.5).toFixed(2)} ms, p95 ${percentile(times, 0.95).toFixed(2)} ms, max ${times[times.length - 1]!.toFixed(2)} ms; ` +
    `CPU p50 ${percentile(cpuTimes, 0.5).toFixed(2)} ms, p95 ${percentile(cpuTimes, 0.95).toFixed(2)} ms; index build ${buildMs.toFixed(0)} ms`);
  const suggestStart = performance.now();
  index.suggestKeys('gu2023mamab');
  console.log(`Did-you-mean over ${papers.length} keys: ${(performance.now() - suggestStart).toFixed(1)} ms`);
}

/** A note of about `size` characters: prose with citations, lists, inline code, fenced code and a table. */
function syntheticNote(size: number): string {
  const blocks = [
    'Selective state spaces [@gu2023mamba; see @dao2024transformers, p. 3] match attention at linear cost, as @katharopoulos2020transformers argued.\n\n',
    'The kernel view of S4 \\citep{gu2021efficiently} explains the long-range results; write to first.last@example.org for the data.\n\n',
    '- Hyena [@poli2023hyena] replaces attention with long convolutions.\n- RWKV[^peng2023rwkv] is an RNN with transformer-level quality.\n\n',
    'Call `scan(x, @gu2023mamba)` in code, not a citation; `[@notakey]` neither.\n\n',
    '```python\n@torch.compile\ndef scan(x):\n    return x  # [@not-a-citation]\n```\n\n',
    '| model | cite |\n| --- | --- |\n| Mamba | [@gu2023mamba] |\n| S4 | [@gu2021efficiently] |\n\n',
    '> Linear attention [-@katharopoulos2020transformers] writes softmax attention as a kernel.\n\n',
  ];
  let note = '# Reading notes\n\n';
  for (let index = 0; note.length < size; index += 1) note += blocks[index % blocks.length];
  return note;
}

function scanBench(): void {
  const note = syntheticNote(1_000_000);
  const cold = performance.now();
  const citations = scanCitations(note);
  const coldMs = performance.now() - cold;
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let round = 0; round < 7; round += 1) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    scanCitations(note);
    times.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  const cache = new CitationScanCache();
  scanCitations(note, cache);
  const edited = note.slice(0, 500_000) + ' [@dao2024transformers]' + note.slice(500_000);
  const incremental = performance.now();
  scanCitations(edited, cache);
  const incrementalMs = performance.now() - incremental;
  console.log(`Scanning a ${(note.length / 1e6).toFixed(2)} MB note (${citations.length} citations): first ${coldMs.toFixed(0)} ms; ` +
    `warm median ${percentile(times, 0.5).toFixed(0)} ms wall, ${percentile(cpuTimes, 0.5).toFixed(0)} ms CPU; rescan after an edit with the chunk cache ${incrementalMs.toFixed(1)} ms`);
}

/** Citation benchmarks: completion ranking latency and note scanning. */
export const citeBench: BenchSuite = {
  name: 'citations',
  run() {
    rankingBench();
    scanBench();
  },
};
