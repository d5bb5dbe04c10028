import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { BUNDLED_CSL_STYLES, CslStyleError, parseCslStyle } from '../../../src/core/cite/csl/cslStyle';
import { formatNoteCitations, renderNote } from '../../../src/core/cite/csl/renderNote';
import { buildLibrary } from '../../../src/core/library/library';
import { bundledCslDir, bundledCslFiles } from '../../support/cslFiles';

const library = buildLibrary([
  { file: '000_3372b0a668492b2d.txt', text: readFileSync('corpus/000_3372b0a668492b2d.txt', 'utf8'), format: 'daily-papers' },
  { file: 'seed-metadata.json', text: readFileSync('corpus/seed-metadata.json', 'utf8'), format: 'paper-metadata' },
]);
const lookup = (key: string) => library.get(key);
const NOTE = 'Selection [see @gu2023mamba, pp. 3-5; also @gu2021efficiently]. As @gu2023mamba [p. 7] shows [-@gu2021efficiently]. Unknown [@nobody2020].\n';

function formatter(style: string) {
  const files = bundledCslFiles();
  return files.formatter(files.bundledStyle(style));
}

describe('CSL citation formatter', function () {
  this.timeout(20_000);

  it('ships every bundled style with its info and CC BY-SA rights, and a notice naming citeproc-js and each style', () => {
    const notice = readFileSync(path.join(bundledCslDir(), 'THIRD-PARTY-NOTICES.md'), 'utf8');
    assert.match(notice, /citeproc-js .*\n[\s\S]*CPAL-1\.0 OR AGPL-1\.0/);
    for (const id of BUNDLED_CSL_STYLES) {
      const xml = readFileSync(path.join(bundledCslDir(), 'styles', `${id}.csl`), 'utf8');
      assert.match(xml, /<rights license="http:\/\/creativecommons\.org\/licenses\/by-sa\/3\.0\/">/, id);
      assert.match(xml, /<info>[\s\S]*<title>[\s\S]*<\/info>/, id);
      assert.ok(notice.includes(`(\`${id}\`)`), id);
    }
  });

  const styles: Array<{ style: string; citations: string[]; firstEntry: string }> = [
    {
      style: 'apa',
      citations: ['(also Gu et al., 2021; see Gu & Dao, 2023, pp. 3–5)', 'Gu & Dao (2023, p. 7)', '(2021)', '**nobody2020?**'],
      firstEntry: 'Gu, A., & Dao, T. (2023). *Mamba: Linear-Time Sequence Modeling with Selective State Spaces* (arXiv:2312.00752). arXiv. https://arxiv.org/abs/2312.00752',
    },
    {
      style: 'chicago-author-date',
      citations: ['(see Gu and Dao 2023, 3–5; also Gu, Goel, and Ré 2021)', 'Gu and Dao (2023, 7)', '(2021)', '**nobody2020?**'],
      firstEntry: 'Gu, Albert, and Tri Dao. 2023. “Mamba: Linear-Time Sequence Modeling with Selective State Spaces.” arXiv. https://arxiv.org/abs/2312.00752.',
    },
    {
      style: 'ieee',
      citations: ['see \\[1, pp. 3–5\\], also \\[2\\]', '\\[1, p. 7\\]', '\\[2\\]', '**nobody2020?**'],
      firstEntry: '\\[1\\] A. Gu and T. Dao, “Mamba: Linear-Time Sequence Modeling with Selective State Spaces.” arXiv, 2023. \\[Online\\]. Available: https://arxiv.org/abs/2312.00752',
    },
    {
      style: 'nature',
      citations: ['^see 1,also 2^', '^1^', '^2^', '**nobody2020?**'],
      firstEntry: '1\\. Gu, A. & Dao, T. Mamba: Linear-Time Sequence Modeling with Selective State Spaces. Preprint at https://arxiv.org/abs/2312.00752 (2023).',
    },
  ];
  for (const { style, citations, firstEntry } of styles) {
    it(`formats a note's citations and bibliography in ${style} as Markdown`, () => {
      const { citations: formatted, rendered } = formatNoteCitations(NOTE, formatter(style), lookup, 'markdown');
      assert.deepEqual(formatted.map((c) => c.text), citations);
      assert.equal(rendered.bibliography.length, 2);
      assert.ok(rendered.bibliography.some((entry) => entry.text === firstEntry), rendered.bibliography.map((e) => e.text).join('\n'));
      assert.deepEqual(rendered.unknownKeys, ['nobody2020']);
    });
  }

  it('reads an arXiv preprint and a conference paper in APA as a reader expects: no doubled arXiv, the proceedings from the cleaned venue', () => {
    const entries = formatter('apa').bibliography([library.get('gu2023mamba')!, library.get('behrouz2024best')!], 'text').map((e) => e.text);
    assert.ok(!entries.some((entry) => /arXiv\. arXiv/.test(entry)), entries.join('\n'));
    assert.ok(entries.some((entry) => entry.includes('Proceedings of the 42nd International Conference on Machine Learning, 267')), entries.join('\n'));
    const venueNotes = library.papers.map((p) => p.venueNote).filter((n): n is string => n !== undefined);
    const all = formatter('apa').bibliography(library.papers, 'text').map((e) => e.text).join('\n');
    for (const note of venueNotes) assert.ok(!all.includes(note), note);
  });

  const locales: Array<[string, string]> = [['en-US', '(Gu and Dao 2023, 3)'], ['de-DE', '(Gu und Dao 2023, 3)'], ['fr-FR', '(Gu et Dao 2023, 3)']];
  for (const [locale, expected] of locales) {
    it(`writes the terms of the ${locale} locale when the style names none`, () => {
      const files = bundledCslFiles();
      const cited = files.formatter(files.bundledStyle('chicago-author-date'), locale)
        .render([{ mode: 'normal', items: [{ key: 'gu2023mamba', locator: '3', label: 'page' }] }], lookup, 'text');
      assert.deepEqual(cited.citations, [expected]);
    });
  }

  it('keeps the locale a style names (Nature writes en-GB) whatever the setting, as Pandoc does', () => {
    const files = bundledCslFiles();
    const entry = files.formatter(files.bundledStyle('nature'), 'de-DE').bibliography([library.get('gu2021efficiently')!], 'text')[0]!.text;
    assert.match(entry, /Gu, A\., Goel, K\. & Ré, C\. Efficiently Modeling/);
  });

  it('marks an unknown key in HTML with the reason in its tooltip', () => {
    const { citations } = formatNoteCitations('See [@nobody2020].', formatter('apa'), lookup, 'html');
    assert.equal(citations[0]!.text, '<span class="paper-notes-citation-unknown" title="No paper in the library has the citation key nobody2020">@nobody2020?</span>');
  });

  it('sees a changed library on the next render without a new formatter', () => {
    const f = formatter('apa');
    const before = f.render([{ mode: 'normal', items: [{ key: 'gu2023mamba' }] }], lookup, 'text').citations[0];
    const renamed = { ...library.get('gu2023mamba')!, authors: ['Ada Lovelace'] };
    const after = f.render([{ mode: 'normal', items: [{ key: 'gu2023mamba' }] }], () => renamed, 'text').citations[0];
    assert.deepEqual([before, after], ['(Gu & Dao, 2023)', '(Lovelace, 2023)']);
  });

  it('prints a note as pandoc --citeproc -t markdown does, the bibliography in a refs div', () => {
    const out = renderNote('Mamba [@gu2023mamba] is fast.\n', formatter('chicago-author-date'), lookup);
    assert.equal(out, 'Mamba (Gu and Dao 2023) is fast.\n\n::: {#refs .references .csl-bib-body}\n::: {#ref-gu2023mamba .csl-entry}\n'
      + 'Gu, Albert, and Tri Dao. 2023. “Mamba: Linear-Time Sequence Modeling with Selective State Spaces.” arXiv. https://arxiv.org/abs/2312.00752.\n:::\n:::\n');
  });

  it('puts the bibliography where a ::: {#refs} div stands, and a superscript citation in place of the space before it', () => {
    const out = renderNote('Mamba [@gu2023mamba].\n\n::: {#refs}\n:::\n\nAppendix.\n', formatter('nature'), lookup);
    assert.ok(out.startsWith('Mamba^1^.\n\n::: {#refs .references .csl-bib-body}\n::: {#ref-gu2023mamba .csl-entry}\n1\\. Gu, A.'), out);
    assert.ok(out.endsWith(':::\n:::\n\nAppendix.\n'), out);
  });

  const broken: Array<{ name: string; xml: string; message: RegExp }> = [
    { name: 'an empty file', xml: '', message: /journal\.csl: the style file is empty/ },
    { name: 'an unclosed element, at its line', xml: '<?xml version="1.0"?>\n<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text">\n<citation>\n</style>\n', message: /journal\.csl:4: not well-formed XML: <\/style> closes <citation>/ },
    { name: 'HTML instead of CSL', xml: '<html><body>Not found</body></html>', message: /not a CSL style: no <style> element/ },
    { name: 'a dependent style', xml: '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"><info><link href="x" rel="independent-parent"/></info></style>', message: /a dependent style/ },
  ];
  for (const { name, xml, message } of broken) {
    it(`rejects ${name} with a clear error`, () => {
      assert.throws(() => parseCslStyle(xml, 'journal.csl'), (error: unknown) => error instanceof CslStyleError && message.test(error.message));
    });
  }
});
