/** The three facets a paper is filed under; a paper may sit in several categories of each. */
export type Facet = 'method' | 'domain' | 'type';

export type MethodCategoryId =
  | 'state-space-models'
  | 'linear-attention'
  | 'efficient-attention'
  | 'recurrent-convolutional'
  | 'memory-recurrence-transformers'
  | 'systems-efficiency'
  | 'theory-expressivity';

export type DomainCategoryId =
  | 'language'
  | 'vision'
  | 'speech-audio'
  | 'time-series'
  | 'graphs'
  | 'medical'
  | 'recommendation'
  | 'point-clouds-3d'
  | 'spatiotemporal-video';

export type TypeCategoryId = 'survey' | 'method';

export type CategoryId = MethodCategoryId | DomainCategoryId | TypeCategoryId;

/**
 * Why a paper sits in a category. For 'title' and 'abstract': a matched taxonomy term, how often it counted there
 * (mentions only in a comparison, such as "outperforms Mamba", do not count for a method family) and its weight.
 * For 'pin': `term` is the pins file. For 'default': the facet's fallback was taken and `term` says why in words
 * (e.g. "no survey terms matched"); count and weight are 0.
 */
export interface CategoryEvidence {
  readonly term: string;
  readonly field: 'title' | 'abstract' | 'pin' | 'default';
  readonly count: number;
  readonly weight: number;
}

export interface CategoryAssignment {
  readonly facet: Facet;
  readonly id: CategoryId;
  /** The sum of the evidence's contributions, rounded to an integer; 0 for a pin or a fallback. */
  readonly score: number;
  /** Never empty: matched terms, the pin, or the reason a fallback was taken. */
  readonly evidence: readonly CategoryEvidence[];
}
