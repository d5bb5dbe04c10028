import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClassifier, type Classifier } from '../../../src/core/categories/classifier';
import { readBibtex, readBibtexInSlices } from '../../../src/core/library/bibtexReader';
import { IncrementalLibrary } from '../../../src/core/library/incrementalLibrary';
import type { LibraryInput } from '../../../src/core/library/library';

const root = join(__dirname, '..', '..', '..');
const corpus: LibraryInput[] = [
  { file: '000_3372b0a668492b2d.txt', text: readFileSync(join(root, 'corpus', '000_3372b0a668492b2d.txt'), 'utf8'), format: 'daily-papers' },
  { file: 'seed-metadata.json', text: readFileSync(join(root, 'corpus', 'seed-metadata.json'), 'utf8'), format: 'paper-metadata' },
];
const handwritten = readFileSync(join(root, 'test', 'fixtures', 'bib', 'handwritten.bib'), 'utf8');

/** A classifier that counts the papers it is asked about. */
function countingClassifier(): Classifier & { calls: number } {
  const inner = createClassifier();
  const counting = {
    calls: 0,
    taxonomy: inner.taxonomy,
    label: inner.label.bind(inner),
    classify(paper: Parameters<Classifier['classify']>[0]) {
      counting.calls++;
      return inner.classify(paper);
    },
  };
  return counting;
}

describe('incremental library', () => {
  it('merges a BibTeX entry with the bundled paper it names, and the BibTeX key wins', () => {
    const library = new IncrementalLibrary();
    for (const input of corpus) library.setFile(input, true);
    library.setFile({ file: 'refs/handwritten.bib', text: handwritten, format: 'bibtex' });
    const papers = library.build().papers.filter((paper) => paper.title === 'Gated Linear Attention Transformers with Hardware-Efficient Training');
    assert.equal(papers.length, 1);
    assert.equal(papers[0].key, 'yang2024gla');
    assert.equal(papers[0].arxivId, '2312.06635', 'the arXiv id comes from the bundled record');
    assert.deepEqual(papers[0].source, { file: 'refs/handwritten.bib', line: 44 }, 'the workspace file is the source');
  });

  it('classifies only the paper whose text changed when one file changes', () => {
    const classifier = countingClassifier();
    const library = new IncrementalLibrary({ classifier });
    for (const input of corpus) library.setFile(input, true);
    library.setFile({ file: 'refs/handwritten.bib', text: handwritten, format: 'bibtex' });
    const before = library.build();
    classifier.calls = 0;
    library.setFile({ file: 'refs/handwritten.bib', text: handwritten.replace('Big Bird: Transformers for Longer Sequences', 'BigBird: Sparse Attention'), format: 'bibtex' });
    const after = library.build();
    assert.equal(classifier.calls, 1);
    assert.equal(after.size, before.size);
    assert.equal(after.get('zaheer2020bigbird')?.title, 'BigBird: Sparse Attention');
  });

  it('drops a deleted file\'s papers and keeps the others', () => {
    const library = new IncrementalLibrary();
    for (const input of corpus) library.setFile(input, true);
    const bundledOnly = library.build().size;
    library.setFile({ file: 'refs/handwritten.bib', text: handwritten, format: 'bibtex' });
    assert.ok(library.build().get('smith2023s5'));
    assert.equal(library.deleteFile('refs/handwritten.bib'), true);
    const after = library.build();
    assert.equal(after.get('smith2023s5'), undefined);
    assert.equal(after.size, bundledOnly);
  });

  it('keeps each file\'s diagnostics with the file', () => {
    const library = new IncrementalLibrary();
    library.setFile({ file: 'bad.bib', text: '@article{a, title = {A}\n@article{b, title = {B}}', format: 'bibtex' });
    library.setFile({ file: 'good.bib', text: '@article{c, title = {C}}', format: 'bibtex' });
    assert.deepEqual(library.diagnosticsOf('good.bib'), []);
    assert.equal(library.diagnosticsOf('bad.bib').length, 1);
    assert.deepEqual(library.build().papers.map((paper) => paper.key).sort(), ['b', 'c']);
  });

  it('lists workspace files before bundled ones', () => {
    const library = new IncrementalLibrary();
    library.setFile(corpus[0], true);
    library.setFile({ file: 'z.bib', text: '', format: 'bibtex' });
    library.setFile({ file: 'a.bib', text: '', format: 'bibtex' });
    assert.deepEqual(library.fileList().map((file) => file.file), ['a.bib', 'z.bib', corpus[0].file]);
  });
});

describe('building in slices', () => {
  const many = Array.from({ length: 1500 }, (_, i) => `@article{m${i}, title = {Study ${i} of linear attention}, year = 2024}`).join('\n');
  const fill = (library: IncrementalLibrary): void => {
    for (const input of corpus) library.setFile(input, true);
    library.setFile({ file: 'refs/handwritten.bib', text: handwritten, format: 'bibtex' });
    library.setFile({ file: 'refs/many.bib', text: many, format: 'bibtex' });
  };

  it('builds the same library as in one go, pausing between slices', async () => {
    const library = new IncrementalLibrary();
    fill(library);
    let pauses = 0;
    const sliced = await library.buildInSlices(async () => { pauses++; }, 0);
    const whole = new IncrementalLibrary();
    fill(whole);
    assert.equal(sliced.size, whole.build().size);
    assert.deepEqual(sliced.papers, whole.build().papers);
    assert.ok(pauses >= 3, `paused ${pauses} times`);
  });
});

describe('reading BibTeX in slices', () => {
  const big = Array.from({ length: 3000 }, (_, i) => `@article{k${i}, title = {Paper ${i} on {S4} and R{\\'e}}, year = ${2000 + (i % 25)}, abstract = {Up to $5\\times$ faster.}}`).join('\n');

  it('gives the same result as reading in one go', async () => {
    assert.deepEqual(await readBibtexInSlices(big, 'big.bib', { sliceMs: 1 }), readBibtex(big, 'big.bib'));
  });

  it('pauses between slices and reports growing progress up to 1', async () => {
    const progress: number[] = [];
    let pauses = 0;
    await readBibtexInSlices(big, 'big.bib', { sliceMs: 0, onProgress: (fraction) => progress.push(fraction), pause: async () => { pauses++; } });
    assert.ok(pauses >= 10, `paused ${pauses} times`);
    assert.equal(progress.at(-1), 1);
    assert.ok(progress.every((fraction, i) => i === 0 || fraction >= progress[i - 1]));
  });
});
