import { strict as assert } from 'node:assert';
import { BUILT_IN_NOTE_TEMPLATE, noteFileName, noteVariables, pandocCitation, renderNoteTemplate } from '../../../src/core/notes/noteTemplate';
import { categoryLabel, mambaClaims, paper } from './notesFixtures';

const context = { claims: mambaClaims, citation: '[@gu2023mamba]', categoryLabel, date: '2024-06-01' };

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

  const citations: readonly [string, string][] = [
    ['gu2023mamba', '[@gu2023mamba]'],
    ['DBLP:journals/corr/abs-2401-10166', '[@DBLP:journals/corr/abs-2401-10166]'],
    ['odd key', '[@{odd key}]'],
    ['ends.', '[@{ends.}]'],
  ];
  for (const [key, expected] of citations) {
    it(`cites ${key} as ${expected}`, () => {
      assert.equal(pandocCitation(key), expected);
    });
  }

  const fileNames: readonly [string, string][] = [
    ['gu2023mamba', 'gu2023mamba.md'],
    ['DBLP:journals/corr/abs-2401-10166', 'DBLP-journals-corr-abs-2401-10166.md'],
    ['..hidden', 'hidden.md'],
  ];
  for (const [key, expected] of fileNames) {
    it(`stores the note for ${key} as ${expected}`, () => {
      assert.equal(noteFileName(key), expected);
    });
  }
});
