import { strict as assert } from 'node:assert';
import { formatCitation, planCitationInsertion, footnoteDefinition, hasFootnoteDefinition } from '../../../src/core/cite/formatCitation';
import { formatReference, authorList, shortAuthors } from '../../../src/core/cite/formatReference';
import type { CitationStyle } from '../../../src/core/cite/citationStyle';
import { toCitationStyle } from '../../../src/core/cite/citationStyle';
import { paperSummaryMarkdown, truncate } from '../../../src/core/cite/paperSummary';
import { mamba, s4, linear, noLink } from './samplePapers';

describe('formatCitation', () => {
  const cases: ReadonlyArray<{ style: CitationStyle; papers: typeof mamba[]; expected: string }> = [
    { style: 'pandoc', papers: [mamba], expected: '[@gu2023mamba]' },
    { style: 'pandoc', papers: [mamba, s4], expected: '[@gu2023mamba; @gu2021efficiently]' },
    { style: 'latex', papers: [mamba], expected: '\\cite{gu2023mamba}' },
    { style: 'latex', papers: [mamba, s4], expected: '\\cite{gu2023mamba,gu2021efficiently}' },
    { style: 'markdown-link', papers: [mamba], expected: '[Mamba: Linear-Time Sequence Modeling with Selective State Spaces (Gu and Dao, 2023)](https://arxiv.org/abs/2312.00752)' },
    { style: 'markdown-link', papers: [s4, noLink], expected: '[Efficiently Modeling Long Sequences with Structured State Spaces (Gu et al., 2021)](https://arxiv.org/abs/2111.00396); *An \\[Untitled\\] Draft (Writer, n.d.)*' },
    { style: 'footnote', papers: [mamba], expected: '[^gu2023mamba]' },
    { style: 'footnote', papers: [mamba, linear], expected: '[^gu2023mamba][^katharopoulos2020transformers]' },
  ];
  for (const { style, papers, expected } of cases) {
    it(`writes ${papers.length === 1 ? 'one paper' : 'a group'} in the ${style} style as ${expected}`, () => assert.equal(formatCitation(papers, style), expected));
  }

  const untitled: ReadonlyArray<{ style: CitationStyle; papers: typeof mamba[]; expected: string }> = [
    { style: 'markdown-link', papers: [mamba], expected: '[Gu and Dao, 2023](https://arxiv.org/abs/2312.00752)' },
    { style: 'markdown-link', papers: [noLink], expected: '(Writer, n.d.)' },
    { style: 'pandoc', papers: [mamba], expected: '[@gu2023mamba]' },
    { style: 'latex', papers: [mamba], expected: '\\cite{gu2023mamba}' },
    { style: 'footnote', papers: [mamba], expected: '[^gu2023mamba]' },
  ];
  for (const { style, papers, expected } of untitled) {
    it(`writes ${papers[0]!.key} without its title in the ${style} style as ${expected}`, () => assert.equal(formatCitation(papers, style, { withTitle: false }), expected));
  }

  it('writes nothing for no papers', () => assert.equal(formatCitation([], 'pandoc'), ''));

  it('braces a Pandoc key that a bare key cannot hold', () => {
    assert.equal(formatCitation([{ ...mamba, key: 'trailing.' }], 'pandoc'), '[@{trailing.}]');
  });

  it('falls back to the Pandoc style for an unknown setting value', () => {
    assert.equal(toCitationStyle('chicago'), 'pandoc');
    assert.equal(toCitationStyle('latex'), 'latex');
  });
});

describe('formatReference', () => {
  const cases: ReadonlyArray<{ name: string; paper: typeof mamba; expected: string }> = [
    { name: 'lists two authors with "and", the year, the title in italics, arXiv as venue and the arXiv link', paper: mamba, expected: 'Albert Gu and Tri Dao (2023). *Mamba: Linear-Time Sequence Modeling with Selective State Spaces*. arXiv. [arXiv:2312.00752](https://arxiv.org/abs/2312.00752)' },
    { name: 'prefers the venue over arXiv', paper: s4, expected: 'Albert Gu, Karan Goel and Christopher Ré (2021). *Efficiently Modeling Long Sequences with Structured State Spaces*. ICLR. [arXiv:2111.00396](https://arxiv.org/abs/2111.00396)' },
    { name: 'writes n.d. without a year and escapes brackets in the title', paper: noLink, expected: 'Solo Writer (n.d.). *An \\[Untitled\\] Draft*.' },
  ];
  for (const { name, paper, expected } of cases) it(name, () => assert.equal(formatReference(paper), expected));

  it('cuts long author lists after six names', () => {
    assert.equal(authorList(['A', 'B', 'C', 'D', 'E', 'F', 'G']), 'A, B, C, D, E, F et al.');
    assert.equal(shortAuthors([]), 'Anonymous');
  });
});

