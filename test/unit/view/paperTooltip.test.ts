import { strict as assert } from 'node:assert';
import { paperTooltipMarkdown, topClaims } from '../../../src/core/view/paperTooltip';
import { escapeMarkdownText, shortTitle } from '../../../src/core/view/markdownText';
import { claimOn, paperWith } from '../helpers/claimFixtures';

describe('escapeMarkdownText', () => {
  const cases: Array<[string, string]> = [
    ['plain words', 'plain words'],
    ['[click](command:workbench.action.quit)', '\\[click\\]\\(command:workbench.action.quit\\)'],
    ['<img src=x onerror=alert(1)>', '\\<\u200bimg src=x onerror=alert\\(1\\)\\>'],
    ['&lt; # + - | ~', '\\&\u200blt; \\# \\+ \\- \\| \\~'],
    ['spoof \u202Egnp.exe\u202C end', 'spoof \\[RLO\\]gnp.exe\\[PDF\\] end'],
    ['bell\u0007 and \u001b]0;title\u0007 escape', 'bell and \\]0;title escape'],
    ['**bold** _em_ `code`', '\\*\\*bold\\*\\* \\_em\\_ \\`code\\`'],
    ['two\nlines', 'two lines'],
    ['שלום 🚀', 'שלום 🚀'],
  ];
  for (const [input, expected] of cases) {
    it(`escapes ${JSON.stringify(input)}`, () => assert.equal(escapeMarkdownText(input), expected));
  }
});

describe('escapeMarkdownText in a plain-text fallback', () => {
  // The workbench may show a Markdown tooltip as plain text: it drops backslash escapes and decodes entities, and the
  // result must not hold anything an HTML parser reads as a tag.
  const plainTextFallback = (markdown: string): string =>
    markdown.replace(/\\(.)/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
  const hostile = [
    '<img src=x onerror="window.pwned=1">',
    '&lt;img src=x onerror=alert(1)&gt;',
    '&amp;lt;script&amp;gt;',
    '</style><script>alert(1)</script>',
    '<!-- comment --><?pi?><![CDATA[x]]>',
    '&#60;svg onload=alert(1)&#62;',
  ];
  for (const text of hostile) {
    it(`keeps ${JSON.stringify(text)} from becoming a tag`, () => {
      const shown = plainTextFallback(escapeMarkdownText(text));
      assert.doesNotMatch(shown, /<[A-Za-z/!?]/);
      assert.equal(shown.replace(/\u200b/g, ''), text, 'and reads as the corpus text itself')
    });
  }
});

describe('shortTitle', () => {
  const cases: Array<[string, string]> = [
    ['Mamba: Linear-Time Sequence Modeling with Selective State Spaces', 'Mamba'],
    ['Efficiently Modeling Long Sequences with Structured State Spaces', 'Efficiently Modeling Long Seque…'],
    ['H3', 'H3'],
  ];
  for (const [title, expected] of cases) it(`shortens ${JSON.stringify(title)} to ${JSON.stringify(expected)}`, () => assert.equal(shortTitle(title), expected));
});

describe('topClaims', () => {
  it('puts the largest speedup first, then reductions, then results', () => {
    const text = 'A 3x speedup, a 9x speedup, 50% less memory and 90% accuracy.';
    const claims = [
      claimOn(text, '90% accuracy', 'result', { values: [90], unit: '%' }),
      claimOn(text, '50% less memory', 'reduction', { values: [50], unit: '%' }),
      claimOn(text, '3x speedup', 'speedup', { values: [3], unit: 'x' }),
      claimOn(text, '9x speedup', 'speedup', { values: [9], unit: 'x' }),
    ];
    assert.deepEqual(topClaims(claims).map((claim) => claim.text), ['9x speedup', '3x speedup', '50% less memory']);
  });
});

describe('paperTooltipMarkdown', () => {
  it('shows authors, venue, year, categories and top claims', () => {
    const abstract = 'It is 5x faster.';
    const markdown = paperTooltipMarkdown(
      paperWith({ key: 'gu2023mamba', title: 'Mamba', abstract, authors: ['Albert Gu', 'Tri Dao'], year: 2023, venue: 'COLM', categories: [{ facet: 'method', id: 'state-space-models', score: 1, evidence: [] }] }),
      [claimOn(abstract, '5x faster', 'speedup', { values: [5], unit: 'x' })],
    );
    assert.equal(markdown, [
      '**Mamba**', '', 'Albert Gu, Tri Dao', '', 'COLM · 2023 · `gu2023mamba`', '', 'Method family: State space models  ',
      '', 'Top claims (1 in all):', '', '- *Speedup*: 5x faster (5×)',
    ].join('\n'));
  });

  const citedInLines: readonly [number | undefined, string | undefined][] = [
    [undefined, undefined],
    [0, 'Not cited in any note of this workspace yet.'],
    [1, 'Cited in 1 note of this workspace (Find All References on a citation lists them).'],
    [3, 'Cited in 3 notes of this workspace (Find All References on a citation lists them).'],
  ];
  for (const [citedIn, expected] of citedInLines) {
    it(`says ${expected === undefined ? 'nothing about notes' : `"${expected}"`} when the citation count is ${citedIn}`, () => {
      const markdown = paperTooltipMarkdown(paperWith({ key: 'k', title: 'T', abstract: '', authors: ['A B'], year: 2024 }), [], undefined, { citedIn });
      const lines = markdown.split('\n');
      const sentence = lines.find((line) => /cited in/i.test(line));
      assert.equal(sentence, expected);
      if (expected !== undefined) assert.ok(lines.indexOf(sentence!) < lines.indexOf('*No claims extracted.*'), 'before the claims');
    });
  }

  it('keeps hostile corpus text inert', () => {
    const markdown = paperTooltipMarkdown(paperWith({ key: 'k', title: '[x](command:evil) <script>', abstract: '', authors: ['<img onerror=x>'] }), []);
    assert.ok(!/(^|[^\\])\[x\]\(/.test(markdown));
    assert.ok(!/(^|[^\\])<(script|img)/.test(markdown));
  });
});
