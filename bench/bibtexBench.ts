import { readBibtex, readBibtexInSlices } from '../src/core/library/bibtexReader';
import { IncrementalLibrary } from '../src/core/library/incrementalLibrary';
import { citationJsCsl } from '../test/support/citationJs';
import { measure, printTable, type BenchSuite } from './benchSuite';
import { syntheticBib } from './syntheticBib';

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

const mb = (bytes: number): string => (bytes / 1e6).toFixed(0);

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
  for (const [count, runs, citationJsRuns] of [[1_000, 9, 3], [10_000, 5, 1], [100_000, 3, 0]] as const) {
    const text = syntheticBib(count);
    gc();
    const baseHeap = process.memoryUsage().heapUsed;
    let records = 0;
    const timing = await measure(runs, () => {
      records = readBibtex(text, 'synthetic.bib').records.length;
    });
    if (records !== count) throw new Error(`expected ${count} records, read ${records}`);
    gc();
    const sliced = await slicedLoad(text);
    gc();
    const kept = await readBibtexInSlices(text, 'synthetic.bib', { sliceMs: 40 });
    gc();
    const retained = process.memoryUsage().heapUsed - baseHeap;
    if (kept.records.length !== count || sliced.records !== count) throw new Error('sliced load lost records');
    rows.push([
      count.toLocaleString('en'), (text.length / 1e6).toFixed(1), String(runs), timing.wallMs.toFixed(0), timing.cpuMs.toFixed(0),
      ((timing.wallMs * 1000) / count).toFixed(1), mb(sliced.peakHeap - baseHeap), mb(retained), sliced.longestSliceMs.toFixed(0),
    ]);
    if (citationJsRuns > 0) {
      let items = 0;
      const reference = await measure(citationJsRuns, () => {
        items = citationJsCsl(text).length;
      });
      if (items !== count) throw new Error(`citation-js read ${items} of ${count}`);
      speedups.push([
        count.toLocaleString('en'), String(citationJsRuns), reference.wallMs.toFixed(0), reference.cpuMs.toFixed(0),
        timing.wallMs.toFixed(0), timing.cpuMs.toFixed(0), `${(reference.wallMs / timing.wallMs).toFixed(1)}x`, `${(reference.cpuMs / timing.cpuMs).toFixed(1)}x`,
      ]);
    }
  }
  console.log('Synthetic BibTeX files (entries with ~1.3 KB abstracts, ~1.8 KB each; text already in memory), readBibtex:');
  printTable(['entries', 'MB', 'runs', 'wall ms', 'CPU ms', 'wall µs/entry', 'peak heap MB', 'retained MB', 'longest slice ms'], rows);
  console.log('(median of the runs; heap above the text itself, sampled between slices of the sliced reader; longest slice = longest block of the event loop while loading in 40 ms slices)\n');
  console.log('citation-js (@citation-js/core + plugin-bibtex, BibTeX -> CSL-JSON) on the same text:');
  printTable(['entries', 'runs', 'citation-js wall ms', 'citation-js CPU ms', 'ours wall ms', 'ours CPU ms', 'speedup (wall)', 'speedup (CPU)'], speedups);
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
  const reload = await measure(7, () => {
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

export const bibtexBench: BenchSuite = {
  name: 'BibTeX libraries',
  async run() {
    await loadTable();
    await reloadTable();
  },
};
