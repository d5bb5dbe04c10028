import type { Paper } from '../../../src/core/library/paper';

/** Builds a Paper with the fields citation code reads; the rest get neutral values. */
export function makePaper(fields: Partial<Paper> & Pick<Paper, 'key' | 'title'>): Paper {
  return {
    abstract: '',
    authors: [],
    codeUrls: [],
    categories: [],
    source: { file: 'test.bib', line: 1 },
    ...fields,
  };
}

export const mamba = makePaper({ key: 'gu2023mamba', title: 'Mamba: Linear-Time Sequence Modeling with Selective State Spaces', authors: ['Albert Gu', 'Tri Dao'], year: 2023, arxivId: '2312.00752' });
export const s4 = makePaper({ key: 'gu2021efficiently', title: 'Efficiently Modeling Long Sequences with Structured State Spaces', authors: ['Albert Gu', 'Karan Goel', 'Christopher Ré'], year: 2021, arxivId: '2111.00396', venue: 'ICLR' });
export const linear = makePaper({ key: 'katharopoulos2020transformers', title: 'Transformers are RNNs: Fast Autoregressive Transformers with Linear Attention', authors: ['Angelos Katharopoulos', 'Apoorv Vyas', 'Nikolaos Pappas', 'François Fleuret'], year: 2020, arxivId: '2006.16236', venue: 'ICML' });
export const noLink = makePaper({ key: 'anon:draft-1', title: 'An [Untitled] Draft', authors: ['Solo Writer'] });

export const samplePapers: readonly Paper[] = [mamba, s4, linear, noLink];

export function lookupIn(papers: readonly Paper[]): (key: string) => Paper | undefined {
  const byKey = new Map(papers.map((paper) => [paper.key, paper]));
  return (key) => byKey.get(key);
}
