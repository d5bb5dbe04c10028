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

/** A BibTeX entry's opening (`@article{`, `@Book (`) at the start of a line; text before it is a comment to BibTeX. */
const BIBTEX_ENTRY = /^[ \t]*@[A-Za-z][\w-]*[ \t]*[{(]/m;
/** A field only paper-metadata records (as in `corpus/seed-metadata.json`) have; CSL-JSON items have `id` and `type`. */
const PAPER_METADATA_FIELD = /"arxivId"\s*:/;
/** How much of a file the content checks look at: enough to pass a long header comment, cheap for a 100 MB file. */
const SNIFF_CHARS = 64 * 1024;

/** The library format a text holds, judged by its content alone; undefined when it is none of them. */
export function libraryFormatOfText(text: string): LibraryFormat | undefined {
  const head = text.slice(0, SNIFF_CHARS).replace(/^\uFEFF/, '');
  const first = head.trimStart()[0];
  if (first === '[' || first === '{') return PAPER_METADATA_FIELD.test(head) ? 'paper-metadata' : 'csl-json';
  if (BIBTEX_ENTRY.test(head)) return 'bibtex';
  if (looksLikeDailyPapers(text)) return 'daily-papers';
  return undefined;
}

/**
 * The library format of a file: by its name where the name says it (`.bib`, `.csl.json`, `.bib.json`, `.json`, the last
 * two told apart from paper metadata by content), else by its content; undefined if it holds no library. The extension
 * and the CLI both decide with this, so a file reads the same in both.
 */
export function libraryFormatOf(file: string, text?: string): LibraryFormat | undefined {
  const name = file.toLowerCase();
  if (name.endsWith('.bib')) return 'bibtex';
  if (name.endsWith('.csl.json') || name.endsWith('.bib.json')) return 'csl-json';
  if (name.endsWith('.json')) return text !== undefined && libraryFormatOfText(text) === 'paper-metadata' ? 'paper-metadata' : 'csl-json';
  if (name.endsWith('.md') || name.endsWith('.markdown')) return undefined; // notes cite papers; they are not libraries
  return text === undefined ? undefined : libraryFormatOfText(text);
}
