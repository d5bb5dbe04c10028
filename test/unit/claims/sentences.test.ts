import { strict as assert } from 'node:assert';
import { sentenceIndexAt, splitSentences } from '../../../src/core/claims/sentences';

const sentencesOf = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  const cases: readonly { readonly name: string; readonly text: string; readonly expected: readonly string[] }[] = [
    { name: 'splits at a period followed by a capital', text: 'One claim. Two claims.', expected: ['One claim.', 'Two claims.'] },
    { name: 'keeps "et al." together', text: 'As a solution, Vaswani et al. Introduced attention. Next.', expected: ['As a solution, Vaswani et al. Introduced attention.', 'Next.'] },
    { name: 'keeps "e.g." and "i.e." together', text: 'Devices (e.g. Phones) and models (i.e. Transformers) run. End.', expected: ['Devices (e.g. Phones) and models (i.e. Transformers) run.', 'End.'] },
    { name: 'keeps "vs." together', text: 'We compare Mamba vs. Transformers here. Done.', expected: ['We compare Mamba vs. Transformers here.', 'Done.'] },
    { name: 'keeps "WHAM! and" together', text: 'It wins on WHAM! and WHAMR! benchmarks. Next sentence.', expected: ['It wins on WHAM! and WHAMR! benchmarks.', 'Next sentence.'] },
    { name: 'does not split decimals or versions', text: 'It reaches 1.3B parameters and v2.1 results. Then.', expected: ['It reaches 1.3B parameters and v2.1 results.', 'Then.'] },
    { name: 'splits at a question mark and after a URL', text: 'Which model wins? Code: https://github.com/a/b. Thanks.', expected: ['Which model wins?', 'Code: https://github.com/a/b.', 'Thanks.'] },
    { name: 'keeps an abbreviated unit before a comma', text: 'It gives 99% at 360M params., 30B tokens. Then more.', expected: ['It gives 99% at 360M params., 30B tokens.', 'Then more.'] },
    { name: 'ignores leading and trailing whitespace', text: '  Alone here.  ', expected: ['Alone here.'] },
    { name: 'returns nothing for blank text', text: '   ', expected: [] },
  ];
  for (const { name, text, expected } of cases) {
    it(name, () => assert.deepEqual(sentencesOf(text), expected));
  }

  it('finds the sentence holding an offset', () => {
    const text = 'First one. Second one.';
    const spans = splitSentences(text);
    assert.equal(sentenceIndexAt(spans, 0), 0);
    assert.equal(sentenceIndexAt(spans, text.indexOf('Second') + 2), 1);
  });
});
