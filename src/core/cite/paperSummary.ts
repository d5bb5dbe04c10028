import type { Paper } from '../library/paper';
import { displayText } from '../text/readingText';
import { visibleText } from '../view/inertText';
import { authorList, escapeMarkdown as escapeReferenceMarkdown, paperLink } from './formatReference';

const ABSTRACT_LIMIT = 600;

/**
 * Library text for the card: Markdown escaped, bidi controls named, and a zero-width space after each `<` and `&`, so
 * that a plain-text rendering of the card (which drops escapes and decodes entities) can never read a tag.
 */
function escapeMarkdown(text: string): string {
  return escapeReferenceMarkdown(visibleText(text)).replace(/</g, '<\u200b').replace(/&/g, '&\u200b');
}

/** Cuts text at a word boundary near `limit` characters, with an ellipsis. */
export function truncate(text: string, limit: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= limit) return clean;
  const cut = clean.lastIndexOf(' ', limit);
  return `${clean.slice(0, cut > limit / 2 ? cut : limit)}…`;
}

/** Only http(s) links are rendered from library data. */
function isWebUrl(url: string): boolean {
  return /^https?:\/\/[^\s()]+$/i.test(url);
}

/** "2023 · ICLR" — the year and venue, whichever exist. */
export function yearAndVenue(paper: Paper): string {
  return [paper.year === undefined ? undefined : String(paper.year), paper.venue].filter((part) => part !== undefined && part !== '').join(' · ');
}

/**
 * A Markdown card for hovers and completion documentation: title, authors, year and venue, top claims, links and
 * (optionally) the abstract. Every value from the library is escaped (and stays inert as plain text, see
 * escapeMarkdownText): it is untrusted text.
 */
export function paperSummaryMarkdown(paper: Paper, topClaims: readonly string[], options: { abstract: boolean } = { abstract: true }): string {
  const lines = [`**${escapeMarkdown(displayText(paper.title))}**`, '', escapeMarkdown(authorList(paper.authors))];
  const meta = yearAndVenue(paper);
  if (meta) lines.push('', escapeMarkdown(meta));
  if (topClaims.length > 0) lines.push('', ...topClaims.map((claim) => `- ${escapeMarkdown(claim)}`));
  const links: string[] = [];
  const link = paperLink(paper);
  if (link && isWebUrl(link)) links.push(`[${paper.arxivId ? `arXiv:${escapeMarkdown(paper.arxivId)}` : 'Paper'}](${encodeURI(link)})`);
  paper.codeUrls.filter(isWebUrl).forEach((url) => links.push(`[Code](${encodeURI(url)})`));
  if (links.length > 0) lines.push('', links.join(' · '));
  if (options.abstract && paper.abstract.trim() !== '') lines.push('', escapeMarkdown(truncate(displayText(paper.abstract), ABSTRACT_LIMIT)));
  lines.push('', `\`${visibleText(paper.key).replace(/`/g, '')}\``);
  return lines.join('\n');
}
