import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { PerformanceObserver } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { readBibtex } from '../../../src/core/library/bibtexReader';
import { readCslJson } from '../../../src/core/library/cslJsonReader';
import { readDailyPapers } from '../../../src/core/library/dailyPapersReader';
import type { LibraryReader } from '../../../src/core/library/paper';
import { deeplyNestedBib } from '../../fixtures/hostileInputs';

/** Text made of the readers' own syntax, so generated input reaches their error paths and nesting. */
const bibtexish = fc.array(fc.constantFrom('@article{', '@string{', '{', '}', '"', ',', '=', '#', '%', '\\', '\\"o', '\n', ' ', 'title', 'crossref = {k}', 'k', '$', '^'), { maxLength: 80 }).map((parts) => parts.join(''));
const jsonish = fc.array(fc.constantFrom('[', ']', '{', '}', '"', '\\', ',', ':', '"id"', '"title"', '"a"', '1', 'null', '\n', ' ', '"author"', '"issued"', '{"date-parts": [[2020]]}'), { maxLength: 80 }).map((parts) => parts.join(''));

// A full collection before each timing, so garbage of the previous run is not charged to the next one.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const gcPauses = new PerformanceObserver(() => undefined);
gcPauses.observe({ entryTypes: ['gc'] });

/**
 * Milliseconds `reader` works on `text`, after a full collection and without the garbage collector's pauses meanwhile:
 * how V8 sizes its heap for a large input is not the reader's doing (a 20 MB JSON.parse alone can take 20x the time
 * of a 2 MB one, nearly all of it collecting), and the machine's other work is filtered by taking the fastest run.
 */
async function workMs(reader: LibraryReader, text: string, file: string): Promise<number> {
  collectGarbage();
  await new Promise((resolve) => setImmediate(resolve));
  gcPauses.takeRecords();
  const start = performance.now();
  reader(text, file);
  const end = performance.now();
  // GC entries are delivered after the current task.
  await new Promise((resolve) => setImmediate(resolve));
  const paused = gcPauses.takeRecords().filter((entry) => entry.startTime >= start && entry.startTime < end).reduce((sum, entry) => sum + entry.duration, 0);
  return end - start - paused;
}

/** Asserts that reading 10x the input takes under 15x the time; small and large runs alternate, the fastest of each counts. */
async function assertLinear(reader: LibraryReader, unit: string, copies: number, file: string): Promise<void> {
  const small = unit.repeat(copies);
  const large = unit.repeat(copies * 10);
  reader(small, file); // warm-up: the JIT compiles the reader once
  let smallMs = Number.POSITIVE_INFINITY;
  let largeMs = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 4; round++) {
    smallMs = Math.min(smallMs, await workMs(reader, small, file), await workMs(reader, small, file));
    largeMs = Math.min(largeMs, await workMs(reader, large, file));
  }
  assert.ok(largeMs < 15 * smallMs, `${(small.length / 1e6).toFixed(1)} MB in ${smallMs.toFixed(1)} ms, ${(large.length / 1e6).toFixed(1)} MB in ${largeMs.toFixed(1)} ms`);
}

describe('library readers on any input', function () {
  // Timings need a few runs of inputs up to a few MB.
  this.timeout(120_000);

  const readers: ReadonlyArray<{ name: string; reader: LibraryReader; text: fc.Arbitrary<string>; file: string }> = [
    { name: 'BibTeX', reader: readBibtex, text: fc.oneof(fc.string(), bibtexish), file: 'fuzz.bib' },
    { name: 'CSL-JSON', reader: readCslJson, text: fc.oneof(fc.string(), fc.json(), jsonish), file: 'fuzz.csl.json' },
    { name: 'Daily Papers', reader: readDailyPapers, text: fc.oneof(fc.string(), fc.lorem({ mode: 'sentences' })), file: 'fuzz.txt' },
  ];
  for (const { name, reader, text, file } of readers) {
    it(`the ${name} reader never throws, and reports every problem at a line of the file`, () => {
      fc.assert(
        fc.property(text, (input) => {
          const result = reader(input, file);
          const lines = input.split(/\r\n|\r|\n/).length;
          for (const diagnostic of result.diagnostics) assert.ok(diagnostic.line >= 1 && diagnostic.line <= lines, `line ${diagnostic.line} of ${lines}`);
        }),
        { numRuns: 1500 },
      );
    });
  }

  it('the BibTeX reader never throws on deep nesting at any depth', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 60_000 }), (depth) => {
      const result = readBibtex(deeplyNestedBib(depth), 'deep.bib');
      assert.ok(result.records.some((record) => record.key === 'after'));
    }), { numRuns: 20 });
  });

  it('the CSL-JSON reader never throws on deep nesting at any depth', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 200_000 }), fc.boolean(), (depth, closed) => {
      readCslJson(`[${'['.repeat(depth)}${closed ? ']'.repeat(depth) : ''}]`, 'deep.csl.json');
    }), { numRuns: 20 });
  });

  it('the BibTeX reader takes linear time: 10x the input in under 15x the time', async () => {
    await fc.assert(fc.asyncProperty(bibtexish, async (noise) => {
      const entry = `@article{k,\n  title = {A {\\"O}ne {Title} $O(n^2)$ --- with \\emph{LaTeX}},\n  author = {Doe, Jane and Roe, R.},\n  year = {2024}\n}\n${noise.replace(/@/g, '')}\n`;
      await assertLinear(readBibtex, entry, 5000, 'linear.bib');
    }), { numRuns: 3 });
  });

  it('the CSL-JSON reader takes linear time: 10x the input in under 15x the time', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 40 }), async (title) => {
      const item = JSON.stringify({ id: 'k', title, author: [{ family: 'Doe', given: 'Jane' }], issued: { 'date-parts': [[2024]] }, abstract: 'An abstract. '.repeat(20) });
      const reader: LibraryReader = (text, file) => readCslJson(`[${text.slice(0, -1)}]`, file);
      await assertLinear(reader, `${item},`, 5000, 'linear.csl.json');
    }), { numRuns: 3 });
  });
});

describe('Daily Papers misreads', () => {
  it('reads a short abstract holding a Markdown link as the abstract, not as the next title', () => {
    const text = 'Daily Papers\n\nLinked Mamba\n\nCode at [our repo](https://github.com/example/linked).\n\nNext Paper Title\n\nAn abstract that is long enough and ends like a sentence to be read as the abstract of the next paper.\n';
    const result = readDailyPapers(text, 'papers.txt');
    assert.deepEqual(result.records.map((record) => [record.title, record.abstract]), [
      ['Linked Mamba', 'Code at [our repo](https://github.com/example/linked).'],
      ['Next Paper Title', 'An abstract that is long enough and ends like a sentence to be read as the abstract of the next paper.'],
    ]);
    assert.deepEqual(result.diagnostics, []);
  });
});
