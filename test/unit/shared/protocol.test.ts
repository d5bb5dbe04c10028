import { strict as assert } from 'node:assert';
import { parsePaperViewState, parseWebviewMessage } from '../../../shared/protocol';

describe('parseWebviewMessage', () => {
  const accepted: unknown[] = [
    { type: 'ready', key: 'gu2023mamba' },
    { type: 'insertCitation' },
    { type: 'citeClaim', claimIndex: 3 },
    { type: 'copyBibtex' },
    { type: 'copyKey' },
    { type: 'openNote' },
    { type: 'openLink', url: 'javascript:alert(1)' },
    { type: 'focusChanged', claimIndex: null },
    { type: 'focusChanged', claimIndex: 0 },
  ];
  for (const message of accepted) {
    it(`accepts ${JSON.stringify(message)} unchanged`, () => {
      assert.deepEqual(parseWebviewMessage(message), { ok: true, value: message });
    });
  }

  const rejected: Array<[unknown, RegExp]> = [
    [null, /not an object/],
    ['ready', /not an object/],
    [[{ type: 'ready' }], /not an object/],
    [{}, /no string "type"/],
    [{ type: 'runCommand', id: 'workbench.action.quit' }, /unknown message type "runCommand"/],
    [{ type: 'ready' }, /non-empty string "key"/],
    [{ type: 'ready', key: 'k'.repeat(600) }, /non-empty string "key"/],
    [{ type: 'citeClaim', claimIndex: -1 }, /non-negative integer/],
    [{ type: 'citeClaim', claimIndex: 1.5 }, /non-negative integer/],
    [{ type: 'citeClaim', claimIndex: '2' }, /non-negative integer/],
    [{ type: 'copyBibtex', extra: true }, /unexpected field\(s\) "extra"/],
    [{ type: 'openLink', url: 42 }, /non-empty string "url"/],
    [{ type: 'openLink', url: 'https://a'.padEnd(5000, 'a') }, /non-empty string "url"/],
    [{ type: 'focusChanged' }, /integer or null/],
  ];
  for (const [message, reason] of rejected) {
    it(`rejects ${JSON.stringify(message)?.slice(0, 80)} with a reason`, () => {
      const result = parseWebviewMessage(message);
      assert.equal(result.ok, false);
      if (!result.ok) assert.match(result.error, reason);
    });
  }
});

describe('parsePaperViewState', () => {
  const cases: Array<[unknown, unknown]> = [
    [{ key: 'k' }, { ok: true, value: { key: 'k' } }],
    [{ key: 'k', focusClaim: 2 }, { ok: true, value: { key: 'k', focusClaim: 2 } }],
    [{ key: 'k', focusClaim: null }, { ok: true, value: { key: 'k' } }],
    [{ key: '' }, { ok: false, error: 'state needs a non-empty string "key"' }],
    [{ key: 'k', focusClaim: 'x' }, { ok: false, error: 'state "focusClaim" must be a non-negative integer' }],
    [undefined, { ok: false, error: 'state is not an object' }],
  ];
  for (const [state, expected] of cases) {
    it(`reads ${JSON.stringify(state)} as ${JSON.stringify(expected)}`, () => assert.deepEqual(parsePaperViewState(state), expected));
  }
});
