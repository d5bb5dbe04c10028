import * as path from 'node:path';
import { buildLibrary, type LibraryInput } from '../src/core/library/library';
import { readEmbeddedCorpus } from '../src/node/corpusFiles';
import { measure, printTable, type BenchSuite } from './benchSuite';

const HEADER = 'new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\nby AK and the research community\n\n';

/** A Daily Papers page of `count` papers cycling through the seed's titles and abstracts, each title made unique. */
function syntheticPage(seed: LibraryInput[], count: number): string {
  const papers = buildLibrary(seed).papers;
  const parts = [HEADER];
  for (let i = 0; i < count; i++) {
    const paper = papers[i % papers.length];
    parts.push(`${paper.title} (${i})\n\n${paper.abstract}\n\n`);
  }
  return parts.join('');
}

export const libraryBench: BenchSuite = {
  name: 'library load',
  async run() {
    const corpusDir = path.join(__dirname, '..', 'corpus');
    const embedded = await measure(50, async () => buildLibrary(await readEmbeddedCorpus(corpusDir)));
    console.log(`Embedded corpus (53 papers: read files, parse, merge, key, categorise), 50 runs: `
      + `median ${embedded.wallMs.toFixed(2)} ms wall, ${embedded.cpuMs.toFixed(2)} ms CPU\n`);

    const seed = await readEmbeddedCorpus(corpusDir);
    const rows: string[][] = [];
    for (const [count, runs] of [[1_000, 15], [10_000, 7], [100_000, 3]] as const) {
      const text = syntheticPage(seed, count);
      const input: LibraryInput[] = [{ file: `synthetic-${count}.txt`, text, format: 'daily-papers' }];
      let size = 0;
      const timing = await measure(runs, () => {
        size = buildLibrary(input).size;
      });
      if (size !== count) throw new Error(`expected ${count} papers, loaded ${size}`);
      rows.push([
        count.toLocaleString('en'), (text.length / 1e6).toFixed(1), String(runs),
        timing.wallMs.toFixed(1), ((timing.wallMs * 1000) / count).toFixed(1),
        timing.cpuMs.toFixed(1), ((timing.cpuMs * 1000) / count).toFixed(1),
      ]);
    }
    console.log('Synthetic Daily Papers files (parse, merge, key, categorise; text already in memory):');
    printTable(['papers', 'MB', 'runs', 'wall ms', 'wall µs/paper', 'CPU ms', 'CPU µs/paper'], rows);
    console.log('(median of the runs; CPU time counts every thread of the process, including the garbage collector)');
  },
};
