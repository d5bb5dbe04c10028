import { strict as assert } from 'node:assert';
import { arxivUrl, extractorNotes, renderPaperBody } from '../../../src/core/view/paperHtml';
import { claimAt, claimOn, paperWith } from '../helpers/claimFixtures';

const hostile = [
  '<script>globalThis.pwned = 1</script>',
  '<img src=x onerror="globalThis.pwned = 2">',
  '</style><style>body{display:none}</style>',
  '"><svg onload=alert(1)>',
  "' onmouseover='alert(1)",
];

/** Tags a renderer is allowed to emit; anything else in the output came from the corpus unescaped. */
const ALLOWED_TAGS = new Set(['main', 'header', 'h1', 'h2', 'p', 'span', 'a', 'ul', 'li', 'div', 'button', 'section', 'mark', 'table', 'thead', 'tbody', 'tr', 'th', 'td']);

function tagsIn(html: string): string[] {
  return [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((match) => match[1]!.toLowerCase());
}

describe('renderPaperBody', () => {
  for (const payload of hostile) {
    it(`renders ${JSON.stringify(payload)} in every corpus field as text, never as markup`, () => {
      const abstract = `Intro ${payload} and 5x faster ${payload} end.`;
      const html = renderPaperBody({
        paper: paperWith({
          key: `key${payload}`,
          title: `Title ${payload}`,
          abstract,
          authors: [`Ann ${payload}`],
          venue: `Venue ${payload}`,
          year: 2024,
          codeUrls: [`https://example.org/${payload}`],
          categories: [{ facet: 'method', id: 'state-space-models', score: 1, evidence: [{ term: payload, field: 'abstract', count: 2, weight: 1 }] }],
        }),
        claims: [claimOn(abstract, '5x faster', 'speedup', { values: [5], unit: 'x', baseline: payload, ruleId: `r${payload}` })],
        extractorNotes: [payload],
      });
      for (const tag of tagsIn(html)) assert.ok(ALLOWED_TAGS.has(tag), `unexpected <${tag}> in output`);
      const tagsWithoutValues = html.replace(/"[^"]*"/g, '""').match(/<[a-zA-Z][^>]*>/g) ?? [];
      for (const tag of tagsWithoutValues) assert.ok(!/\son[a-z]+\s*=/i.test(tag), `an event-handler attribute in ${tag}`);
      assert.ok(!html.includes('<script'), 'a script tag survived');
    });
  }

  const links: Array<[string, boolean]> = [
    ['https://github.com/state-spaces/mamba', true],
    ['javascript:alert(1)', false],
    ['command:workbench.action.quit', false],
    ['data:text/html,hi', false],
  ];
  for (const [url, linked] of links) {
    it(`${linked ? 'links' : 'does not link'} a code URL ${JSON.stringify(url)}`, () => {
      const html = renderPaperBody({ paper: paperWith({ key: 'k', title: 't', abstract: 'a', codeUrls: [url] }), claims: [] });
      assert.equal(html.includes('href="'), linked);
      assert.equal(html.includes(`data-url="${url}"`), linked);
    });
  }

  it('highlights a claim with its kind as a class and in hidden text, and describes it on its row', () => {
    const abstract = 'It is 5x faster than attention.';
    const html = renderPaperBody({
      paper: paperWith({ key: 'k', title: 't', abstract }),
      claims: [claimOn(abstract, '5x faster', 'speedup', { values: [5], unit: 'x', baseline: 'than attention', ruleId: 'speedup.times' })],
    });
    const mark = /<mark [^>]*>.*?<\/mark>/.exec(html)?.[0] ?? '';
    assert.match(mark, /class="claim kind-speedup"/);
    assert.match(mark, /data-claims="0"/);
    assert.match(mark, /tabindex="0"/);
    assert.match(mark, /5x faster<span class="sr-only"> \(speedup claim\)<\/span>/);
    const row = /<tr class="claim-row"[^>]*>/.exec(html)?.[0] ?? '';
    assert.match(row, /data-claim="0"/);
    assert.match(row, /title="Kind: Speedup&#10;Values: 5×&#10;Baseline: than attention&#10;Rule: speedup.times"/);
  });

  it('shows a legend of the kinds present with their counts', () => {
    const abstract = 'A 5x speedup, a 3x speedup and 40% less memory.';
    const html = renderPaperBody({
      paper: paperWith({ key: 'k', title: 't', abstract }),
      claims: [claimOn(abstract, '5x speedup', 'speedup'), claimOn(abstract, '3x speedup', 'speedup'), claimOn(abstract, '40% less memory', 'reduction')],
    });
    const legend = /<ul class="legend"[^>]*>(.*?)<\/ul>/.exec(html)?.[1] ?? '';
    const items = [...legend.matchAll(/<\/span>([A-Za-z]+) <span class="count">(\d+)<\/span>/g)].map((match) => `${match[1]} ${match[2]}`);
    assert.deepEqual(items, ['Speedup 2', 'Reduction 1']);
  });

  it('lists every claim in the table with kind, text, value and baseline', () => {
    const abstract = 'It is up to 5x faster than attention.';
    const html = renderPaperBody({
      paper: paperWith({ key: 'k', title: 't', abstract }),
      claims: [claimOn(abstract, 'up to 5x faster', 'speedup', { values: [5], unit: 'x', qualifier: 'up to', measure: 'throughput', baseline: 'than attention' })],
    });
    const cells = [...html.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((match) => match[1]!.replace(/<[^>]+>/g, ''));
    assert.deepEqual(cells.slice(0, 4), ['Speedup', 'up to 5x faster', 'up to 5× throughput', 'than attention']);
  });
});

describe('arxivUrl', () => {
  const cases: Array<[string | undefined, string | undefined]> = [
    ['2312.00752', 'https://arxiv.org/abs/2312.00752'],
    ['2111.00396v3', 'https://arxiv.org/abs/2111.00396v3'],
    ['cs/0112017', 'https://arxiv.org/abs/cs/0112017'],
    ['javascript:alert(1)', undefined],
    ['2312.00752/../../x', undefined],
    [undefined, undefined],
  ];
  for (const [id, url] of cases) {
    it(`maps ${JSON.stringify(id)} to ${JSON.stringify(url)}`, () => assert.equal(arxivUrl(id), url));
  }
});

describe('extractorNotes', () => {
  it('says when nothing was found', () => {
    const notes = extractorNotes({ paper: paperWith({ key: 'k', title: 't', abstract: 'Nothing here.' }), claims: [] });
    assert.deepEqual(notes, ['The extractor found no claims in this abstract.']);
  });

  it('names overlapping and unplaceable claims and the rules used', () => {
    const abstract = 'A 5x faster model.';
    const notes = extractorNotes({
      paper: paperWith({ key: 'k', title: 't', abstract }),
      claims: [claimAt(abstract, 2, 11, 'speedup'), claimAt(abstract, 2, 4, 'scale'), claimAt(abstract, 0, 500, 'result')],
      extractorNotes: ['Skipped a number in a citation.'],
    });
    assert.deepEqual(notes, [
      'Skipped a number in a citation.',
      'Claim 3 has offsets outside the abstract, so it is listed but not highlighted.',
      'Claims 1, 2 overlap; the shortest one sets the colour and the tooltip lists them all.',
      '3 claims from 3 rules: result.test, scale.test, speedup.test.',
    ]);
  });
});
