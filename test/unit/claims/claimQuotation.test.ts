import { strict as assert } from 'node:assert';
import { claimQuotation } from '../../../src/core/claims/claimQuotation';
import type { Claim } from '../../../src/core/claims/claim';

const base: Claim = { kind: 'speedup', start: 0, end: 2, text: '5x', values: [5], unit: 'x', sentence: '', ruleId: 'r' };

describe('claimQuotation', () => {
  const cases: Array<[string, string, string]> = [
    ['Mamba is 5x faster.', '[@gu2023mamba]', '> Mamba is 5x faster. [@gu2023mamba]\n'],
    ['Spread\nover  two\tlines.', '[@k]', '> Spread over two lines. [@k]\n'],
    ['A <script>x()</script> and [a link](javascript:x) and `code`', '[@k]', '> A \\<script\\>x()\\</script\\> and \\[a link\\](javascript:x) and \\`code\\` [@k]\n'],
    ['', '[@k]', '> 5x [@k]\n'],
  ];
  for (const [sentence, citation, expected] of cases) {
    it(`quotes ${JSON.stringify(sentence)} as ${JSON.stringify(expected)}`, () => {
      assert.equal(claimQuotation({ ...base, sentence }, citation), expected);
    });
  }
});
