import { strict as assert } from 'node:assert';
import { PaperSearch } from '../../../src/core/search/paperSearch';
import { claimOn, paperWith } from '../helpers/claimFixtures';

const mambaAbstract = 'Mamba enjoys 5x higher throughput than Transformers and linear scaling in sequence length.';
const s4Abstract = 'S4 achieves strong results on the Long Range Arena, solving the Path-X task.';
const speechAbstract = 'We separate overlapping speakers with a recurrent module and gated convolutional units.';
const library = [
  { paper: paperWith({ key: 'gu2023mamba', title: 'Mamba: Linear-Time Sequence Modeling with Selective State Spaces', abstract: mambaAbstract, authors: ['Albert Gu', 'Tri Dao'] }), claims: [claimOn(mambaAbstract, '5x higher throughput', 'speedup')] },
  { paper: paperWith({ key: 'gu2021s4', title: 'Efficiently Modeling Long Sequences with Structured State Spaces', abstract: s4Abstract, authors: ['Albert Gu', 'Karan Goel', 'Christopher Ré'] }), claims: [claimOn(s4Abstract, 'Long Range Arena', 'benchmark')] },
  { paper: paperWith({ key: 'zhao2023mossformer2', title: 'MossFormer2: Combining Transformer and RNN-Free Recurrent Network', abstract: speechAbstract, authors: ['Shengkui Zhao'] }), claims: [] },
];
const search = new PaperSearch(library);
const keys = (query: string): string[] => search.search(query).map((match) => match.paper.key);

describe('PaperSearch', () => {
  const cases: Array<[string, string, string[]]> = [
    ['finds a paper by a fuzzy title', 'mossfrmr', ['zhao2023mossformer2']],
    ['finds papers by an author', 'Albert Gu', ['gu2021s4', 'gu2023mamba']],
    ['finds a paper by its citation key', 'gu2021s4', ['gu2021s4']],
    ['finds a paper by a word that only its abstract has', 'speakers', ['zhao2023mossformer2']],
    ['finds a paper by claim text with letters left out', 'thrghpt', ['gu2023mamba']],
    ['needs every word to match somewhere', 'mamba speakers', []],
    ['combines words from different fields', 'arena goel', ['gu2021s4']],
    ['finds nothing for gibberish', 'qqqzzzxx', []],
  ];
  for (const [name, query, expected] of cases) {
    it(`${name} (${JSON.stringify(query)})`, () => assert.deepEqual([...keys(query)].sort(), [...expected].sort()));
  }

  it('ranks a title hit above an abstract-only hit', () => {
    const both = new PaperSearch([
      { paper: paperWith({ key: 'a', title: 'A study of things', abstract: 'We also use Mamba here.' }), claims: [] },
      { paper: paperWith({ key: 'b', title: 'Mamba for things', abstract: 'Nothing else.' }), claims: [] },
    ]);
    assert.deepEqual(both.search('mamba').map((match) => match.paper.key), ['b', 'a']);
  });

  it('says which field matched and shows the words around an abstract match', () => {
    const [match] = search.search('speakers');
    assert.equal(match?.field, 'abstract');
    assert.match(match?.snippet ?? '', /separate overlapping speakers with a recurrent/);
  });

  it('lists every paper in library order for an empty query', () => {
    assert.deepEqual(keys('  '), ['gu2023mamba', 'gu2021s4', 'zhao2023mossformer2']);
  });
});
