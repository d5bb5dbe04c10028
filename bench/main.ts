// Runs every benchmark suite in turn (`npm run bench`). Suites print their own figures.
import type { BenchSuite } from './benchSuite';
import { claimsBench } from './claimsBench';

const suites: readonly BenchSuite[] = [
  claimsBench,
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  for (const suite of suites) {
    if (only.length > 0 && !only.includes(suite.name)) continue;
    await suite.run();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
