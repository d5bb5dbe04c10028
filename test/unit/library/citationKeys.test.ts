import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { assignCitationKeys, baseCitationKey, familyName, isValidCitationKey } from '../../../src/core/library/citationKeys';

describe('citation keys', () => {
  const cases: Array<{ name: string; title: string; authors: string[]; year?: number; key: string }> = [
    { name: 'joins family name, year and first title word', title: 'Mamba: Linear-Time Sequence Modeling with Selective State Spaces', authors: ['Albert Gu', 'Tri Dao'], year: 2023, key: 'gu2023mamba' },
    { name: 'folds accents to ASCII', title: 'FlashRNN: Optimizing Traditional RNNs on Modern Hardware', authors: ['Korbinian Pöppel'], year: 2024, key: 'poppel2024flashrnn' },
    { name: 'skips stop words at the start of the title', title: 'A Survey of Techniques for Optimizing Transformer Inference', authors: ['Krishna Teja Chitty-Venkata'], year: 2023, key: 'chittyvenkata2023survey' },
    { name: 'keeps a hyphenated title word whole', title: 'Long-term Recurrent Convolutional Networks', authors: ['Jeff Donahue'], year: 2014, key: 'donahue2014longterm' },
    { name: 'reads the family name of "Family, Given"', title: 'Attention as an RNN', authors: ['Feng, Leo'], year: 2024, key: 'feng2024attention' },
    { name: 'ignores a name suffix', title: 'On Things', authors: ['Sam Smith Jr.'], year: 2001, key: 'smith2001things' },
    { name: 'uses the first three significant title words without authors', title: 'Mamba: Linear-Time Sequence Modeling', authors: [], year: 2023, key: 'mambalineartimesequence2023' },
    { name: 'leaves out an unknown year', title: 'Attention Is Not All You Need Anymore', authors: ['Zhe Chen'], key: 'chenattention' },
    { name: 'never gives an all-digit key', title: '2024', authors: [], key: 'paper2024' },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      const key = baseCitationKey(testCase);
      assert.equal(key, testCase.key);
      assert.ok(isValidCitationKey(key));
    });
  }

  it('takes the last word of a display name as the family name', () => {
    assert.equal(familyName('Jimmy T.H. Smith'), 'Smith');
  });

  it('suffixes colliding keys a, b, … in arXiv id order whatever the input order', () => {
    const papers = [
      { title: 'Mamba B', authors: ['Albert Gu'], year: 2023, arxivId: '2312.00003' },
      { title: 'Mamba A', authors: ['Albert Gu'], year: 2023, arxivId: '2312.00001' },
      { title: 'Mamba C', authors: ['Albert Gu'], year: 2023, arxivId: '2312.00002' },
    ];
    assert.deepEqual(assignCitationKeys(papers).keys, ['gu2023mambab', 'gu2023mamba', 'gu2023mambaa']);
    assert.deepEqual(assignCitationKeys([...papers].reverse()).keys, ['gu2023mambaa', 'gu2023mamba', 'gu2023mambab']);
  });

  it('keeps a valid own key and gives a generated key that would clash a suffix', () => {
    const result = assignCitationKeys([
      { title: 'Other', authors: ['Albert Gu'], year: 2023, key: 'gu2023mamba' },
      { title: 'Mamba', authors: ['Albert Gu'], year: 2023 },
    ]);
    assert.deepEqual(result.keys, ['gu2023mamba', 'gu2023mambaa']);
  });

  it('replaces an own key that is not a valid Pandoc key and reports it', () => {
    const result = assignCitationKeys([{ title: 'Mamba', authors: ['Albert Gu'], year: 2023, key: 'bad key!' }]);
    assert.deepEqual(result.keys, ['gu2023mamba']);
    assert.deepEqual(result.replaced, [{ index: 0, ownKey: 'bad key!', key: 'gu2023mamba' }]);
  });

  const validity: Array<[string, boolean]> = [
    ['gu2023mamba', true], ['Gu:2023.mamba', true], ['_x', true], ['gu2023-', false], ['-gu', false], ['gu 2023', false], ['', false], ['a--b', false],
  ];
  for (const [key, valid] of validity) {
    it(`${valid ? 'accepts' : 'rejects'} "${key}" as a Pandoc citation key`, () => {
      assert.equal(isValidCitationKey(key), valid);
    });
  }

  it('always gives unique, valid Pandoc keys, whatever the titles and names', () => {
    const source = fc.record({
      title: fc.string({ maxLength: 40 }),
      authors: fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }),
      year: fc.option(fc.integer({ min: 1900, max: 2100 }), { nil: undefined }),
    });
    fc.assert(fc.property(fc.array(source, { maxLength: 30 }), (sources) => {
      const { keys } = assignCitationKeys(sources);
      return new Set(keys).size === keys.length && keys.every(isValidCitationKey);
    }));
  }).timeout(30_000);
});
