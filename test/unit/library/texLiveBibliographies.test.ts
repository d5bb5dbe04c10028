// Differential check on bibliographies nobody here wrote: every .bib in TeX Live's bibtex/bib tree (Debian's
// texlive-bibtex-extra; mostly Nelson Beebe's bibliographies of TeX, typography and computing), read by our reader
// and by Debian's Pandoc (`pandoc -f bibtex -t csljson`). Prints the figures and the remaining differences.
import { strict as assert } from 'node:assert';
import { toBibtex } from '../../../src/core/cite/export';
import { NON_BIBLIOGRAPHIC_TYPES } from '../../../src/core/library/bibtexReader';
import { buildLibrary } from '../../../src/core/library/library';
import {
  compareFile, mapLimited, pandocCiteprocPlainText, rawCommandIn, sameFirstAuthor, texLiveBibFiles, type FileComparison, type PandocName,
} from '../../support/texLiveBibliographies';

/** First-author differences we know of, and why ours is the one to keep. */
const KNOWN_AUTHOR_DIFFERENCES: Readonly<Record<string, string>> = {
  'Han:2000:MTE': 'Pandoc prints the \\kern of the \\llap/\\raise accent construction as text ("Hàn Thê-.05em Thành")',
  'Thanh:TB18-4-249': 'Pandoc drops the logo macro \\Thanh{} (Hàn Thế Thành) and takes the second author as the first',
  'TT:TB21-1-16': 'Pandoc drops the macro \\TUB (TUGboat) from "The \\TUB Team"',
};

/** Records that keep a backslash on purpose. */
const KNOWN_RAW_COMMANDS: readonly (readonly [RegExp, string])[] = [
  [/^\\specials?$/, 'the abstract quotes TeX\'s \\special primitive verbatim (\\verb|\\special|), which is the text meant'],
];

interface Figures {
  files: number;
  ours: number;
  pandoc: number;
  missing: { file: string; key: string; type: string }[];
  authorsCompared: number;
  authorDifferences: { key: string; ours: string; pandoc: PandocName }[];
  rawRecords: { key: string; command: string }[];
  readMs: number;
}

function figuresOf(results: readonly FileComparison[]): Figures {
  const figures: Figures = { files: results.length, ours: 0, pandoc: 0, missing: [], authorsCompared: 0, authorDifferences: [], rawRecords: [], readMs: 0 };
  for (const result of results) {
    figures.ours += result.ours.length;
    figures.readMs += result.readMs;
    const oursByKey = new Map(result.ours.map((record) => [record.key, record]));
    for (const item of result.pandoc.items) {
      const type = result.typeByKey.get(item.id) ?? '?';
      if (NON_BIBLIOGRAPHIC_TYPES.has(type)) continue;
      figures.pandoc++;
      const record = oursByKey.get(item.id);
      if (record === undefined) {
        figures.missing.push({ file: result.file, key: item.id, type });
        continue;
      }
      const pandocFirst = item.author?.[0];
      if (pandocFirst !== undefined && record.authors.length > 0) {
        figures.authorsCompared++;
        if (!sameFirstAuthor(record.authors[0], pandocFirst)) {
          figures.authorDifferences.push({ key: item.id, ours: record.authors[0], pandoc: pandocFirst });
        }
      }
    }
    for (const record of result.ours) {
      const command = rawCommandIn(record);
      if (command !== undefined) figures.rawRecords.push({ key: record.key ?? '', command });
    }
  }
  return figures;
}

