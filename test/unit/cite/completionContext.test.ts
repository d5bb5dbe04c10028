import { strict as assert } from 'node:assert';
import { citationCompletionContext } from '../../../src/core/cite/completionContext';

/** `|` marks the cursor. */
function contextAt(marked: string): ReturnType<typeof citationCompletionContext> {
  const offset = marked.indexOf('|');
  return citationCompletionContext(marked.replace('|', ''), offset);
}

describe('citationCompletionContext', () => {
  const triggers: ReadonlyArray<{ name: string; text: string; prefix: string; syntax: 'pandoc' | 'latex'; inGroup: boolean }> = [
    { name: 'completes right after an opening bracket and at sign', text: 'See [@|', prefix: '', syntax: 'pandoc', inGroup: true },
    { name: 'completes a partly typed key in a group', text: 'See [@ma|', prefix: 'ma', syntax: 'pandoc', inGroup: true },
    { name: 'continues after a semicolon in a group', text: 'See [@a; @gu|]', prefix: 'gu', syntax: 'pandoc', inGroup: true },
    { name: 'continues after a semicolon with a prefix word', text: 'See [@a; see also @gu|]', prefix: 'gu', syntax: 'pandoc', inGroup: true },
    { name: 'completes a bare at sign at a word start', text: 'As @|', prefix: '', syntax: 'pandoc', inGroup: false },
    { name: 'completes after a suppress-author dash', text: '[-@gu|]', prefix: 'gu', syntax: 'pandoc', inGroup: true },
    { name: 'keeps colons, dots, dashes and underscores in the typed key', text: '[@doi:10.1/x_y-z.|', prefix: 'doi:10.1/x_y-z.', syntax: 'pandoc', inGroup: true },
    { name: 'completes inside a LaTeX cite', text: '\\cite{gu|', prefix: 'gu', syntax: 'latex', inGroup: true },
    { name: 'completes after a comma in a LaTeX cite', text: '\\citep[p. 3]{a, ka|}', prefix: 'ka', syntax: 'latex', inGroup: true },
  ];
  for (const { name, text, prefix, syntax, inGroup } of triggers) {
    it(name, () => {
      const context = contextAt(text);
      assert.ok(context, 'expected a completion context');
      assert.equal(context.prefix, prefix);
      assert.equal(context.syntax, syntax);
      assert.equal(context.inGroup, inGroup);
    });
  }

  const silent: ReadonlyArray<{ name: string; text: string }> = [
    { name: 'stays silent in an e-mail address', text: 'mail me at someone@exa|' },
    { name: 'stays silent in a URL', text: 'https://medium.com/@auth|' },
    { name: 'stays silent in inline code', text: 'Use `@deco|` here' },
    { name: 'stays silent in fenced code', text: '```python\n@deco|\n```\n' },
    { name: 'stays silent in an unclosed fence being typed', text: 'Text\n\n```\n[@|' },
    { name: 'stays silent in indented code', text: 'Para.\n\n    [@x|\n' },
    { name: 'stays silent in an HTML comment', text: '<!-- [@|] -->' },
    { name: 'stays silent without an at sign', text: 'plain word|' },
  ];
  for (const { name, text } of silent) it(name, () => assert.equal(contextAt(text), undefined));

  it('replaces the whole key around the cursor but not the punctuation after it', () => {
    const text = 'See @gu2023mamba. Next';
    const offset = text.indexOf('2023');
    const context = citationCompletionContext(text, offset);
    assert.equal(text.slice(context!.start, context!.end), 'gu2023mamba');
  });
});
