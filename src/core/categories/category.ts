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

/** Why a paper sits in a category: one matched taxonomy term and where it matched. */
export interface CategoryEvidence {
  readonly term: string;
  readonly field: 'title' | 'abstract' | 'pin';
  readonly count: number;
  readonly weight: number;
}

export interface CategoryAssignment {
  readonly facet: Facet;
  readonly id: CategoryId;
  readonly score: number;
  /** Empty only for a pinned assignment whose reason is the pin itself (then field 'pin'). */
  readonly evidence: readonly CategoryEvidence[];
}
