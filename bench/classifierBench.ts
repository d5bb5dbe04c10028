import * as path from 'node:path';
import { createClassifier } from '../src/core/categories/classifier';
import { buildLibrary } from '../src/core/library/library';
import { readEmbeddedCorpus } from '../src/node/corpusFiles';
import { measure, printTable, type BenchSuite } from './benchSuite';

/** Classification alone, so a change to the classifier shows apart from parsing and merging. */
export const classifierBench: BenchSuite = {
  name: 'categorise',
  async run() {
    const seed = buildLibrary(await readEmbeddedCorpus(path.join(__dirname, '..', 'corpus'))).papers;
    const classifier = createClassifier();
    const rows: string[][] = [];
    for (const [count, runs] of [[10_000, 7], [100_000, 3]] as const) {
      const papers = Array.from({ length: count }, (_, i) => seed[i % seed.length]);
      let assigned = 0;
      const timing = await measure(runs, () => {
        assigned = 0;
        for (const paper of papers) assigned += classifier.classify(paper).length;
      });
      rows.push([
        count.toLocaleString('en'), String(runs), timing.wallMs.toFixed(1), timing.cpuMs.toFixed(1),
        ((timing.cpuMs * 1000) / count).toFixed(1), (assigned / count).toFixed(2),
      ]);
    }
    console.log('Classifying seed titles and abstracts (cycled):');
    printTable(['papers', 'runs', 'wall ms', 'CPU ms', 'CPU µs/paper', 'categories/paper'], rows);
  },
};
