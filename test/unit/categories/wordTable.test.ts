import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { WordTable } from '../../../src/core/categories/wordTable';
import { terms } from '../../../src/core/library/normalize';

describe('word table', () => {
  it('finds the same words as terms(), plurals and accents folded, whatever the text', () => {
    const vocabulary = ['ssm', 'series', 'sery', 'attention', 'mamba', 'poppel', 'rnn', 'process', 'bia', 's4', 'a'];
    const table = new WordTable();
    const ids = new Map(vocabulary.map((word) => [word, table.add(word)]));
    const piece = fc.constantFrom('SSMs', 'series', 'Attention', 'mamba-', 'Pöppel', 'RNNs', 'process', 'bias', 'S4', 'a', ' ', '.', 'é', 'xyz', '\n');
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }).map((p) => p.join('')), (text) => {
      const scanned: number[] = [];
      table.scan(text, scanned);
      assert.deepEqual(scanned, terms(text).map((word) => ids.get(word) ?? -1));
    }));
  }).timeout(30_000);
});
