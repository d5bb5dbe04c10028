import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { readCategoryPins } from '../../../src/core/categories/categoryPins';
import { isValidCitationKey } from '../../../src/core/library/citationKeys';
import { buildLibrary, type LibraryInput } from '../../../src/core/library/library';

const embedded: LibraryInput[] = [
  { file: '000_3372b0a668492b2d.txt', text: readFileSync('corpus/000_3372b0a668492b2d.txt', 'utf8'), format: 'daily-papers' },
  { file: 'seed-metadata.json', text: readFileSync('corpus/seed-metadata.json', 'utf8'), format: 'paper-metadata' },
];

describe('library on the embedded corpus', () => {
  const library = buildLibrary(embedded);

  it('merges the page and the metadata into 53 papers without diagnostics', () => {
    assert.equal(library.size, 53);
    assert.deepEqual(library.diagnostics, []);
  });

  it('gives every paper an abstract, authors, a year, an arXiv id and its page line', () => {
    for (const paper of library.papers) {
      assert.ok(paper.abstract.length > 100 && paper.authors.length > 0 && paper.year && paper.arxivId, paper.key);
      assert.equal(paper.source.file, '000_3372b0a668492b2d.txt');
    }
  });

  it('gives every paper a unique valid key and at least one method family or domain', () => {
    assert.equal(new Set(library.papers.map((p) => p.key)).size, 53);
    for (const paper of library.papers) {
      assert.ok(isValidCitationKey(paper.key), paper.key);
      assert.ok(paper.categories.some((c) => c.facet === 'method' || c.facet === 'domain'), paper.key);
    }
    assert.deepEqual(library.uncategorised(), []);
  });

  it('recognises the six surveys on the page as surveys', () => {
    assert.deepEqual(library.inCategory('survey').map((p) => p.key).sort(), [
      'chittyvenkata2023survey', 'fournier2021practical', 'heidari2024computationefficient', 'islam2023comprehensive',
      'lipton2015critical', 'patro2024mamba360',
    ]);
  });

  const lookups: Array<[string, string]> = [['gu2023mamba', 'Mamba: Linear-Time Sequence Modeling with Selective State Spaces']];
  for (const [key, title] of lookups) {
    it(`finds ${key} by key, by arXiv id with prefix and version, and by category`, () => {
      const paper = library.get(key);
      assert.equal(paper?.title, title);
      assert.equal(library.byArxivId('arXiv:2312.00752v2'), paper);
      assert.ok(library.inCategory('state-space-models').includes(paper!));
    });
  }

  const searches: Array<{ query: string; first: string }> = [
    { query: 'mamba', first: 'gu2023mamba' },
    { query: 'structured state spaces', first: 'gu2021efficiently' },
    { query: 'delta rule', first: 'yang2024parallelizing' },
    { query: 'Pöppel', first: 'poppel2024flashrnn' },
    { query: 'speech separ', first: 'zhao2023mossformer2' },
    { query: '2310.06625', first: 'liu2023itransformer' },
    { query: 'criss-cross attention', first: 'huang2018ccnet' },
  ];
  for (const { query, first } of searches) {
    it(`ranks ${first} first when searching "${query}"`, () => {
      assert.equal(library.search(query)[0]?.paper.key, first);
    });
  }

  it('returns only papers that match every query word', () => {
    const hits = library.search('linear attention vision');
    assert.ok(hits.length > 0);
    for (const hit of hits) {
      const text = `${hit.paper.title} ${hit.paper.abstract}`.toLowerCase();
      assert.ok(['linear', 'attention', 'vision'].every((w) => text.includes(w)), hit.paper.key);
    }
  });

  it('finds nothing for a word no paper has', () => {
    assert.deepEqual(library.search('zebrafish'), []);
  });
});

describe('building a library', () => {
  it('reports a format without a reader and still loads the other inputs', () => {
    const library = buildLibrary([{ file: 'refs.bib', text: '@misc{x}', format: 'bibtex' }, embedded[0]], {
      readers: { 'daily-papers': (text, file) => ({ records: [{ title: text.slice(0, 1), abstract: '', authors: [], codeUrls: [], source: { file, line: 1 } }], diagnostics: [] }) },
    });
    assert.equal(library.size, 1);
    assert.deepEqual(library.diagnostics.map((d) => [d.file, d.message]), [['refs.bib', 'no reader for the bibtex format']]);
  });

  it('gives a paper without metadata a title-based key', () => {
    const library = buildLibrary([{ file: 'p.txt', text: 'Hungry Hungry Hippos: Towards Language Modeling\n\nWe study state space models for language modeling.\n', format: 'daily-papers' }]);
    assert.equal(library.papers[0].key, 'hungryhungryhippos');
  });

  it('applies pinned categories by key', () => {
    const pins = readCategoryPins('{"gu2023mamba": ["medical"]}', '.papernotes/categories.json');
    const library = buildLibrary(embedded, { pins: { pins: pins.pins, file: '.papernotes/categories.json' } });
    const domains = library.get('gu2023mamba')!.categories.filter((c) => c.facet === 'domain').map((c) => c.id);
    assert.deepEqual(domains, ['medical']);
  });

  it('loads the same keys whatever order the files come in', () => {
    const keys = (inputs: LibraryInput[]) => buildLibrary(inputs).papers.map((p) => p.key).sort();
    assert.deepEqual(keys([embedded[1], embedded[0]]), keys(embedded));
  });
});