describe('planCitationInsertion', () => {
  it('inserts the same citation at every cursor', () => {
    const plan = planCitationInsertion('a\nb\n', [0, 2], [mamba], 'pandoc');
    assert.deepEqual(plan, { atCursors: ['[@gu2023mamba]', '[@gu2023mamba]'], atEnd: '' });
  });

  const groupCases: ReadonlyArray<{ name: string; before: string; cursor: string; expected: string }> = [
    { name: 'joins an existing group with a semicolon when the cursor follows a key', before: 'See [@a|] now.', cursor: '|', expected: '; @gu2023mamba' },
    { name: 'adds just the key after a semicolon and a space', before: 'See [@a; |] now.', cursor: '|', expected: '@gu2023mamba' },
    { name: 'adds a space after a bare semicolon', before: 'See [@a;|] now.', cursor: '|', expected: ' @gu2023mamba' },
    { name: 'writes a new group outside any group', before: 'See | now [@a].', cursor: '|', expected: '[@gu2023mamba]' },
  ];
  for (const { name, before, cursor, expected } of groupCases) {
    it(name, () => {
      const offset = before.indexOf(cursor);
      const text = before.replace(cursor, '');
      assert.equal(planCitationInsertion(text, [offset], [mamba], 'pandoc').atCursors[0], expected);
    });
  }

  it('appends a footnote definition once at the end, after a blank line', () => {
    const plan = planCitationInsertion('Text here', [4, 9], [mamba, mamba], 'footnote');
    assert.equal(plan.atEnd, `\n\n${footnoteDefinition(mamba)}\n`);
    assert.deepEqual(plan.atCursors, ['[^gu2023mamba][^gu2023mamba]', '[^gu2023mamba][^gu2023mamba]']);
  });

  it('appends only the footnote definitions the document lacks', () => {
    const text = `Text[^gu2023mamba].\n\n${footnoteDefinition(mamba)}\n`;
    assert.ok(hasFootnoteDefinition(text, 'gu2023mamba'));
    const plan = planCitationInsertion(text, [4], [mamba, s4], 'footnote');
    assert.equal(plan.atEnd, `\n${footnoteDefinition(s4)}\n`);
    assert.equal(planCitationInsertion(text, [4], [mamba], 'footnote').atEnd, '');
  });
});

describe('paperSummaryMarkdown', () => {
  it('shows title, authors, year and venue, claims, links and the key', () => {
    const card = paperSummaryMarkdown({ ...s4, codeUrls: ['https://github.com/state-spaces/s4'], abstract: 'We propose S4.' }, ['60x faster than prior work']);
    assert.equal(card, [
      '**Efficiently Modeling Long Sequences with Structured State Spaces**', '',
      'Albert Gu, Karan Goel and Christopher Ré', '',
      '2021 · ICLR', '',
      '- 60x faster than prior work', '',
      '[arXiv:2111.00396](https://arxiv.org/abs/2111.00396) · [Code](https://github.com/state-spaces/s4)', '',
      'We propose S4.', '',
      '`gu2021efficiently`',
    ].join('\n'));
  });

  it('escapes Markdown in untrusted titles and abstracts', () => {
    const card = paperSummaryMarkdown({ ...noLink, abstract: 'A <script> and [link](javascript:x)' }, []);
    assert.ok(card.includes('An \\[Untitled\\] Draft'));
    assert.ok(card.includes('A \\<\u200bscript\\> and \\[link\\](javascript:x)'), card);
  });

  it('cuts a long abstract at a word boundary', () => {
    assert.equal(truncate('one two three four', 9), 'one two…');
  });
});

describe('paperSummaryMarkdown links', () => {
  it('renders only web links from library data', () => {
    const card = paperSummaryMarkdown({ ...noLink, url: 'javascript:alert(1)', codeUrls: ['file:///etc/passwd', 'https://github.com/x/y'] }, []);
    assert.ok(!card.includes('javascript:'));
    assert.ok(!card.includes('file:'));
    assert.ok(card.includes('[Code](https://github.com/x/y)'));
  });
});
