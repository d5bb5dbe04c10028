import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { median, printTable, type BenchSuite } from './benchSuite';
import type { ColdStart } from './coldStart';

const PROCESSES = 15;

/** Runs `dist/coldStart.js` in fresh node processes: the JIT is cold each time, as in a newly started extension host. */
function coldStarts(args: readonly string[]): ColdStart[] {
  const script = path.join(__dirname, 'coldStart.js');
  return Array.from({ length: PROCESSES }, () => JSON.parse(execFileSync(process.execPath, [script, ...args], { encoding: 'utf8' })) as ColdStart);
}

export const coldStartBench: BenchSuite = {
  name: 'cold start (activate() to the tree\'s first items, without VS Code)',
  run() {
    const rows = [
      ['precomputed categories (as the extension)', coldStarts([])],
      ['classifier at start-up', coldStarts(['--no-snapshot'])],
    ] as const;
    for (const [, runs] of rows) {
      if (runs.some((run) => run.papers !== 53)) throw new Error(`expected 53 papers, got ${runs.map((run) => run.papers).join(', ')}`);
    }
    console.log(`Embedded corpus, each figure the median of ${PROCESSES} fresh node processes: read, parse, merge, key, categorise, group by method.`);
    printTable(
      ['categories', 'library ms', 'tree ms', 'CPU ms'],
      rows.map(([name, runs]) => [
        name,
        median(runs.map((run) => run.libraryMs)).toFixed(1),
        median(runs.map((run) => run.treeMs)).toFixed(1),
        median(runs.map((run) => run.cpuMs)).toFixed(1),
      ]),
    );
    console.log('(CPU time counts every thread of the process, including the compiler and the garbage collector)');
  },
};
