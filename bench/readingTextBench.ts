// The clean reading text (issue #18): how long reading an abstract and mapping its claims takes, on the seed
// abstracts, on 10,000 synthetic ones (what the Claims view and search index do for a large library), and on the
// hostile corpus's 200 KB abstract (what one paper view does at worst).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractClaims } from '../src/core/claims/extractClaims';
import { displayClaims } from '../src/core/text/displayClaims';
import { readingText } from '../src/core/text/readingText';
import { measure, printTable, type BenchSuite } from './benchSuite';
import { readDailyPapers, syntheticAbstracts } from './syntheticAbstracts';

const SEED_FILE = join(__dirname, '..', 'corpus', '000_3372b0a668492b2d.txt');
const HOSTILE_FILE = join(__dirname, '..', 'test', 'fixtures', 'hostile', 'daily-papers.txt');

export const readingTextBench: BenchSuite = {
  name: 'clean reading text',
  async run(): Promise<void> {
    const seed = readDailyPapers(readFileSync(SEED_FILE, 'utf8')).map((paper) => paper.abstract);
    const synthetic = syntheticAbstracts(seed, 10_000, 42);
    const longest = readDailyPapers(readFileSync(HOSTILE_FILE, 'utf8')).map((paper) => paper.abstract).sort((a, b) => b.length - a.length)[0]!;
    const rows: string[][] = [];
    const sets: ReadonlyArray<[string, readonly string[]]> = [['seed', seed], ['synthetic', synthetic], ['hostile, longest', [longest]]];
    for (const [name, abstracts] of sets) {
      const claims = abstracts.map((abstract) => extractClaims(abstract));
      const mb = abstracts.reduce((sum: number, abstract) => sum + abstract.length, 0) / 1e6;
      const read = await measure(7, () => abstracts.map((abstract) => readingText(abstract).text.length));
      const mapped = await measure(7, () => abstracts.map((abstract, index) => displayClaims(abstract, claims[index]!).length));
      rows.push([
        name,
        String(abstracts.length),
        mb.toFixed(2),
        read.cpuMs.toFixed(1),
        ((read.cpuMs * 1000) / abstracts.length).toFixed(1),
        mapped.cpuMs.toFixed(1),
        ((mapped.cpuMs * 1000) / abstracts.length).toFixed(1),
      ]);
    }
    printTable(['abstracts', 'count', 'MB', 'readingText ms', 'µs/abstract', 'readingText + displayClaims ms', 'µs/abstract'], rows);
    console.log('(CPU time, median of 7 runs after a warm-up)');
  },
};
