// The @vscode/test-electron entry point: VS Code's extension host loads this file and awaits run().
// Each `*.test.js` beside it is one suite, bundled separately by scripts/build.mjs.
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';

/** Runs every suite; rejects when a test fails, which makes the harness exit non-zero. */
export async function run(): Promise<void> {
  const listFile = process.env.PAPER_NOTES_TEST_LIST;
  process.setSourceMapsEnabled(true); // failing tests point at test/integration/suite/*.ts, not the bundles
  const mocha = new Mocha({
    ui: 'bdd',
    color: false, // the report travels as plain log lines to the terminal
    reporter: 'spec',
    timeout: 20_000,
    // PAPER_NOTES_TEST_GREP reaches the extension host through code-server's (or Electron's) environment.
    ...(process.env.PAPER_NOTES_TEST_GREP ? { grep: process.env.PAPER_NOTES_TEST_GREP } : {}),
    // PAPER_NOTES_TEST_LIST=FILE: run nothing, write every test's file and full title to FILE (scripts/standaloneTests.ts).
    ...(listFile ? { dryRun: true, reporter: 'dot' } : {}),
  });
  const suiteDir = __dirname;
  for (const file of readdirSync(suiteDir).filter((name) => name.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(suiteDir, file));
  }
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (listFile) writeFileSync(listFile, `${JSON.stringify(testsOf(mocha.suite), null, 1)}\n`);
  if (failures > 0) throw new Error(`${failures} integration test${failures === 1 ? '' : 's'} failed.`);
}

/** Every test under a suite, in run order, with the suite file it is in. */
function testsOf(suite: Mocha.Suite): Array<{ file: string; title: string }> {
  return [
    ...suite.tests.map((test) => ({ file: path.basename(test.file ?? '').replace(/\.js$/, '.ts'), title: test.fullTitle() })),
    ...suite.suites.flatMap(testsOf),
  ];
}
