import { readBibtex, readBibtexInSlices } from '../src/core/library/bibtexReader';
import { IncrementalLibrary } from '../src/core/library/incrementalLibrary';
import { citationJsCsl } from '../test/support/citationJs';
import { texLiveBibFiles, type CorpusFile } from '../test/support/texLiveBibliographies';
import { printTable, type BenchSuite, type Timing } from './benchSuite';
import { syntheticBib } from './syntheticBib';

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

const mb = (bytes: number): string => (bytes / 1e6).toFixed(0);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Median wall and CPU time of `runs` calls after `warmups` calls, without a forced GC between runs: a full GC before
 * every run makes the next one pay for regrowing the young generation, which on 1k entries doubles the time for both
 * readers. Ours and citation-js are measured the same way.
 */
function measureWarm(runs: number, fn: () => void, warmups = 2): Timing {
  for (let i = 0; i < warmups; i++) fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    fn();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wallMs: median(wall), cpuMs: median(cpu) };
}

/** Loads `text` in slices as the extension does, sampling the heap and timing the longest slice between pauses. */
async function slicedLoad(text: string): Promise<{ peakHeap: number; longestSliceMs: number; records: number }> {
  let peakHeap = process.memoryUsage().heapUsed;
  let longestSliceMs = 0;
  let sliceStart = performance.now();
  const result = await readBibtexInSlices(text, 'synthetic.bib', {
    sliceMs: 40,
    onProgress: () => {
      longestSliceMs = Math.max(longestSliceMs, performance.now() - sliceStart);
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    },
    pause: () => new Promise<void>((resolve) => setImmediate(() => {
      sliceStart = performance.now();
      resolve();
    })),
  });
  return { peakHeap, longestSliceMs, records: result.records.length };
}

async function loadTable(): Promise<void> {
  const rows: string[][] = [];
  const speedups: string[][] = [];
  for (const [count, runs, citationJsRuns] of [[1_000, 15, 5], [10_000, 5, 3], [100_000, 3, 0]] as const) {
    const text = syntheticBib(count);
    let records = 0;
    const timing = measureWarm(runs, () => {
      records = readBibtex(text, 'synthetic.bib').records.length;
    }, count >= 100_000 ? 1 : 2);
    if (records !== count) throw new Error(`expected ${count} records, read ${records}`);
    // Heap figures are relative to a collected heap that already holds the text, measured right before each load.
    gc();
    const slicedBase = process.memoryUsage().heapUsed;
    const sliced = await slicedLoad(text);
    gc();
    gc();
    const keptBase = process.memoryUsage().heapUsed;
    const kept = await readBibtexInSlices(text, 'synthetic.bib', { sliceMs: 40 });
    gc();
    const retained = process.memoryUsage().heapUsed - keptBase;
    if (kept.records.length !== count || sliced.records !== count) throw new Error('sliced load lost records');
    rows.push([
      count.toLocaleString('en'), (text.length / 1e6).toFixed(1), String(runs), timing.wallMs.toFixed(0), timing.cpuMs.toFixed(0),
      ((timing.wallMs * 1000) / count).toFixed(1), mb(sliced.peakHeap - slicedBase), mb(retained), sliced.longestSliceMs.toFixed(0),
    ]);
    if (citationJsRuns > 0) {
      let items = 0;
      const reference = measureWarm(citationJsRuns, () => {
        items = citationJsCsl(text).length;
      }, 1);
      if (items !== count) throw new Error(`citation-js read ${items} of ${count}`);
      speedups.push([
        count.toLocaleString('en'), String(citationJsRuns), reference.wallMs.toFixed(0), reference.cpuMs.toFixed(0),
        timing.wallMs.toFixed(0), timing.cpuMs.toFixed(0), `${(reference.wallMs / timing.wallMs).toFixed(1)}x`, `${(reference.cpuMs / timing.cpuMs).toFixed(1)}x`,
      ]);
    }
  }
  console.log('Synthetic BibTeX files (entries with ~1.3 KB abstracts, ~1.8 KB each; text already in memory), readBibtex:');
  console.log('(median of the runs after warm-up, no forced GC between runs)');
  printTable(['entries', 'MB', 'runs', 'wall ms', 'CPU ms', 'wall µs/entry', 'peak heap MB', 'retained MB', 'longest slice ms'], rows);
  console.log('(heap above the text itself, sampled between slices of the sliced reader; longest slice = longest block of the event loop while loading in 40 ms slices)\n');
  console.log('citation-js (@citation-js/core + plugin-bibtex, BibTeX -> CSL-JSON) on the same text:');
  printTable(['entries', 'runs', 'citation-js wall ms', 'citation-js CPU ms', 'ours wall ms', 'ours CPU ms', 'speedup (wall)', 'speedup (CPU)'], speedups);
}

