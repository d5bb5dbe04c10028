// Differential check of our BibTeX reader against citation-js (@citation-js/core + @citation-js/plugin-bibtex)
// on the realistic .bib files in test/fixtures/bib: same entries, same raw fields, same decoded values.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseBibtex, readBibtex } from '../../../src/core/library/bibtexReader';
import type { PaperRecord } from '../../../src/core/library/paper';
import { citationJsCsl, citationJsRawEntries, type CslItem, type CslName } from '../../support/citationJs';

const fixtureDir = join(__dirname, '..', '..', 'fixtures', 'bib');
const fixtures = readdirSync(fixtureDir).filter((name) => name.endsWith('.bib') && !name.startsWith('malformed'));

/**
 * Where we deliberately differ from citation-js, and why. Each row must still occur (so a fixed citation-js or a
 * changed reader shows up here), and after swapping citation-js's fragment for ours the values must be identical.
 */
const DOCUMENTED_DIFFERENCES: readonly { key: string; field: keyof PaperRecord; ours: string; citationJs: string; why: string }[] = [
  {
    key: 'guMambaLinearTimeSequence2023', field: 'abstract', ours: '5× higher', citationJs: '5\\times higher',
    why: 'citation-js maps only Greek letters in math mode and leaves operators such as \\times as raw TeX',
  },
  {
    key: 'guEfficientlyModelingLong2022', field: 'abstract', ours: '$60×$', citationJs: '$60\\times$',
    why: 'a math command written outside math (the file escapes the $ signs) is still its symbol, not raw TeX',
  },
  { key: 'daoFlashAttentionFastMemoryEfficient2022', field: 'abstract', ours: '3× speedup', citationJs: '3\\times speedup', why: 'same: \\times' },
  { key: 'daoFlashAttentionFastMemoryEfficient2022', field: 'abstract', ours: '2.4× speedup', citationJs: '2.4\\times speedup', why: 'same: \\times' },
  { key: 'zhuVisionMambaEfficient2024', field: 'abstract', ours: '2.8× faster', citationJs: '2.8\\times faster', why: 'same: \\times' },
  { key: 'zhuVisionMambaEfficient2024', field: 'abstract', ours: '1248×1248', citationJs: '1248\\times1248', why: 'same: \\times' },
  {
    key: 'zhou2021informer', field: 'abstract', ours: 'O(L log L)', citationJs: 'O(L \\log L)',
    why: 'math operator names (\\log) are shown as words rather than raw TeX',
  },
  {
    key: 'wang2020linformer', field: 'abstract', ours: 'O(n²) to', citationJs: 'O(n²⁾ to',
    why: 'an unbraced script applies to one character in TeX; citation-js raises the whole run "2)"',
  },
];

function stripMarkup(value: string | undefined): string | undefined {
  // citation-js renders \emph, \textbf, protected case etc. as HTML; our records are plain text.
  return value?.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
}

function displayName(name: CslName): string {
  return [name.given, name['dropping-particle'], name['non-dropping-particle'], name.family, name.suffix, name.literal]
    .filter((part) => part !== undefined && part.length > 0)
    .join(' ');
}

/** The PaperRecord fields citation-js's CSL item implies, under the deliberate differences listed in the tests. */
function expectedFromCitationJs(item: CslItem): Record<string, unknown> {
  return {
    title: stripMarkup(item.title),
    abstract: stripMarkup(item.abstract) ?? '',
    // "and others" means et al.; citation-js keeps it as an author named "others", we drop it.
    authors: (item.author ?? []).filter((name) => name.family !== 'others' || name.given !== undefined).map(displayName),
    year: item.issued?.['date-parts']?.[0]?.[0],
    // We store DOIs bare ("10.5555/..."), citation-js keeps a doi.org URL prefix if the file has one.
    doi: item.DOI?.replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, ''),
    venue: stripMarkup(item['container-title']),
  };
}

function applyDocumentedDifferences(key: string, field: string, value: unknown): unknown {
  let result = value;
  for (const difference of DOCUMENTED_DIFFERENCES) {
    if (difference.key === key && difference.field === field && typeof result === 'string') {
      result = result.replace(difference.citationJs, difference.ours);
    }
  }
  return result;
}

