import { strict as assert } from 'node:assert';
import { escapeAttribute, escapeHtml, isSafeExternalUrl } from '../../../src/core/view/html';

describe('escapeHtml', () => {
  const cases: Array<[string, string]> = [
    ['plain text', 'plain text'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['<img src=x onerror="go()">', '&lt;img src=x onerror=&quot;go()&quot;&gt;'],
    ["It's </style>", 'It&#39;s &lt;/style&gt;'],
    ['a & b &amp;', 'a &amp; b &amp;amp;'],
    ['שלום 🚀 é', 'שלום 🚀 é'],
  ];
  for (const [input, expected] of cases) {
    it(`escapes ${JSON.stringify(input)} so no tag or quote survives`, () => {
      assert.equal(escapeHtml(input), expected);
    });
  }
});

describe('escapeAttribute', () => {
  it('keeps line breaks as character references so a title cannot break out of its attribute', () => {
    assert.equal(escapeAttribute('a"\nb\'\tc'), 'a&quot;&#10;b&#39;&#9;c');
  });
});

describe('isSafeExternalUrl', () => {
  const cases: Array<[string, boolean]> = [
    ['https://arxiv.org/abs/2312.00752', true],
    ['http://example.org/path?q=1#x', true],
    ['HTTPS://GITHUB.COM/state-spaces/mamba', true],
    ['javascript:alert(1)', false],
    ['JavaScript:alert(1)', false],
    ['java\tscript:alert(1)', false],
    [' javascript:alert(1)', false],
    ['command:workbench.action.quit', false],
    ['data:text/html,<script>1</script>', false],
    ['file:///etc/passwd', false],
    ['vscode://some.extension/do', false],
    ['//example.org/no-scheme', false],
    ['/relative/path', false],
    ['https://user:secret@example.org/', false],
    ['https://', false],
    ['', false],
  ];
  for (const [url, safe] of cases) {
    it(`${safe ? 'accepts' : 'refuses'} ${JSON.stringify(url)}`, () => {
      assert.equal(isSafeExternalUrl(url), safe);
    });
  }
});
