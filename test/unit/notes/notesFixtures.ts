import type { Claim, ClaimKind } from '../../../src/core/claims/claim';
import type { Paper } from '../../../src/core/library/paper';

export const mambaAbstract =
  'We introduce Mamba, a selective state space model. Mamba enjoys 5x higher throughput than Transformers and uses 40% less memory. '
  + 'It reaches state-of-the-art results on the Long Range Arena and on WikiText-103. Code is available at https://github.com/state-spaces/mamba.';

/** A claim of `kind` whose text is `text` as it occurs in `abstract`. */
export function claimIn(abstract: string, kind: ClaimKind, text: string, values: number[] = []): Claim {
  const start = abstract.indexOf(text);
  if (start < 0) throw new Error(`"${text}" is not in the abstract`);
  return { kind, start, end: start + text.length, text, values, sentence: text, ruleId: `test.${kind}` };
}

export function paper(overrides: Partial<Paper> = {}): Paper {
  return {
    key: 'gu2023mamba',
    title: 'Mamba: Linear-Time Sequence Modeling with Selective State Spaces',
    abstract: mambaAbstract,
    authors: ['Albert Gu', 'Tri Dao'],
    year: 2023,
    arxivId: '2312.00752',
    url: 'https://arxiv.org/abs/2312.00752',
    codeUrls: ['https://github.com/state-spaces/mamba'],
    categories: [
      { facet: 'method', id: 'state-space-models', score: 3, evidence: [] },
      { facet: 'domain', id: 'language', score: 1, evidence: [] },
      { facet: 'type', id: 'method', score: 1, evidence: [] },
    ],
    source: { file: 'refs.bib', line: 1 },
    ...overrides,
  };
}

export const mambaClaims: Claim[] = [
  claimIn(mambaAbstract, 'speedup', '5x higher throughput than Transformers', [5]),
  claimIn(mambaAbstract, 'reduction', '40% less memory', [40]),
  claimIn(mambaAbstract, 'benchmark', 'Long Range Arena'),
  claimIn(mambaAbstract, 'benchmark', 'WikiText-103'),
  claimIn(mambaAbstract, 'code', 'https://github.com/state-spaces/mamba'),
];

export const labels: Record<string, string> = { 'state-space-models': 'State space models', language: 'Language', method: 'Method' };
export const categoryLabel = (id: string): string => labels[id] ?? id;
