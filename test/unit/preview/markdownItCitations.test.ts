import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import type { CitationFormatter } from '../../../src/core/cite/csl/citationFormatter';
import { REFERENCES_END_MARKER, REFERENCES_START_MARKER } from '../../../src/core/cite/referencesSection';
import { buildLibrary } from '../../../src/core/library/library';
import { citationPreviewPlugin } from '../../../src/vscode/preview/markdownItCitations';
import { bundledCslFiles } from '../../support/cslFiles';

const library = buildLibrary([
  { file: '000_3372b0a668492b2d.txt', text: readFileSync('corpus/000_3372b0a668492b2d.txt', 'utf8'), format: 'daily-papers' },
  { file: 'seed-metadata.json', text: readFileSync('corpus/seed-metadata.json', 'utf8'), format: 'paper-metadata' },
]);

function previewWith(style: string | (() => string)) {
  const files = bundledCslFiles();
  const formatters = new Map<string, CitationFormatter>();
  const formatterFor = () => {
    const id = typeof style === 'string' ? style : style();
    let formatter = formatters.get(id);
    if (!formatter) formatters.set(id, (formatter = files.formatter(files.bundledStyle(id))));
    return formatter;
  };
  return citationPreviewPlugin(new MarkdownIt({ html: true }), { formatterFor, lookup: (key) => library.get(key) });
}

describe('Markdown preview citations (markdown-it plugin)', function () {
  this.timeout(20_000);

  it('renders each citation as the style writes it, linked to its entry, and appends the bibliography with arXiv links', () => {
    const html = previewWith('apa').render('Mamba [see @gu2023mamba, pp. 3-5] builds on @gu2021efficiently.\n');
    assert.match(html, /<span class="paper-notes-citation" data-citation="\[see @gu2023mamba, pp. 3-5\]"><a class="paper-notes-cite" href="#ref-gu2023mamba">\(see Gu &#38; Dao, 2023, pp. 3–5\)<\/a><\/span>/);
    assert.match(html, /<a class="paper-notes-cite" href="#ref-gu2021efficiently">Gu et al. \(2021\)<\/a>/);
    assert.match(html, /<div id="refs" class="references csl-bib-body paper-notes-bibliography">\n<div class="csl-entry" id="ref-gu2023mamba">Gu, A., &#38; Dao, T\. \(2023\)\. <i>Mamba/);
    assert.match(html, /<a href="https:\/\/arxiv\.org\/abs\/2312\.00752">https:\/\/arxiv\.org\/abs\/2312\.00752<\/a>/);
  });

  it('renders a numeric style as [1] and a superscript style in place of the space before it', () => {
    assert.match(previewWith('ieee').render('Mamba [@gu2023mamba].\n'), /Mamba <span class="paper-notes-citation" data-citation="\[@gu2023mamba\]"><a class="paper-notes-cite" href="#ref-gu2023mamba">\[1\]<\/a><\/span>\./);
    assert.match(previewWith('nature').render('Mamba [@gu2023mamba].\n'), /Mamba<span class="paper-notes-citation" data-citation="\[@gu2023mamba\]"><a class="paper-notes-cite" href="#ref-gu2023mamba"><sup>1<\/sup><\/a><\/span>\./);
  });

  it('marks an unknown key visibly with the reason in its tooltip', () => {
    const html = previewWith('apa').render('Who [@nobody2020]?\n');
    assert.match(html, /<span class="paper-notes-citation-unknown" title="No paper in the library has the citation key nobody2020">@nobody2020\?<\/span>/);
  });

  it('puts the bibliography where a ::: {#refs} div stands, not at the end', () => {
    const html = previewWith('apa').render('Cited [@gu2023mamba].\n\n::: {#refs}\n:::\n\n## Appendix\n');
    assert.ok(html.indexOf('id="refs"') < html.indexOf('<h2>Appendix</h2>'), html);
    assert.equal(html.split('id="refs"').length, 2);
  });

  it('puts the bibliography between our References markers in place of the written list', () => {
    const note = `Cited [@gu2023mamba].\n\n## References\n\n${REFERENCES_START_MARKER}\n- an old house-format entry\n${REFERENCES_END_MARKER}\n\n## After\n`;
    const html = previewWith('apa').render(note);
    assert.ok(!html.includes('old house-format entry'), html);
    assert.ok(html.indexOf('id="refs"') > html.indexOf('<h2>References</h2>') && html.indexOf('id="refs"') < html.indexOf('<h2>After</h2>'), html);
  });

  it('leaves citations in code alone', () => {
    const html = previewWith('apa').render('`[@gu2023mamba]`\n\n```\n[@gu2023mamba]\n```\n');
    assert.ok(!html.includes('paper-notes-citation'), html);
    assert.ok(!html.includes('id="refs"'), html);
  });

  it('renders the same cached tokens in a new style when the style changes', () => {
    let style = 'apa';
    const md = previewWith(() => style);
    const tokens = md.parse('Mamba [@gu2023mamba].\n', {});
    const apa = md.renderer.render(tokens, md.options, {});
    style = 'ieee';
    const ieee = md.renderer.render(tokens, md.options, {});
    assert.match(apa, /Gu &#38; Dao, 2023/);
    assert.match(ieee, /<a class="paper-notes-cite" href="#ref-gu2023mamba">\[1\]<\/a>/);
  });
});
