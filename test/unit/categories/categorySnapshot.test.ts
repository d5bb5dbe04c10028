import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { isCategorySnapshot, snapshotClassifier, takeCategorySnapshot } from '../../../src/core/categories/categorySnapshot';
import { createClassifier, DEFAULT_TAXONOMY, type Classifier } from '../../../src/core/categories/classifier';
import { IncrementalLibrary } from '../../../src/core/library/incrementalLibrary';
import { buildLibrary, type LibraryInput } from '../../../src/core/library/library';
import { corpusCategorySnapshot, readCorpusCategories, writeCorpusCategories } from '../../../src/node/corpusCategories';
import { readEmbeddedCorpus } from '../../../src/node/corpusFiles';

/** A classifier factory that counts how often it had to make the real classifier. */
function countingFactory(): { create: () => Classifier; readonly created: () => number } {
  let created = 0;
  return {
    create: () => {
      created++;
      return createClassifier();
    },
    created: () => created,
  };
}

describe('category snapshot', () => {
  let corpus: LibraryInput[];
  before(async () => {
    corpus = await readEmbeddedCorpus(path.resolve('corpus'));
  });

  it('gives the embedded corpus the same library as classifying it from scratch, without making a classifier', async () => {
    const snapshot = await corpusCategorySnapshot(path.resolve('corpus'));
    assert.equal(snapshot.papers.length, 53);
    const factory = countingFactory();
    const incremental = new IncrementalLibrary({ classifier: snapshotClassifier(snapshot, DEFAULT_TAXONOMY, factory.create) });
    for (const input of corpus) incremental.setFile(input, true);
    assert.deepEqual(incremental.build(), buildLibrary(corpus));
    assert.equal(factory.created(), 0, 'every paper came from the snapshot');
  });

  it('classifies a paper whose title or abstract changed, making the classifier once for all such papers', () => {
    const fresh = buildLibrary(corpus);
    const snapshot = takeCategorySnapshot(fresh.papers, createClassifier());
    const cases = [
      { title: fresh.papers[0].title, abstract: `${fresh.papers[0].abstract} We study speech recognition.` },
      { title: `${fresh.papers[1].title} for Time Series`, abstract: fresh.papers[1].abstract },
      { title: 'A Survey of Linear Attention', abstract: 'We review linear attention and state space models.' },
    ];
    const factory = countingFactory();
    const classifier = snapshotClassifier(snapshot, DEFAULT_TAXONOMY, factory.create);
    const reference = createClassifier();
    for (const paper of cases) assert.deepEqual(classifier.classify(paper), reference.classify(paper), paper.title);
    assert.equal(factory.created(), 1);
  });

  it('hands out copies, so changing one paper\'s categories cannot change the next paper\'s', () => {
    const [paper] = buildLibrary(corpus).papers;
    const classifier = snapshotClassifier(takeCategorySnapshot([paper], createClassifier()), DEFAULT_TAXONOMY, createClassifier);
    const first = classifier.classify(paper);
    const expected = structuredClone(first);
    (first[0].evidence as unknown[]).length = 0;
    first.length = 0;
    assert.deepEqual(classifier.classify(paper), expected);
  });

  it('labels categories from the taxonomy', () => {
    const classifier = snapshotClassifier({ papers: [] }, DEFAULT_TAXONOMY, createClassifier);
    for (const category of DEFAULT_TAXONOMY.categories) assert.equal(classifier.label(category.id), category.label);
  });

  it('reads back what it wrote, and names the problem with a missing or malformed file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'corpus-categories-'));
    const file = path.join(dir, 'corpusCategories.json');
    await writeCorpusCategories(path.resolve('corpus'), file);
    assert.deepEqual(readCorpusCategories(file), await corpusCategorySnapshot(path.resolve('corpus')));
    const cases = [
      { name: 'missing.json', text: undefined, problem: /^no corpusCategories\.json/ },
      { name: 'broken.json', text: '{"papers": [', problem: /is not valid JSON/ },
      { name: 'wrong.json', text: '{"papers": [{"title": "T", "abstract": "A", "categories": [{"id": 3}]}]}', problem: /is not a category snapshot/ },
    ];
    for (const { name, text, problem } of cases) {
      if (text !== undefined) writeFileSync(path.join(dir, name), text);
      const result = readCorpusCategories(path.join(dir, name));
      assert.ok('problem' in result && problem.test(result.problem), `${name}: ${JSON.stringify(result).slice(0, 80)}`);
    }
  });

  it('accepts only the shape of a snapshot', () => {
    const cases: Array<[unknown, boolean]> = [
      [{ papers: [] }, true],
      [{ papers: [{ title: 'T', abstract: 'A', categories: [{ id: 'mamba', facet: 'method', score: 3, evidence: [] }] }] }, true],
      [null, false],
      [[], false],
      [{ papers: [{ title: 'T', categories: [] }] }, false],
      [{ papers: [null] }, false],
      [{ papers: [{ title: 'T', abstract: 'A', categories: [null] }] }, false],
    ];
    for (const [value, expected] of cases) assert.equal(isCategorySnapshot(value), expected, JSON.stringify(value));
  });
});
