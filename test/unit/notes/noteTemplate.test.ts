import { strict as assert } from 'node:assert';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { CitationStyle } from '../../../src/core/cite/citationStyle';
import { BUILT_IN_NOTE_TEMPLATE, noteFileName, noteVariables, renderNote, renderNoteTemplate, type NoteContext } from '../../../src/core/notes/noteTemplate';
import { categoryLabel, mambaClaims, paper } from './notesFixtures';

const context: NoteContext = { claims: mambaClaims, style: 'pandoc', categoryLabel, date: '2024-06-01' };

describe('note templates', () => {
  const note = renderNoteTemplate(BUILT_IN_NOTE_TEMPLATE, noteVariables(paper(), context));

  it('writes front matter with title, authors, year, arXiv id, key and categories', () => {
    const frontMatter = note.split('---\n')[1];
    assert.equal(frontMatter, [
      'title: "Mamba: Linear-Time Sequence Modeling with Selective State Spaces"',
      'authors: ["Albert Gu", "Tri Dao"]',
      'year: 2023',
      'arxiv: "2312.00752"',
      'key: "gu2023mamba"',
      'categories: ["State space models", "Language"]',
      '',
    ].join('\n'));
  });

  it('cites the paper and lists its claims as a checklist', () => {
    assert.match(note, /^\[@gu2023mamba\] · Albert Gu, Tri Dao · 2023$/m);
    assert.match(note, /^- \[ \] speedup: 5x higher throughput than Transformers$/m);
    assert.match(note, /^- \[ \] reduction: 40% less memory$/m);
  });

  it('has headings for summary, method, results, limitations and questions, in that order', () => {
    const headings = [...note.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    assert.deepEqual(headings, ['Claims', 'Summary', 'Method', 'Results', 'Limitations', 'Questions']);
  });

  it('quotes YAML values that would otherwise break the front matter', () => {
    const tricky = renderNoteTemplate('t: {{title | yaml}}', noteVariables(paper({ title: 'Attention: "all" you need? #1' }), context));
    assert.equal(tricky, 't: "Attention: \\"all\\" you need? #1"');
  });

  it('says so when the abstract has no claims', () => {
    assert.equal(renderNoteTemplate('{{claims}}', noteVariables(paper(), { ...context, claims: [] })), '- [ ] (no claims found in the abstract)');
  });

  const substitutions: readonly [string, string][] = [
    ['{{key}} {{year}} {{arxiv}} {{arxivUrl}}', 'gu2023mamba 2023 2312.00752 https://arxiv.org/abs/2312.00752'],
    ['{{ code }}', 'https://github.com/state-spaces/mamba'],
    ['{{date}}', '2024-06-01'],
    ['{{doi}}|{{venue}}', '|'],
    ['{{unknown}} stays', '{{unknown}} stays'],
  ];
  for (const [template, expected] of substitutions) {
    it(`renders ${template} as ${expected}`, () => {
      assert.equal(renderNoteTemplate(template, noteVariables(paper(), context)), expected);
    });
  }

  const citations: readonly [string, CitationStyle, string][] = [
    ['gu2023mamba', 'pandoc', '[@gu2023mamba]'],
    ['DBLP:journals/corr/abs-2401-10166', 'pandoc', '[@DBLP:journals/corr/abs-2401-10166]'],
    ['odd key', 'pandoc', '[@{odd key}]'],
    ['ends.', 'pandoc', '[@{ends.}]'],
    ['gu2023mamba', 'latex', '\\cite{gu2023mamba}'],
    ['gu2023mamba', 'markdown-link', '[Mamba: Linear-Time Sequence Modeling with Selective State Spaces (Gu and Dao, 2023)](https://arxiv.org/abs/2312.00752)'],
    ['gu2023mamba', 'footnote', '[^gu2023mamba]'],
  ];
  for (const [key, style, expected] of citations) {
    it(`writes {{citation}} for ${key} in the ${style} style as ${expected}`, () => {
      assert.equal(renderNoteTemplate('{{citation}}', noteVariables(paper({ key }), { ...context, style })), expected);
    });
  }

  // Hashes are fixed values: the same key must give the same note name on every machine and in every version.
  const fileNames: readonly [string, string][] = [
    ['gu2023mamba', 'gu2023mamba.md'],
    ['a-b', 'a-b.md'],
    ['a/b', 'a-b~9374119e4e.md'],
    ['DBLP:journals/corr/abs-2401-10166', 'DBLP-journals-corr-abs-2401-10166~914f921149.md'],
    ['..hidden', 'hidden~6df9d8b383.md'],
    ['CON', 'CON_~d120152d14.md'],
  ];
  for (const [key, expected] of fileNames) {
    it(`stores the note for ${key} as ${expected}`, () => {
      assert.equal(noteFileName(key), expected);
    });
  }
});

describe('new literature notes in each citation style', () => {
  const footnoteDefinitions = (note: string): string[] => {
    const tree = unified().use(remarkParse).use(remarkGfm).parse(note) as Root;
    return tree.children.filter((node) => node.type === 'footnoteDefinition').map((node) => (node as { identifier: string }).identifier);
  };
  const styles: ReadonlyArray<{ style: CitationStyle; citationLine: RegExp; definitions: string[] }> = [
    { style: 'pandoc', citationLine: /^\[@gu2023mamba\] · Albert Gu, Tri Dao · 2023$/m, definitions: [] },
    { style: 'latex', citationLine: /^\\cite\{gu2023mamba\} · Albert Gu, Tri Dao · 2023$/m, definitions: [] },
    { style: 'markdown-link', citationLine: /^\[Mamba: .* \(Gu and Dao, 2023\)\]\(https:\/\/arxiv\.org\/abs\/2312\.00752\) · Albert Gu, Tri Dao · 2023$/m, definitions: [] },
    { style: 'footnote', citationLine: /^\[\^gu2023mamba\] · Albert Gu, Tri Dao · 2023$/m, definitions: ['gu2023mamba'] },
  ];
  for (const { style, citationLine, definitions } of styles) {
    it(`cites the paper in the ${style} style${definitions.length > 0 ? ' and defines the footnote once at the end' : ''}`, () => {
      const note = renderNote(BUILT_IN_NOTE_TEMPLATE, paper(), { ...context, style });
      assert.match(note, citationLine);
      assert.deepEqual(footnoteDefinitions(note), definitions);
      if (definitions.length > 0) assert.match(note, /\n## Questions\n\n\[\^gu2023mamba\]: Albert Gu and Tri Dao \(2023\)\. \*Mamba: .*\n$/);
      else assert.ok(note.endsWith('## Questions\n'), 'nothing appended');
    });
  }

  it('adds no footnote definition to a template that does not cite the paper, nor a second one to a template that defines it', () => {
    const footnote = { ...context, style: 'footnote' as const };
    assert.equal(renderNote('# {{title}}\n', paper(), footnote), '# Mamba: Linear-Time Sequence Modeling with Selective State Spaces\n');
    const ownDefinition = '{{citation}}\n\n[^{{key}}]: my own words\n';
    assert.equal(renderNote(ownDefinition, paper(), footnote), '[^gu2023mamba]\n\n[^gu2023mamba]: my own words\n');
  });
});
