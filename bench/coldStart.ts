// One cold start, run by coldStartBench.ts in a fresh node process: what the extension does from activate() to the
// Papers tree's first items, without VS Code. Prints its timings as one JSON line.
import * as path from 'node:path';
import { snapshotClassifier } from '../src/core/categories/categorySnapshot';
import { createClassifier, DEFAULT_TAXONOMY, type Classifier } from '../src/core/categories/classifier';
import { IncrementalLibrary } from '../src/core/library/incrementalLibrary';
import { groupPapers } from '../src/core/view/paperGrouping';
import { CORPUS_CATEGORIES_FILE, readCorpusCategories } from '../src/node/corpusCategories';
import { readEmbeddedCorpusSync } from '../src/node/corpusFiles';

/** What a cold start reports: milliseconds of wall and CPU time to the library and to the tree's first level. */
export interface ColdStart {
  readonly libraryMs: number;
  readonly treeMs: number;
  readonly cpuMs: number;
  readonly papers: number;
  readonly groups: number;
}

function coldStart(useSnapshot: boolean): ColdStart {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const root = path.join(__dirname, '..');
  let classifier: Classifier;
  if (useSnapshot) {
    const snapshot = readCorpusCategories(path.join(root, 'dist', CORPUS_CATEGORIES_FILE));
    if ('problem' in snapshot) throw new Error(snapshot.problem);
    classifier = snapshotClassifier(snapshot, DEFAULT_TAXONOMY, () => createClassifier());
  } else {
    classifier = createClassifier();
  }
  const library = new IncrementalLibrary({ classifier });
  for (const input of readEmbeddedCorpusSync(path.join(root, 'corpus'))) library.setFile(input, true);
  const papers = library.build().papers;
  const libraryMs = performance.now() - start;
  const groups = groupPapers(papers, 'method', (id) => classifier.label(id), { sortPapers: false }).length;
  const treeMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { libraryMs, treeMs, cpuMs: (cpu.user + cpu.system) / 1000, papers: papers.length, groups };
}

console.log(JSON.stringify(coldStart(process.argv[2] !== '--no-snapshot')));
