import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import { citedTitle, exportPapers, splitName, toBibtex, toCslJson } from '../../../src/core/cite/export';
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
      assert.equal(entry.title, citedTitle(paper), paper.key);
      assert.deepEqual(entry.author?.map((a) => a.family), paper.authors.map((a) => splitName(a).family), paper.key);
      assert.equal(entry.issued?.['date-parts'][0][0], paper.year, paper.key);
      assert.equal(entry.DOI, paper.doi, paper.key);
      assert.equal(entry.URL, paper.url, paper.key);
    }
  });

  it('writes arXiv papers with eprint and archivePrefix, @inproceedings for conference papers and @misc for preprints', () => {
    const entry = (key: string) => bib.slice(bib.lastIndexOf('@', bib.indexOf(`{${key},`)), bib.indexOf('\n}\n', bib.indexOf(`{${key},`)));
    const mamba = entry('gu2023mamba');
    assert.match(mamba, /@misc\{gu2023mamba,/);
    assert.match(mamba, /eprint = \{2312\.00752\}/);
    assert.match(mamba, /archivePrefix = \{arXiv\}/);
    assert.match(mamba, /url = \{https:\/\/arxiv\.org\/abs\/2312\.00752\}/);
    assert.match(entry('gu2021efficiently'), /@inproceedings\{gu2021efficiently,[\s\S]*booktitle = \{International Conference on Learning Representations\}/);
  });

  const venues: Array<{ name: string; title: string; expected: RegExp[]; absent: RegExp[] }> = [
    {
      name: 'a journal article as @article with journal, publisher and DOI, without its venue note',
      title: 'A Practical Survey on Faster and Lighter Transformers',
      expected: [/^@article\{/, /journal = \{ACM Computing Surveys\}/, /doi = \{10\.1145\/3586074\}/, /publisher = \{ACM\}/],
      absent: [/published 2023/, /booktitle/],
    },
    {
      name: 'a conference paper as @inproceedings with the proceedings title, volume, pages and publisher',
      title: 'Best of Both Worlds: Advantages of Hybrid Graph Sequence Models',
      expected: [/^@inproceedings\{/, /booktitle = \{Proceedings of the 42nd International Conference on Machine Learning\}/, /volume = \{267\}/, /pages = \{3533--3561\}/, /publisher = \{PMLR\}/],
      absent: [/journal =/],
    },
    {
      name: 'a paper the venue published under a later title with that title, and without the note saying so',
      title: 'On the Expressive Power of a Variant of the Looped Transformer',
      expected: [/^@article\{/, /title = \{\{AlgoFormer: An Efficient Transformer Framework with Algorithmic Structures\}\}/, /journal = \{Transactions on Machine Learning Research\}/],
      absent: [/later title/, /Expressive Power/],
    },
    {
      name: 'a poster with its venue only, never the word poster',
      title: 'FlashRNN: Optimizing Traditional RNNs on Modern Hardware',
      expected: [/^@inproceedings\{/, /booktitle = \{International Conference on Learning Representations\}/],
      absent: [/poster/i],
    },
  ];
  for (const testCase of venues) {
    it(`writes ${testCase.name}`, () => {
      const paper = library.papers.find((p) => p.title === testCase.title);
      assert.ok(paper, testCase.title);
      const entry = toBibtex([paper]);
      for (const pattern of testCase.expected) assert.match(entry, pattern);
      for (const pattern of testCase.absent) assert.doesNotMatch(entry.replace(/abstract = .*/, ''), pattern);
    });
  }

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
    assert.equal(mamba.number, 'arXiv:2312.00752');
    assert.deepEqual(mamba.issued, { 'date-parts': [[2023]] });
  });

  it('types conference papers, journal articles and preprints and gives each its container, never a venue note', () => {
    const items = toCslJson(library.papers);
    const byTitle = (title: string) => items.find((item) => library.papers.find((p) => p.key === item.id)?.title === title)!;
    const survey = byTitle('A Practical Survey on Faster and Lighter Transformers');
    assert.deepEqual([survey.type, survey['container-title'], survey.DOI], ['article-journal', 'ACM Computing Surveys', '10.1145/3586074']);
    const hybrid = byTitle('Best of Both Worlds: Advantages of Hybrid Graph Sequence Models');
    assert.deepEqual([hybrid.type, hybrid['container-title'], hybrid.volume, hybrid.page, hybrid.publisher],
      ['paper-conference', 'Proceedings of the 42nd International Conference on Machine Learning', '267', '3533-3561', 'PMLR']);
    const mamba = items.find((i) => i.id === 'gu2023mamba')!;
    assert.deepEqual([mamba.type, mamba['container-title'], mamba.publisher], ['article', undefined, 'arXiv']);
    const notes = library.papers.map((p) => p.venueNote).filter((note): note is string => note !== undefined);
    assert.ok(notes.length >= 10);
    const written = JSON.stringify(items.map(({ abstract: _abstract, ...rest }) => rest));
    for (const note of notes) assert.ok(!written.includes(note), note);
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
