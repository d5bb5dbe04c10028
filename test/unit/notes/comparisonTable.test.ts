import { strict as assert } from 'node:assert';
import type { Root, Table, TableCell } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { COMPARISON_COLUMNS, comparisonTable } from '../../../src/core/notes/comparisonTable';
import { pandocCitation } from '../../../src/core/notes/noteTemplate';
import type { Paper } from '../../../src/core/library/paper';
import { categoryLabel, claimIn, mambaClaims, paper } from './notesFixtures';

function cellText(cell: TableCell): string {
  const parts: string[] = [];
  const visit = (node: { type: string; value?: string; url?: string; children?: unknown[] }): void => {
    if (node.type === 'text' || node.type === 'inlineCode') parts.push(node.value ?? '');
    if (node.type === 'link') parts.push('[');
    for (const child of (node.children ?? []) as typeof node[]) visit(child);
    if (node.type === 'link') parts.push(`](${node.url})`);
  };
  visit(cell as never);
  return parts.join('');
}

function parseTable(markdown: string): string[][] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
  assert.equal(tree.children.length, 1, 'one block: the table');
  const [table] = tree.children as Table[];
  assert.equal(table.type, 'table');
  return table.children.map((row) => row.children.map(cellText));
}

const hyenaAbstract = 'Hyena is 100x faster than optimized attention at sequence length 64K, and 2x faster at 8K, with 20% fewer FLOPs on WikiText-103.';
const hyena = paper({
  key: 'poli2023hyena', title: 'Hyena Hierarchy | Towards Larger Convolutional Language Models', abstract: hyenaAbstract, year: 2023, codeUrls: [],
  categories: [{ facet: 'method', id: 'recurrent-convolutional', score: 2, evidence: [] }],
});
const hyenaClaims = [
  claimIn(hyenaAbstract, 'speedup', '2x faster at 8K', [2]),
  claimIn(hyenaAbstract, 'speedup', '100x faster than optimized attention at sequence length 64K', [100, 64]),
  claimIn(hyenaAbstract, 'reduction', '20% fewer FLOPs', [20]),
  claimIn(hyenaAbstract, 'benchmark', 'WikiText-103'),
];
const noClaims = paper({ key: 'empty', title: 'A paper with nothing to say', abstract: '', year: undefined, codeUrls: [], categories: [] });

const claimsOf = (candidate: Paper) => (candidate.key === 'gu2023mamba' ? mambaClaims : candidate.key === 'poli2023hyena' ? hyenaClaims : []);
const context = { claimsOf, citationOf: (candidate: Paper) => pandocCitation(candidate.key), categoryLabel };

describe('comparison table', () => {
  const rows = parseTable(comparisonTable([paper(), hyena, noClaims], context));

  it('is a valid GFM table with the seven columns and one row per paper', () => {
    assert.deepEqual(rows[0], [...COMPARISON_COLUMNS]);
    assert.equal(rows.length, 4);
    assert.ok(rows.every((row) => row.length === COMPARISON_COLUMNS.length));
  });

  it('fills each column from the paper and its claims', () => {
    assert.deepEqual(rows[1], [
      'Mamba: Linear-Time Sequence Modeling with Selective State Spaces [@gu2023mamba]',
      '2023 [@gu2023mamba]',
      'State space models [@gu2023mamba]',
      '5x higher throughput than Transformers [@gu2023mamba]',
      '40% less memory [@gu2023mamba]',
      'Long Range Arena, WikiText-103 [@gu2023mamba]',
      '[code](https://github.com/state-spaces/mamba) [@gu2023mamba]',
    ]);
  });

  it('picks the claim with the largest number as the headline and escapes pipes in titles', () => {
    assert.equal(rows[2][0], 'Hyena Hierarchy | Towards Larger Convolutional Language Models [@poli2023hyena]');
    assert.equal(rows[2][3], '100x faster than optimized attention at sequence length 64K [@poli2023hyena]');
    assert.equal(rows[2][6], '—');
  });

  it('cites its paper in every filled cell and writes a dash in empty ones', () => {
    for (const [index, key] of [[1, 'gu2023mamba'], [2, 'poli2023hyena'], [3, 'empty']] as const) {
      for (const cell of rows[index]) {
        assert.ok(cell === '—' || cell.endsWith(`[@${key}]`), `${key}: ${cell}`);
      }
    }
    assert.deepEqual(rows[3].slice(1), ['—', '—', '—', '—', '—', '—']);
  });
});
