import { strict as assert } from 'node:assert';
import { parseLocator, parsePandocCitations } from '../../../src/core/cite/pandocCitations';

type Item = { key: string; prefix?: string; suffix?: string; locator?: string; label?: string; suppressAuthor?: boolean };

/** Cases from Pandoc's manual (Citation syntax) and its citation tests, as Pandoc reads them. */
const cases: Array<{ text: string; citations: Array<{ mode: 'normal' | 'in-text'; written: string; items: Item[] }> }> = [
  {
    text: 'Blah blah [@doe99; @smith2000; @smith2004].',
    citations: [{ mode: 'normal', written: '[@doe99; @smith2000; @smith2004]', items: [{ key: 'doe99' }, { key: 'smith2000' }, { key: 'smith2004' }] }],
  },
  {
    text: 'Blah blah [see @doe99, pp. 33-35 and *passim*; @smith04, chap. 1].',
    citations: [{ mode: 'normal', written: '[see @doe99, pp. 33-35 and *passim*; @smith04, chap. 1]', items: [
      { key: 'doe99', prefix: 'see', locator: '33-35', label: 'page', suffix: 'and *passim*' },
      { key: 'smith04', locator: '1', label: 'chapter' },
    ] }],
  },
  {
    text: 'Blah blah [@doe99, pp. 33-35, 38-39 and passim].',
    citations: [{ mode: 'normal', written: '[@doe99, pp. 33-35, 38-39 and passim]', items: [{ key: 'doe99', locator: '33-35, 38-39', label: 'page', suffix: 'and passim' }] }],
  },
  {
    text: 'Smith says blah [-@smith04].',
    citations: [{ mode: 'normal', written: '[-@smith04]', items: [{ key: 'smith04', suppressAuthor: true }] }],
  },
  {
    text: '@smith04 says blah.',
    citations: [{ mode: 'in-text', written: '@smith04', items: [{ key: 'smith04' }] }],
  },
  {
    text: '@smith04 [p. 33] says blah.',
    citations: [{ mode: 'in-text', written: '@smith04 [p. 33]', items: [{ key: 'smith04', locator: '33', label: 'page' }] }],
  },
  {
    text: '@item1 [p. 30, with suffix] says blah.',
    citations: [{ mode: 'in-text', written: '@item1 [p. 30, with suffix]', items: [{ key: 'item1', locator: '30', label: 'page', suffix: ', with suffix' }] }],
  },
  {
    text: 'In @Foo_bar.baz. the key ends before the period.',
    citations: [{ mode: 'in-text', written: '@Foo_bar.baz', items: [{ key: 'Foo_bar.baz' }] }],
  },
  {
    text: 'In @{Foo_bar.baz.} the braces keep it.',
    citations: [{ mode: 'in-text', written: '@{Foo_bar.baz.}', items: [{ key: 'Foo_bar.baz.' }] }],
  },
  {
    text: 'A URL key [@{https://example.com/bib?name=foobar&date=2000}, p. 33].',
    citations: [{ mode: 'normal', written: '[@{https://example.com/bib?name=foobar&date=2000}, p. 33]', items: [{ key: 'https://example.com/bib?name=foobar&date=2000', locator: '33', label: 'page' }] }],
  },
  {
    text: 'A citation group [see @item1 chap. 3; also @пункт3 p. 34-35].',
    citations: [{ mode: 'normal', written: '[see @item1 chap. 3; also @пункт3 p. 34-35]', items: [
      { key: 'item1', prefix: 'see', locator: '3', label: 'chapter' },
      { key: 'пункт3', prefix: 'also', locator: '34-35', label: 'page' },
    ] }],
  },
  {
    text: 'Citation with suffix only [@item1 and nowhere else].',
    citations: [{ mode: 'normal', written: '[@item1 and nowhere else]', items: [{ key: 'item1', suffix: 'and nowhere else' }] }],
  },
  {
    text: 'Citation with a suffix and locator [@item1 pp. 33, 35-37, and nowhere else].',
    citations: [{ mode: 'normal', written: '[@item1 pp. 33, 35-37, and nowhere else]', items: [{ key: 'item1', locator: '33, 35-37', label: 'page', suffix: ', and nowhere else' }] }],
  },
  {
    text: 'With some markup [*see* @item1 p. **32**].',
    citations: [{ mode: 'normal', written: '[*see* @item1 p. **32**]', items: [{ key: 'item1', prefix: '*see*', suffix: 'p. **32**' }] }],
  },
  {
    text: 'Braces delimit a locator [@smith04, {pp. iv, vi-xi, (xv)-(xvii)} with suffix here].',
    citations: [{ mode: 'normal', written: '[@smith04, {pp. iv, vi-xi, (xv)-(xvii)} with suffix here]', items: [{ key: 'smith04', locator: 'iv, vi-xi, (xv)-(xvii)', label: 'page', suffix: 'with suffix here' }] }],
  },
  {
    text: 'Not citations: an e-mail a@b.com, `[@code]`, and [a link](https://x.org/@user).',
    citations: [],
  },
];

describe('Pandoc citation syntax', () => {
  for (const { text, citations } of cases) {
    it(`reads ${JSON.stringify(text)}`, () => {
      const parsed = parsePandocCitations(text);
      assert.deepEqual(parsed.map((c) => ({
        mode: c.mode,
        written: text.slice(c.start, c.end),
        items: c.items.map((item) => ({
          key: item.key,
          ...(item.prefix ? { prefix: item.prefix } : {}),
          ...(item.suffix ? { suffix: item.suffix } : {}),
          ...(item.locator !== undefined ? { locator: item.locator, label: item.label } : {}),
          ...(item.suppressAuthor ? { suppressAuthor: true } : {}),
        })),
      })), citations);
      for (const c of parsed) for (const item of c.items) assert.equal(text.slice(item.keyStart, item.keyEnd), item.key);
    });
  }

  const locators: Array<[string, string | undefined, string | undefined, string]> = [
    [', p. 7', '7', 'page', ''],
    [', sec. 2 and elsewhere', '2', 'section', 'and elsewhere'],
    [', § 4', '4', 'section', ''],
    [', ¶ 12', '12', 'paragraph', ''],
    [', fig. 3a', '3a', 'figure', ''],
    [', vol. iii', 'iii', 'volume', ''],
    [', s.v. 12', '12', 'sub-verbo', ''],
    [', 33', '33', 'page', ''],
    [', and passim', undefined, undefined, ', and passim'],
    [', p. none', undefined, undefined, ', p. none'],
  ];
  for (const [suffix, locator, label, rest] of locators) {
    it(`splits ${JSON.stringify(suffix)} into locator ${locator ?? 'none'} (${label ?? '-'}) and suffix ${JSON.stringify(rest)}`, () => {
      const parsed = parseLocator(suffix);
      assert.deepEqual([parsed.locator, parsed.label, parsed.suffix], [locator, label, rest]);
    });
  }
});
