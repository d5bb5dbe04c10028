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

async function main(): Promise<void> {
  for (const suite of suites) {
    console.log(`\n## ${suite.name}\n`);
    await suite.run();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
