import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import { exportPapers, splitName, toBibtex, toCslJson } from '../../../src/core/cite/export';
import { buildLibrary } from '../../../src/core/library/library';
import type { Paper } from '../../../src/core/library/paper';

const library = buildLibrary([
  { file: '000_3372b0a668492b2d.txt', text: readFileSync('corpus/000_3372b0a668492b2d.txt', 'utf8'), format: 'daily-papers' },
  { file: 'seed-metadata.json', text: readFileSync('corpus/seed-metadata.json', 'utf8'), format: 'paper-metadata' },
]);

interface ParsedEntry {
  id: string;
  type: string;
  title: string;
  author?: Array<{ family?: string; given?: string }>;
  issued?: { 'date-parts': number[][] };
  DOI?: string;
  URL?: string;
  number?: string;
  abstract?: string;
}

describe('BibTeX export', () => {
  const bib = toBibtex(library.papers);
  const parsed = new Cite(bib).data as ParsedEntry[];
  const byId = new Map(parsed.map((entry) => [entry.id, entry]));

  it('parses back with citation-js into one entry per paper under our keys', () => {
    assert.equal(parsed.length, library.size);
    assert.deepEqual(parsed.map((e) => e.id), library.papers.map((p) => p.key));
  });

  it('round-trips title, authors, year, DOI and URL of every paper', () => {
    for (const paper of library.papers) {
      const entry = byId.get(paper.key)!;
      assert.equal(entry.title, paper.title, paper.key);
      assert.deepEqual(entry.author?.map((a) => a.family), paper.authors.map((a) => splitName(a).family), paper.key);
      assert.equal(entry.issued?.['date-parts'][0][0], paper.year, paper.key);
      assert.equal(entry.DOI, paper.doi, paper.key);
      assert.equal(entry.URL, paper.url, paper.key);
    }
  });

  it('writes arXiv papers with eprint and archivePrefix, @article with a venue and @misc without', () => {
    const entry = (key: string) => bib.slice(bib.indexOf(`{${key},`) - 10, bib.indexOf('\n}\n', bib.indexOf(`{${key},`)));
    const mamba = entry('gu2023mamba');
    assert.match(mamba, /@misc\{gu2023mamba,/);
    assert.match(mamba, /eprint = \{2312\.00752\}/);
    assert.match(mamba, /archivePrefix = \{arXiv\}/);
    assert.match(mamba, /url = \{https:\/\/arxiv\.org\/abs\/2312\.00752\}/);
    assert.match(entry('gu2021efficiently'), /@article\{gu2021efficiently,[\s\S]*journal = \{ICLR 2022\}/);
  });

  const tricky: Array<[string, string]> = [
    ['keeps percent signs, ampersands and underscores', 'Cut 93% of FLOPs & 50_000 tokens in {braces}'],
    ['keeps backslashes, tildes and carets', 'A \\ path ~ with ^ carets'],
    ['keeps angle brackets, which Pandoc would read as HTML', 'Looking ahead for a <box> and <ctrl-M>'],
  ];
  for (const [name, abstract] of tricky) {
    it(`${name} when parsed back`, () => {
      const paper: Paper = { ...library.get('gu2023mamba')!, abstract };
      const [entry] = new Cite(toBibtex([paper])).data as ParsedEntry[];
      assert.equal(entry.abstract, abstract);
    });
  }
});

describe('CSL-JSON export', () => {
  it('writes items citation-js accepts as CSL, with our keys, authors split and the arXiv id', () => {
    const items = toCslJson(library.papers);
    const parsed = new Cite(JSON.parse(exportPapers(library.papers, 'csl-json'))).data as ParsedEntry[];
    assert.equal(parsed.length, library.size);
    const mamba = items.find((i) => i.id === 'gu2023mamba')!;
    assert.deepEqual(mamba.author?.[0], { family: 'Gu', given: 'Albert' });
    assert.equal(mamba.number, '2312.00752');
    assert.deepEqual(mamba.issued, { 'date-parts': [[2023]] });
  });

  const names: Array<[string, { family: string; given?: string }]> = [
    ['Albert Gu', { family: 'Gu', given: 'Albert' }],
    ['Jimmy T.H. Smith', { family: 'Smith', given: 'Jimmy T.H.' }],
    ['Gu, Albert', { family: 'Gu', given: 'Albert' }],
    ['Plato', { family: 'Plato' }],
  ];
  for (const [name, parts] of names) {
    it(`splits "${name}" into family and given names`, () => {
      assert.deepEqual(splitName(name), parts);
    });
  }
});
