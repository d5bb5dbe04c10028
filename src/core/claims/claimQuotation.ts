import type { Claim } from './claim';
import { displayText } from '../text/readingText';

/** Backslash-escapes the characters that would turn abstract text into Markdown links, HTML or code. */
function escapeMarkdownInline(text: string): string {
  return text.replace(/[\\`<>[\]]/g, (char) => `\\${char}`);
}

/**
 * A claim as a Markdown block quote of its sentence followed by the citation, ready to insert into notes:
 * `> Mamba enjoys 5× higher throughput than Transformers. [@gu2023mamba]`, in the clean reading text. Line breaks in the sentence are
 * folded so the quote stays one block, and Markdown-active characters are escaped so corpus text stays text.
 */
export function claimQuotation(claim: Claim, citation: string): string {
  const sentence = displayText(claim.sentence.trim() === '' ? claim.text : claim.sentence).replace(/\s+/g, ' ').trim();
  return `> ${escapeMarkdownInline(sentence)} ${citation}\n`;
}
