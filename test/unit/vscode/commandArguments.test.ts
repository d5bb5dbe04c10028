import { strict as assert } from 'node:assert';
import { paperKeysFrom } from '../../../src/vscode/notes/commandArguments';

describe('paper keys from command arguments', () => {
  const cases: readonly [string, unknown[], string[]][] = [
    ['a key from the palette or the paper view', ['gu2023mamba'], ['gu2023mamba']],
    ['a tree node with its paper', [{ kind: 'paper', paper: { key: 'gu2023mamba' } }], ['gu2023mamba']],
    ['an object with a key', [{ key: 'poli2023hyena' }], ['poli2023hyena']],
    [
      'the tree\'s multi-selection, not just the clicked node',
      [{ paper: { key: 'a' } }, [{ paper: { key: 'a' } }, { paper: { key: 'b' } }, { paper: { key: 'c' } }]],
      ['a', 'b', 'c'],
    ],
    ['several keys, each once', ['a', 'b', 'a'], ['a', 'b']],
    ['nothing usable', [undefined, 42, '', { kind: 'category' }], []],
  ];
  for (const [what, args, expected] of cases) {
    it(`reads ${what}`, () => {
      assert.deepEqual(paperKeysFrom(args), expected);
    });
  }
});
