import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { libraryFormatOf, looksLikeDailyPapers } from '../../../src/core/library/libraryFormats';

const root = join(__dirname, '..', '..', '..');
const dailyPapers = readFileSync(join(root, 'corpus', '000_3372b0a668492b2d.txt'), 'utf8');
const abstract = 'We propose a new state space layer that scales linearly with sequence length and matches attention quality on language modeling, speech and vision benchmarks while running much faster at inference, with a hardware-aware scan.';

describe('library formats', () => {
  const detection: readonly [string, string, boolean][] = [
    ['the embedded Daily Papers page', dailyPapers, true],
    ['a page without its header', `Mamba\n\n${abstract}\n\nS4\n\n${abstract}\n`, true],
    ['a BibTeX file', readFileSync(join(root, 'test', 'fixtures', 'bib', 'googleScholar.bib'), 'utf8'), false],
    ['meeting notes', 'Monday\n- read Mamba\n- write summary\n\nTuesday\n- nothing\n', false],
    ['a single title and abstract', `Mamba\n\n${abstract}\n`, false],
    ['an empty file', '', false],
  ];
  for (const [what, text, expected] of detection) {
    it(`${expected ? 'recognises' : 'does not take'} ${what} as Daily Papers`, () => {
      assert.equal(looksLikeDailyPapers(text), expected);
    });
  }

  const formats: readonly [string, string | undefined, string | undefined][] = [
    ['refs/library.bib', undefined, 'bibtex'],
    ['refs/library.csl.json', undefined, 'csl-json'],
    ['refs/library.bib.json', undefined, 'csl-json'],
    ['papers/2024-05-01.txt', dailyPapers, 'daily-papers'],
    ['papers/todo.txt', 'buy milk', undefined],
    ['notes/mamba.md', '# Mamba', undefined],
  ];
  for (const [file, text, expected] of formats) {
    it(`reads ${file} as ${expected ?? 'no library'}`, () => {
      assert.equal(libraryFormatOf(file, text), expected);
    });
  }
});

describe('library formats told by content', () => {
  const bibtex = readFileSync(join(root, 'test', 'fixtures', 'bib', 'googleScholar.bib'), 'utf8');
  const cslJson = '[{"id": "a", "type": "article-journal", "title": "A"}]';
  const metadata = readFileSync(join(root, 'corpus', 'seed-metadata.json'), 'utf8');
  const cases: readonly [string, string, string | undefined][] = [
    ['refs.txt', bibtex, 'bibtex'],
    ['refs', `% exported by hand\nSome words BibTeX ignores.\n\n${bibtex}`, 'bibtex'],
    ['library', `\uFEFF${cslJson}`, 'csl-json'],
    ['seed.json', metadata, 'paper-metadata'],
    ['items.json', cslJson, 'csl-json'],
    ['refs.bib', 'not even BibTeX', 'bibtex'],
    ['page', dailyPapers, 'daily-papers'],
    ['notes.md', bibtex, undefined],
    ['mail.txt', 'write to me @ home {soon}', undefined],
  ];
  for (const [file, text, expected] of cases) {
    it(`reads ${file} holding ${text.slice(0, 24).replace(/\s+/g, ' ')}… as ${expected ?? 'no library'}`, () => {
      assert.equal(libraryFormatOf(file, text), expected);
    });
  }
});
