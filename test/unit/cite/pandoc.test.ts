import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { exportPapers, type ExportFormat } from '../../../src/core/cite/export';
import { planCitationInsertion } from '../../../src/core/cite/formatCitation';
import { updateReferences } from '../../../src/core/cite/referencesSection';
import { scanCitations } from '../../../src/core/cite/scanCitations';
import { applyTextEdit } from '../../../src/core/cite/textEdit';
import { buildLibrary, type Library } from '../../../src/core/library/library';
import type { Paper } from '../../../src/core/library/paper';
import { readEmbeddedCorpus } from '../../../src/node/corpusFiles';

/**
 * Real-tool check: a note written with the citations Paper Notes inserts goes through Debian's pandoc with
 * citeproc and the bibliography Paper Notes exports. Every citation must resolve.
 */

/** Writes `template`, inserting at each `|` the Pandoc citation planned for the papers listed in order. */
function writeWithInsertions(template: string, groups: ReadonlyArray<readonly Paper[]>): string {
  let text = template;
  for (const papers of groups) {
    const offset = text.indexOf('|');
    assert.ok(offset >= 0, 'a cursor marker for each insertion');
    const plan = planCitationInsertion(text.replace('|', ''), [offset], papers, 'pandoc');
    text = text.slice(0, offset) + plan.atCursors[0] + text.slice(offset + 1);
  }
  return text;
}

function pandoc(args: readonly string[], input: string): { stdout: string; stderr: string } {
  const result = spawnSync('pandoc', args, { input, encoding: 'utf8' });
  if (result.error) throw new Error(`pandoc could not run (.ci/run installs Debian's pandoc): ${result.error.message}`);
  assert.equal(result.status, 0, result.stderr);
  return { stdout: result.stdout, stderr: result.stderr };
}

describe('citations rendered by pandoc --citeproc', function () {
  this.timeout(60_000);
  let library: Library;
  let note: string;
  let cited: Paper[];

  before(async () => {
    library = buildLibrary(await readEmbeddedCorpus(path.resolve('corpus')));
    const paper = (key: string): Paper => {
      const found = library.get(key);
      assert.ok(found, `the corpus has ${key}`);
      return found;
    };
    const template = [
      '# Selective state spaces',
      '',
      'Structured state spaces | scale to long sequences, and selection | makes them content-aware.',
      'Linear attention variants | and retention | are close relatives.',
      '',
      '- Time series: |.',
      '',
      '```python',
      '# a decorator, not a citation: [@notakey]',
      '@torch.no_grad()',
      '```',
      '',
    ].join('\n');
    note = writeWithInsertions(template, [
      [paper('gu2021efficiently')],
      [paper('gu2023mamba'), paper('fu2022hungry')],
      [paper('yang2023gated'), paper('yang2024parallelizing'), paper('liu2022ecoformer')],
      [paper('hatamizadeh2023vir')],
      [paper('zhou2020informer'), paper('liu2023itransformer'), paper('wu2022timesnet')],
    ]);
    // A locator and an author-suppressed citation, as people write them around inserted keys.
    note += 'See [see @behrouz2024titans, p. 3; -@lan2025liger] and @patro2024mamba360 for surveys.\n';
    const keys = [...new Set(scanCitations(note).map((match) => match.key))];
    cited = keys.map(paper);
    const references = updateReferences(note, (key) => library.get(key), 'first-citation');
    if (references.edit) note = applyTextEdit(note, references.edit);
  });

  it('writes the expected Pandoc citations into the sample note', () => {
    assert.ok(note.includes('[@gu2023mamba; @fu2022hungry]'));
    assert.ok(note.includes('[@yang2023gated; @yang2024parallelizing; @liu2022ecoformer]'));
    assert.equal(cited.length, 13);
  });

  const formats: ReadonlyArray<{ format: ExportFormat; file: string }> = [
    { format: 'bibtex', file: 'library.bib' },
    { format: 'csl-json', file: 'library.json' },
  ];
  for (const { format, file } of formats) {
    for (const scope of ['cited papers', 'the whole library'] as const) {
      it(`resolves every citation against the ${format} export of ${scope}, with each cited paper in the bibliography`, () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'paper-notes-pandoc-'));
        const bibliography = path.join(dir, file);
        writeFileSync(bibliography, exportPapers(scope === 'cited papers' ? cited : library.papers, format));
        const { stdout, stderr } = pandoc(['--citeproc', '--bibliography', bibliography, '--from', 'markdown', '--to', 'html'], note);
        assert.doesNotMatch(stderr, /not found/i, stderr);
        assert.doesNotMatch(stdout, /\?\?\?/, 'no unresolved citation marks');
        for (const paper of cited) assert.ok(stdout.includes(`id="ref-${paper.key}"`), `${paper.key} is in the bibliography`);
        const entries = stdout.match(/class="csl-entry"/g) ?? [];
        assert.equal(entries.length, cited.length, 'only cited papers are listed');
        assert.ok(stdout.includes('[@notakey]'), 'code stays code, uncited');
      });
    }
  }

  it('reports a key missing from the export as "citation … not found", so the check above can fail', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'paper-notes-pandoc-'));
    const bibliography = path.join(dir, 'library.bib');
    writeFileSync(bibliography, exportPapers(cited.filter((paper) => paper.key !== 'gu2023mamba'), 'bibtex'));
    const { stderr } = pandoc(['--citeproc', '--bibliography', bibliography, '--from', 'markdown', '--to', 'html'], note);
    assert.match(stderr, /gu2023mamba not found/);
  });
});
