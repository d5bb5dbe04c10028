import type { Paper } from '../library/paper';
import { displayText } from '../text/readingText';

/** Escapes the characters that would turn plain text into Markdown markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

/** The paper's canonical web address: arXiv abstract page, else its URL, else its DOI resolver link. */
export function paperLink(paper: Paper): string | undefined {
  if (paper.arxivId) return `https://arxiv.org/abs/${paper.arxivId}`;
  if (paper.url) return paper.url;
  if (paper.doi) return `https://doi.org/${paper.doi}`;
  return undefined;
}

/** The family name of a display name "Given Family" (the last word). */
export function familyName(displayName: string): string {
  const words = displayName.trim().split(/\s+/);
  return words[words.length - 1] ?? displayName;
}

/** "Gu", "Gu and Dao", "Gu et al." — the short author label used in Markdown-link citations. */
export function shortAuthors(authors: readonly string[]): string {
  if (authors.length === 0) return 'Anonymous';
  if (authors.length === 1) return familyName(authors[0]!);
  if (authors.length === 2) return `${familyName(authors[0]!)} and ${familyName(authors[1]!)}`;
  return `${familyName(authors[0]!)} et al.`;
}

const MAX_LISTED_AUTHORS = 6;

/** "A", "A and B", "A, B and C", or the first six then "et al.". */
export function authorList(authors: readonly string[]): string {
  if (authors.length === 0) return 'Anonymous';
  if (authors.length > MAX_LISTED_AUTHORS) return `${authors.slice(0, MAX_LISTED_AUTHORS).join(', ')} et al.`;
  if (authors.length === 1) return authors[0]!;
  return `${authors.slice(0, -1).join(', ')} and ${authors[authors.length - 1]!}`;
}

/**
 * One formatted reference-list entry in Markdown: authors, year, title, venue and an arXiv (or other) link,
 * e.g. `Albert Gu and Tri Dao (2023). *Mamba: …*. arXiv. [arXiv:2312.00752](https://arxiv.org/abs/2312.00752)`.
 */
export function formatReference(paper: Paper): string {
  const parts = [`${escapeMarkdown(authorList(paper.authors))} (${paper.year ?? 'n.d.'}).`, `*${escapeMarkdown(displayText(paper.title).replace(/\s+/g, ' ').trim())}*.`];
  const venue = paper.venue ?? (paper.arxivId ? 'arXiv' : undefined);
  if (venue) parts.push(`${escapeMarkdown(venue)}.`);
  const link = paperLink(paper);
  if (paper.arxivId) parts.push(`[arXiv:${paper.arxivId}](${link})`);
  else if (paper.doi) parts.push(`[doi:${escapeMarkdown(paper.doi)}](${link})`);
  else if (link) parts.push(`<${link}>`);
  return parts.join(' ');
}
