import type { LibraryFormat } from './library';

/** Lines only a Hugging Face Daily Papers page has near its top. */
const DAILY_PAPERS_HEADER = /^(?:daily papers|by ak and the research community|get trending papers in your email inbox!)\s*$/im;

/**
 * Whether a text file is a saved Daily Papers page: its header, or else the page's shape of short title lines each
 * followed by a long abstract paragraph (at least two papers, and most paragraphs fit the pattern).
 */
export function looksLikeDailyPapers(text: string): boolean {
  const head = text.slice(0, 2000);
  if (DAILY_PAPERS_HEADER.test(head)) return true;
  const paragraphs = text.split(/\r?\n\s*\r?\n/).map((paragraph) => paragraph.trim()).filter((paragraph) => paragraph.length > 0);
  let papers = 0;
  for (let i = 0; i + 1 < paragraphs.length; i++) {
    const title = paragraphs[i];
    const abstract = paragraphs[i + 1];
    if (!title.includes('\n') && title.length <= 300 && abstract.length >= 200 && abstract.length > 2 * title.length) {
      papers++;
      i++;
    }
  }
  return papers >= 2 && papers * 2 >= paragraphs.length * 0.6;
}

/** The library format of a workspace file by its name, and for .txt files by its content; undefined if none. */
export function libraryFormatOf(file: string, text?: string): LibraryFormat | undefined {
  const name = file.toLowerCase();
  if (name.endsWith('.bib')) return 'bibtex';
  if (name.endsWith('.csl.json') || name.endsWith('.bib.json') || name.endsWith('.json')) return 'csl-json';
  if (name.endsWith('.txt')) return text !== undefined && looksLikeDailyPapers(text) ? 'daily-papers' : undefined;
  return undefined;
}
