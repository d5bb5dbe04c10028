import { strict as assert } from 'node:assert';
import type { Root, Table, TableCell } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { CitationStyle } from '../../../src/core/cite/citationStyle';
import { COMPARISON_COLUMNS, comparisonTable, planComparisonTableInsertion } from '../../../src/core/notes/comparisonTable';
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

/** A document's table (its only table) with each cell's text, plus the footnote calls and definitions remark-gfm found. */
function parseDocument(markdown: string): { rows: string[][]; footnoteCalls: string[][]; definitions: string[] } {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
  const tables = tree.children.filter((node): node is Table => node.type === 'table');
  assert.equal(tables.length, 1, 'one table');
  const calls = (cell: TableCell): string[] => {
    const found: string[] = [];
    const visit = (node: { type: string; identifier?: string; children?: unknown[] }): void => {
      if (node.type === 'footnoteReference') found.push(node.identifier ?? '');
      for (const child of (node.children ?? []) as typeof node[]) visit(child);
    };
    visit(cell as never);
    return found;
  };
  return {
    rows: tables[0]!.children.map((row) => row.children.map(cellText)),
    footnoteCalls: tables[0]!.children.slice(1).map((row) => row.children.flatMap(calls)),
    definitions: tree.children.filter((node) => node.type === 'footnoteDefinition').map((node) => (node as { identifier: string }).identifier),
  };
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
const context = { claimsOf, style: 'pandoc' as CitationStyle, categoryLabel };

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

describe('comparison table citation styles', () => {
  const mambaLink = 'https://arxiv.org/abs/2312.00752';
  const piped = paper({ key: 'yang2024gated', title: 'Gated | Linear Attention', authors: ['Songlin Yang'], year: 2024, arxivId: '2312.06635' });
  const styles: ReadonlyArray<{ style: CitationStyle; paperCell: string; yearCell: string; pipedPaperCell: string; pipedYearCell: string }> = [
    {
      style: 'pandoc',
      paperCell: 'Mamba: Linear-Time Sequence Modeling with Selective State Spaces [@gu2023mamba]',
      yearCell: '2023 [@gu2023mamba]',
      pipedPaperCell: 'Gated | Linear Attention [@yang2024gated]',
      pipedYearCell: '2024 [@yang2024gated]',
    },
    {
      style: 'latex',
      paperCell: 'Mamba: Linear-Time Sequence Modeling with Selective State Spaces \\cite{gu2023mamba}',
      yearCell: '2023 \\cite{gu2023mamba}',
      pipedPaperCell: 'Gated | Linear Attention \\cite{yang2024gated}',
      pipedYearCell: '2024 \\cite{yang2024gated}',
    },
    {
      // The row's first cell is the titled link; the other cells link author and year only.
      style: 'markdown-link',
      paperCell: `[Mamba: Linear-Time Sequence Modeling with Selective State Spaces (Gu and Dao, 2023)](${mambaLink})`,
      yearCell: `2023 [Gu and Dao, 2023](${mambaLink})`,
      pipedPaperCell: '[Gated | Linear Attention (Yang, 2024)](https://arxiv.org/abs/2312.06635)',
      pipedYearCell: '2024 [Yang, 2024](https://arxiv.org/abs/2312.06635)',
    },
    {
      style: 'footnote',
      paperCell: 'Mamba: Linear-Time Sequence Modeling with Selective State Spaces ',
      yearCell: '2023 ',
      pipedPaperCell: 'Gated | Linear Attention ',
      pipedYearCell: '2024 ',
    },
  ];
  for (const { style, paperCell, yearCell, pipedPaperCell, pipedYearCell } of styles) {
    it(`cites every filled cell in the ${style} style and stays a valid GFM table`, () => {
      const plan = planComparisonTableInsertion('', 0, 0, [paper(), piped, noClaims], { ...context, style });
      const { rows, footnoteCalls, definitions } = parseDocument(plan.atRange + plan.atEnd);
      assert.equal(rows.length, 4);
      assert.ok(rows.every((row) => row.length === COMPARISON_COLUMNS.length), 'seven cells in every row: pipes in titles and keys are escaped');
      assert.deepEqual([rows[1]![0], rows[1]![1], rows[2]![0], rows[2]![1]], [paperCell, yearCell, pipedPaperCell, pipedYearCell]);
      if (style === 'footnote') {
        assert.deepEqual(footnoteCalls[0], Array(7).fill('gu2023mamba'), 'each Mamba cell calls its footnote');
        const filled = rows[2]!.filter((cell) => cell !== '—').length;
        assert.deepEqual(footnoteCalls[1], Array(filled).fill('yang2024gated'), 'each filled cell of the second row calls its footnote');
        assert.deepEqual(definitions, ['gu2023mamba', 'yang2024gated', 'empty'], 'each definition once, after the table');
      } else {
        assert.equal(plan.atEnd, '');
        assert.deepEqual(definitions, []);
      }
    });
  }

  for (const style of ['pandoc', 'latex'] as const) {
    it(`escapes a pipe in a citation key in the ${style} style, so the row keeps seven cells`, () => {
      const rows = parseTable(comparisonTable([paper({ key: 'odd|key' })], { ...context, style }));
      assert.ok(rows[1]!.length === COMPARISON_COLUMNS.length && rows[1]!.every((cell) => cell === '—' || cell.endsWith('odd|key}]') || cell.endsWith('{odd|key}')), rows[1]!.join(' ¦ '));
    });
  }

  it('appends only the footnote definitions the document lacks, once, at its end', () => {
    const text = 'Intro [^gu2023mamba].\n\nMore text.\n\n[^gu2023mamba]: Gu and Dao.\n';
    const start = text.indexOf('More');
    const plan = planComparisonTableInsertion(text, start, start, [paper(), hyena], { ...context, style: 'footnote' });
    assert.match(plan.atEnd, /^\n\[\^poli2023hyena\]: /);
    assert.ok(!plan.atEnd.includes('[^gu2023mamba]:'), 'Mamba is defined already');
    const after = text.slice(0, start) + plan.atRange + text.slice(start) + plan.atEnd;
    const { definitions } = parseDocument(after);
    assert.deepEqual(definitions, ['gu2023mamba', 'poli2023hyena']);
  });

  it('starts the table on a line of its own when the cursor follows text', () => {
    const text = 'Compare: ';
    const plan = planComparisonTableInsertion(text, text.length, text.length, [paper()], context);
    assert.ok(plan.atRange.startsWith('\n\n| Paper |'));
    assert.equal(parseTable(plan.table).length, 2);
  });
});
