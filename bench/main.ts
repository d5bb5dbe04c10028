import type { BenchSuite } from './benchSuite';
import { bibtexBench } from './bibtexBench';
import { citeBench } from './citeBench';
import { claimsBench } from './claimsBench';
import { classifierBench } from './classifierBench';
import { coldStartBench } from './coldStartBench';
import { cslBench } from './cslBench';
import { libraryBench } from './libraryBench';
import { paperViewsBench } from './paperViewsBench';
import { readingTextBench } from './readingTextBench';
import { extractClaims } from '../src/core/claims/extractClaims';

/** Every suite; a new one is one import and one line here. */
const suites: readonly BenchSuite[] = [
  libraryBench,
  coldStartBench,
  citeBench,
  cslBench,
  classifierBench,
  claimsBench,
  readingTextBench,
  paperViewsBench(extractClaims),
  bibtexBench,
];

/** `npm run bench -- NAME...` runs only the suites whose names contain one of the words (case-insensitive). */
async function main(): Promise<void> {
  const wanted = process.argv.slice(2).map((word) => word.toLowerCase());
  for (const suite of suites) {
    if (wanted.length > 0 && !wanted.some((word) => suite.name.toLowerCase().includes(word))) continue;
    console.log(`\n## ${suite.name}\n`);
    await suite.run();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
