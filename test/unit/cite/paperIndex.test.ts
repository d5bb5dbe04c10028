import { strict as assert } from 'node:assert';
import { PaperIndex } from '../../../src/core/cite/paperIndex';
import { topClaims } from '../../../src/core/cite/topClaims';
import { makePaper, samplePapers, mamba, s4, linear } from './samplePapers';

const extra = [
  makePaper({ key: 'dao2024transformers', title: 'Transformers are SSMs: Generalized Models and Efficient Algorithms Through Structured State Space Duality', authors: ['Tri Dao', 'Albert Gu'], year: 2024, arxivId: '2405.21060' }),
  makePaper({ key: 'zhu2024vision', title: 'Vision Mamba: Efficient Visual Representation Learning with Bidirectional State Space Model', authors: ['Lianghui Zhu', 'Bencheng Liao'], year: 2024, arxivId: '2401.09417' }),
  makePaper({ key: 'poli2023hyena', title: 'Hyena Hierarchy: Towards Larger Convolutional Language Models', authors: ['Michael Poli', 'Stefano Massaroli'], year: 2023, arxivId: '2302.10866' }),
];
const index = new PaperIndex([...samplePapers, ...extra]);
const top = (query: string, limit = 3): string[] => index.search(query, limit).map((hit) => hit.paper.key);

describe('PaperIndex.search', () => {
  const cases: ReadonlyArray<{ name: string; query: string; first: string }> = [
    { name: 'ranks a paper whose key starts with the query first', query: 'gu2023', first: mamba.key },
    { name: 'finds a paper by a title word', query: 'hyena', first: 'poli2023hyena' },
    { name: 'finds a paper by an author family name', query: 'katharopoulos', first: linear.key },
    { name: 'combines words across fields', query: 'vision mamba 2024', first: 'zhu2024vision' },
    { name: 'matches word prefixes', query: 'struct state dua', first: 'dao2024transformers' },
    { name: 'ignores case and accents', query: 'CHRISTOPHER RE', first: s4.key },
    { name: 'finds a squeezed key by fuzzy subsequence', query: 'katrans', first: linear.key },
    { name: 'accepts a leading at sign', query: '@poli', first: 'poli2023hyena' },
  ];
  for (const { name, query, first } of cases) it(`${name} ("${query}")`, () => assert.equal(top(query)[0], first));

  it('matches a single letter against key starts only', () => {
    assert.deepEqual(top('z', 10), ['zhu2024vision']);
    assert.deepEqual(top('v', 10), []);
    assert.equal(top('vis', 1)[0], 'zhu2024vision');
  });

  it('requires every word to match', () => {
    assert.deepEqual(top('hyena katharopoulos'), []);
  });

  it('ranks a key match above a title match for the same word', () => {
    const keys = top('vision', 5);
    assert.equal(keys[0], 'zhu2024vision');
  });

  it('prefers newer papers among equal matches, then orders by key', () => {
    assert.deepEqual(top('state', 10), ['dao2024transformers', 'zhu2024vision', mamba.key, s4.key]);
  });

  it('ranks a key match above an author match for the same word', () => {
    const keys = top('gu', 10);
    assert.ok(keys.indexOf(s4.key) < keys.indexOf('dao2024transformers'), keys.join());
  });

  it('lists papers in library order for an empty query and honours the limit', () => {
    assert.deepEqual(top('', 2), [samplePapers[0]!.key, samplePapers[1]!.key]);
    assert.equal(index.search('a', 1).length, 1);
  });

  it('finds papers by exact key', () => {
    assert.equal(index.get(mamba.key), mamba);
    assert.equal(index.get('missing'), undefined);
  });
});

describe('PaperIndex.suggestKeys', () => {
  const cases: ReadonlyArray<{ name: string; unknown: string; first: string }> = [
    { name: 'suggests a key one transposition away', unknown: 'gu2023mamab', first: mamba.key },
    { name: 'suggests a key that differs only in case', unknown: 'Gu2023Mamba', first: mamba.key },
    { name: 'suggests the key an unfinished key starts', unknown: 'poli2023', first: 'poli2023hyena' },
    { name: 'suggests by words when spelling is far off', unknown: 'vision-mamba', first: 'zhu2024vision' },
  ];
  for (const { name, unknown, first } of cases) it(`${name} (${unknown})`, () => assert.equal(index.suggestKeys(unknown)[0], first));

  it('suggests nothing for a key unlike any paper', () => {
    assert.deepEqual(index.suggestKeys('qqqqqq'), []);
  });
});

describe('topClaims', () => {
  it('puts speedups before complexity and scale, in reading order within a kind, and stops at the limit', () => {
    const abstract = 'Our model scales to 1B parameters. It runs in linear time in sequence length. It is 5x faster than Transformers. It is also 3x faster than RNNs.';
    const claims = topClaims(abstract, 3);
    assert.equal(claims.length, 3);
    assert.match(claims[0]!, /5x faster/);
    assert.match(claims[1]!, /3x faster/);
  });

  it('gives nothing for an abstract without claims', () => {
    assert.deepEqual(topClaims(''), []);
  });
});