function percent(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(2)}%`;
}

describe('BibTeX reader on TeX Live\'s bibliographies, against Pandoc', function () {
  // Pandoc takes about 20 s for the 9.4 MB on two cores.
  this.timeout(600_000);
  let results: FileComparison[];
  let figures: Figures;

  before(async () => {
    const files = texLiveBibFiles();
    const start = performance.now();
    results = await mapLimited(files, 2, compareFile);
    figures = figuresOf(results);
    const megabytes = files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0) / 1e6;
    const lines = [
      `TeX Live bibliographies: ${figures.files} files, ${megabytes.toFixed(1)} MB, compared in ${((performance.now() - start) / 1000).toFixed(1)} s`,
      `  entries: ours ${figures.ours}, Pandoc ${figures.pandoc} (bibliographic types)`,
      `  missing versus Pandoc: ${figures.missing.length}`,
      `  first authors agree: ${figures.authorsCompared - figures.authorDifferences.length} of ${figures.authorsCompared} (${percent(figures.authorsCompared - figures.authorDifferences.length, figures.authorsCompared)})`,
      `  records with a raw command: ${figures.rawRecords.length} of ${figures.ours} (${percent(figures.rawRecords.length, figures.ours)})`,
      `  our read time, one cold pass per file: ${figures.readMs.toFixed(0)} ms (npm run bench has the warm figure)`,
    ];
    for (const result of results) {
      if (result.pandoc.error !== undefined) lines.push(`  Pandoc cannot read ${result.file} (${result.ours.length} entries here only): ${result.pandoc.error}`);
      else if (result.pandoc.escapedPercent) lines.push(`  Pandoc read ${result.file} only with "%" inside values escaped (Pandoc 2.17 reads it as a comment)`);
    }
    for (const { key, ours, pandoc } of figures.authorDifferences) {
      lines.push(`  first author of ${key}: ours "${ours}", Pandoc ${JSON.stringify(pandoc)}: ${KNOWN_AUTHOR_DIFFERENCES[key] ?? 'no reason recorded'}`);
    }
    for (const { key, command } of figures.rawRecords) {
      lines.push(`  ${key} keeps ${command}: ${KNOWN_RAW_COMMANDS.find(([pattern]) => pattern.test(command))?.[1] ?? 'no reason recorded'}`);
    }
    console.log(lines.join('\n'));
  });

  it('reads every bibliographic entry Pandoc reads, under the same key', () => {
    assert.ok(figures.pandoc > 10_000, `Pandoc read ${figures.pandoc} entries; the corpus has over 10,000`);
    assert.deepEqual(figures.missing, []);
  });

  it('agrees with Pandoc on the first author of at least 99.9% of the entries both give authors', () => {
    assert.ok(figures.authorsCompared > 9_000, `${figures.authorsCompared} entries compared`);
    const agreeing = figures.authorsCompared - figures.authorDifferences.length;
    assert.ok(agreeing / figures.authorsCompared >= 0.999, `${agreeing} of ${figures.authorsCompared}: ${JSON.stringify(figures.authorDifferences.slice(0, 20))}`);
  });

  it('leaves a backslash command in at most 0.5% of the records', () => {
    assert.ok(figures.rawRecords.length / figures.ours <= 0.005, `${figures.rawRecords.length} of ${figures.ours}: ${JSON.stringify(figures.rawRecords.slice(0, 20))}`);
  });
});

describe('BibTeX export of TeX Live\'s bibliographies, through pandoc --citeproc', function () {
  // Building the 10,000-paper library and Pandoc's citeproc run take about 15 s.
  this.timeout(600_000);

  it('prints at least 99.8% of the titles exactly as the library shows them', async () => {
    const files = texLiveBibFiles();
    const library = buildLibrary(files.map((file) => ({ file: file.name, text: file.text, format: 'bibtex' as const })));
    const rendered = await pandocCiteprocPlainText(toBibtex(library.papers));
    // CSL nests quotation marks (‘ inside “) and moves commas into them: typography, not a change of text. Pandoc 2.17
    // prints a capitalised word with digits in title case even inside a protected title (TUG2000 -> Tug2000).
    const comparable = (text: string): string => text.replace(/[‘’“”'"]/g, '"').replace(/[,.]?"+[,.]?/g, '"').replace(/\s+/g, ' ');
    const bibliography = comparable(rendered);
    const changed = library.papers.filter((paper) => !bibliography.includes(comparable(paper.title).replace(/[,.]$/, '')));
    console.log(`  ${library.size - changed.length} of ${library.size} titles printed as shown; differing: ${changed.map((paper) => `${paper.key} "${paper.title}"`).join('; ')}`);
    assert.ok(library.size > 10_000, `${library.size} papers`);
    assert.ok((library.size - changed.length) / library.size >= 0.998, `${changed.length} titles differ`);
  });
});