describe('BibTeX reader against citation-js', () => {
  it('has fixtures to compare', () => {
    assert.ok(fixtures.length >= 4, `fixtures: ${fixtures.join(', ')}`);
  });

  for (const fixture of fixtures) {
    describe(fixture, () => {
      const text = readFileSync(join(fixtureDir, fixture), 'utf8');
      const ours = readBibtex(text, fixture);
      const oursRaw = parseBibtex(text, fixture);
      const theirs = citationJsCsl(text);
      const theirsRaw = citationJsRawEntries(text);

      it('reads it without errors', () => {
        assert.deepEqual(ours.diagnostics.filter((diagnostic) => diagnostic.severity === 'error'), []);
      });

      it('finds the same entries with the same types and keys', () => {
        assert.deepEqual(
          oursRaw.entries.map((entry) => `${entry.type}:${entry.key}`),
          theirsRaw.map((entry) => `${entry.type.toLowerCase()}:${entry.label}`),
        );
      });

      it('resolves the same raw field values (@string macros, #, nested braces, quotes)', () => {
        for (const [index, entry] of oursRaw.entries.entries()) {
          const reference = Object.fromEntries(Object.entries(theirsRaw[index].properties).map(([name, value]) => [name, String(value)]));
          assert.deepEqual(Object.fromEntries(entry.fields), reference, entry.key);
        }
      });

      it('lists every citation-js item as a paper, the venues other entries crossref too, in file order', () => {
        assert.deepEqual(ours.records.map((record) => record.key), theirs.map((item) => item.id));
      });

      it('decodes titles, abstracts, authors, years, DOIs and venues to the same Unicode text', () => {
        for (const record of ours.records) {
          const item = theirs.find((candidate) => candidate.id === record.key);
          assert.ok(item, record.key);
          const expected = expectedFromCitationJs(item);
          for (const [field, value] of Object.entries(expected)) {
            const actual = (record as unknown as Record<string, unknown>)[field];
            assert.deepEqual(actual, applyDocumentedDifferences(record.key ?? '', field, value), `${record.key}.${field}`);
          }
        }
      });

      it('keeps the file\'s URL where it has one (citation-js has none otherwise; we link the arXiv page)', () => {
        for (const record of ours.records) {
          const item = theirs.find((candidate) => candidate.id === record.key);
          if (item?.URL !== undefined) {
            assert.equal(record.url, item.URL, record.key);
          } else if (record.arxivId !== undefined) {
            assert.equal(record.url, `https://arxiv.org/abs/${record.arxivId}`, record.key);
          } else {
            assert.equal(record.url, undefined, record.key);
          }
        }
      });
    });
  }

  describe('documented differences', () => {
    const byKey = new Map<string, { ours: PaperRecord; theirs: CslItem }>();
    for (const fixture of fixtures) {
      const text = readFileSync(join(fixtureDir, fixture), 'utf8');
      const theirs = citationJsCsl(text);
      for (const record of readBibtex(text, fixture).records) {
        const item = theirs.find((candidate) => candidate.id === record.key);
        if (item !== undefined && record.key !== undefined) {
          byKey.set(record.key, { ours: record, theirs: item });
        }
      }
    }
    for (const difference of DOCUMENTED_DIFFERENCES) {
      it(`${difference.key}.${difference.field}: we write "${difference.ours}" where citation-js writes "${difference.citationJs}" (${difference.why})`, () => {
        const pair = byKey.get(difference.key);
        assert.ok(pair, difference.key);
        assert.ok(String(pair.ours[difference.field]).includes(difference.ours));
        assert.ok(String(expectedFromCitationJs(pair.theirs)[difference.field]).includes(difference.citationJs));
      });
    }
  });

  it('reads a file whose comment line contains an "@", which citation-js rejects as a whole', () => {
    const text = '% Questions to me@example.org\n@article{a, title = {Mamba}, year = 2023}\n@article{b, title = {S4}, year = 2022}\n';
    assert.throws(() => citationJsCsl(text));
    assert.deepEqual(readBibtex(text, 'x.bib').records.map((record) => record.key), ['a', 'b']);
  });
});
