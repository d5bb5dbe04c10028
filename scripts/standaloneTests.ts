// `npm run test:standalone`: proves that tests share nothing through their order. It lists every UI and integration
// test, picks one test of each suite file that is not the file's first (by a seed: the commit by default, so each
// commit checks other tests, and any run can be repeated with --seed), and runs the picks with nothing before them in
// their file: one UI run and one integration run whose --grep matches exactly the picked titles.
//
//   --seed S      pick with this seed instead of the commit's
//   --all         run every test alone, one run each (slow: a minute or so of set-up per test)
//   --ui / --integration   only that suite
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { seededRandom } from '../bench/seededRandom';

interface ListedTest {
  readonly file: string;
  readonly title: string;
}

const repoRoot = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { seed: { type: 'string' }, all: { type: 'boolean' }, ui: { type: 'boolean' }, integration: { type: 'boolean' } },
  strict: true,
});
const suites = values.ui || values.integration ? { ui: values.ui === true, integration: values.integration === true } : { ui: true, integration: true };

function commitSeed(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
  } catch {
    return 'no-git';
  }
}

/** The same seed picks the same tests: FNV-1a over the seed text, then the benchmarks' seeded generator. */
function randomFrom(seed: string): () => number {
  let hash = 0x811c9dc5;
  for (const char of seed) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return seededRandom(hash);
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A --grep that matches exactly these full titles. */
const exactly = (tests: readonly ListedTest[]): string => `^(?:${tests.map((test) => escapeRegExp(test.title)).join('|')})$`;

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
const mocha = path.join(repoRoot, 'node_modules', '.bin', 'mocha');

function listUiTests(scratch: string): ListedTest[] {
  const output = path.join(scratch, 'ui-tests.json');
  const code = run(mocha, ['--config', 'test/ui/.mocharc.json', '--dry-run', '--reporter', 'json', '--reporter-option', `output=${output}`]);
  if (code !== 0) throw new Error(`listing the UI tests failed (exit ${code})`);
  const report = JSON.parse(readFileSync(output, 'utf8')) as { tests: Array<{ fullTitle: string; file: string }> };
  return report.tests.map((test) => ({ file: path.relative(repoRoot, test.file), title: test.fullTitle }));
}

function listIntegrationTests(scratch: string): ListedTest[] {
  const output = path.join(scratch, 'integration-tests.json');
  const code = run(tsx, ['test/integration/runInCodeServer.ts'], { PAPER_NOTES_TEST_LIST: output });
  if (code !== 0) throw new Error(`listing the integration tests failed (exit ${code})`);
  return JSON.parse(readFileSync(output, 'utf8')) as ListedTest[];
}

/** One test of each file, never the file's first (which runs first anyway), chosen by `random`. */
function pickPerFile(tests: readonly ListedTest[], random: () => number): ListedTest[] {
  const byFile = new Map<string, ListedTest[]>();
  for (const test of tests) byFile.set(test.file, [...(byFile.get(test.file) ?? []), test]);
  return [...byFile.values()].map((inFile) => (inFile.length === 1 ? inFile[0]! : inFile[1 + Math.floor(random() * (inFile.length - 1))]!));
}

function runUi(tests: readonly ListedTest[]): number {
  return run(mocha, ['--config', 'test/ui/.mocharc.json', '--grep', exactly(tests)]);
}

function runIntegration(tests: readonly ListedTest[]): number {
  return run(tsx, ['test/integration/runInCodeServer.ts'], { PAPER_NOTES_TEST_GREP: exactly(tests) });
}

function main(): number {
  const seed = values.seed ?? commitSeed();
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'paper-notes-standalone-'));
  const failed: string[] = [];
  try {
    if (run(process.execPath, ['scripts/build.mjs']) !== 0) return 1;
    const plans: Array<{ name: string; tests: ListedTest[]; runner: (tests: readonly ListedTest[]) => number }> = [];
    if (suites.integration) plans.push({ name: 'integration', tests: listIntegrationTests(scratch), runner: runIntegration });
    if (suites.ui) plans.push({ name: 'UI', tests: listUiTests(scratch), runner: runUi });
    for (const plan of plans) {
      if (values.all) {
        console.log(`standalone: every ${plan.name} test alone (${plan.tests.length} runs)`);
        for (const test of plan.tests) {
          console.log(`standalone: ${plan.name} alone: ${test.title}`);
          if (plan.runner([test]) !== 0) failed.push(`${plan.name}: ${test.title}`);
        }
      } else {
        const picked = pickPerFile(plan.tests, randomFrom(`${seed}:${plan.name}`));
        console.log(`standalone: seed ${seed}: ${plan.name} tests run without the tests before them in their file:`);
        for (const test of picked) console.log(`  ${test.file}: ${test.title}`);
        if (plan.runner(picked) !== 0) failed.push(`${plan.name}: ${picked.map((test) => test.title).join('; ')}`);
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  if (failed.length > 0) {
    console.error(`standalone: failed (seed ${seed}):\n  ${failed.join('\n  ')}`);
    return 1;
  }
  console.log(`standalone: passed (seed ${seed})`);
  return 0;
}

process.exit(main());
