/** The ways Paper Notes writes a citation (`paperNotes.citation.style`). */
export const CITATION_STYLES = ['pandoc', 'latex', 'markdown-link', 'footnote'] as const;

export type CitationStyle = (typeof CITATION_STYLES)[number];

export const DEFAULT_CITATION_STYLE: CitationStyle = 'pandoc';

/** Reads a setting value, falling back to the default for anything unknown. */
export function toCitationStyle(value: unknown): CitationStyle {
  return (CITATION_STYLES as readonly unknown[]).includes(value) ? (value as CitationStyle) : DEFAULT_CITATION_STYLE;
}

/** Orders for the managed References section (`paperNotes.references.order`). */
export const REFERENCE_ORDERS = ['first-citation', 'alphabetical'] as const;

export type ReferenceOrder = (typeof REFERENCE_ORDERS)[number];

export function toReferenceOrder(value: unknown): ReferenceOrder {
  return (REFERENCE_ORDERS as readonly unknown[]).includes(value) ? (value as ReferenceOrder) : 'first-citation';
}