/** TeX Live's bibliographies (Debian's texlive-bibtex-extra): real files nobody here wrote, read warm. */
function texLiveTable(): void {
  let files: CorpusFile[];
  try {
    files = texLiveBibFiles();
  } catch (error) {
    console.log(`\nTeX Live bibliographies: not measured (${error instanceof Error ? error.message : String(error)})`);
    return;
  }
  const bytes = files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0);
  let records = 0;
  const runs = 5;
  const timing = measureWarm(runs, () => {
    records = 0;
    for (const file of files) records += readBibtex(file.text, file.name).records.length;
  });
  console.log(`\nTeX Live's bibliographies (${files.length} .bib files of texlive-bibtex-extra, LaTeX, @preamble macros and crossref as written), readBibtex on each:`);
  printTable(['entries', 'MB', 'runs', 'wall ms', 'CPU ms', 'wall µs/entry'], [[
    records.toLocaleString('en'), (bytes / 1e6).toFixed(1), String(runs), timing.wallMs.toFixed(0), timing.cpuMs.toFixed(0),
    ((timing.wallMs * 1000) / records).toFixed(1),
  ]]);
}

async function reloadTable(): Promise<void> {
  const files = Array.from({ length: 10 }, (_, i) => ({ file: `refs/part${i}.bib`, text: syntheticBib(1000, i * 1000) }));
  const library = new IncrementalLibrary();
  const initialStart = performance.now();
  for (const file of files) library.setFile({ ...file, format: 'bibtex' });
  const initialSize = library.build().size;
  const initialMs = performance.now() - initialStart;
  if (initialSize !== 10_000) throw new Error(`expected 10000 papers, built ${initialSize}`);

  const changed = files[3];
  const variants = [changed.text.replace('Study 3001}', 'Study 3001, revised}'), changed.text];
  let version = 0;
  let readMs = 0;
  const reload = measureWarm(7, () => {
    const start = performance.now();
    library.setFile({ file: changed.file, text: variants[version++ % 2], format: 'bibtex' });
    readMs = performance.now() - start;
    if (library.build().size !== 10_000) throw new Error('reload lost papers');
  });
  console.log('\nReloading one changed file (1,000 entries) in a 10-file, 10,000-entry workspace (IncrementalLibrary: re-read the file, merge, key, reuse categories):');
  printTable(['initial load ms', 'reload wall ms', 'reload CPU ms', 're-read of the file ms (last run)'], [[
    initialMs.toFixed(0), reload.wallMs.toFixed(1), reload.cpuMs.toFixed(1), readMs.toFixed(1),
  ]]);
}

/** Largest delay of a 10 ms interval timer while `work` runs: how long the event loop was blocked at worst. */
async function withLagMonitor<T>(work: () => Promise<T>): Promise<{ value: T; maxBlockMs: number }> {
  let last = performance.now();
  let maxBlockMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    maxBlockMs = Math.max(maxBlockMs, now - last);
    last = now;
  }, 10);
  try {
    const value = await work();
    maxBlockMs = Math.max(maxBlockMs, performance.now() - last);
    return { value, maxBlockMs };
  } finally {
    clearInterval(timer);
  }
}

const pauseForHost = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A load as the extension host does it: read in slices, classify in slices, then build the merged library. */
async function extensionLoadTable(): Promise<void> {
  const rows: string[][] = [];
  for (const count of [10_000, 100_000]) {
    const text = syntheticBib(count);
    gc();
    let readMs = 0;
    let buildMs = 0;
    const { value: size, maxBlockMs } = await withLagMonitor(async () => {
      const library = new IncrementalLibrary();
      let start = performance.now();
      const result = await readBibtexInSlices(text, 'synthetic.bib', { pause: pauseForHost });
      library.setReadResult({ file: 'synthetic.bib', format: 'bibtex', bundled: false, result });
      readMs = performance.now() - start;
      start = performance.now();
      const built = (await library.buildInSlices(pauseForHost)).size;
      buildMs = performance.now() - start;
      return built;
    });
    if (size !== count) throw new Error(`expected ${count} papers, built ${size}`);
    rows.push([count.toLocaleString('en'), readMs.toFixed(0), buildMs.toFixed(0), (readMs + buildMs).toFixed(0), maxBlockMs.toFixed(0)]);
  }
  console.log('\nLoading a file the way the extension host does (read in slices, then merge + keys + categories + index in slices, 40 ms each):');
  printTable(['entries', 'read ms', 'build ms', 'total ms', 'longest event-loop block ms'], rows);
  console.log('(longest block: largest delay of a 10 ms interval timer during the whole load; wall clock, so on a busy machine it');
  console.log(' includes time the process waited for a CPU, not only work done between two yields)');
}

export const bibtexBench: BenchSuite = {
  name: 'BibTeX libraries',
  async run() {
    await loadTable();
    texLiveTable();
    await reloadTable();
    await extensionLoadTable();
  },
};
