import type { LibraryDiagnostic, PaperRecord, ReadResult } from './paper';

/** Lines a Daily Papers page shows above the first paper; skipped wherever they stand before it. */
const HEADER_LINES = new Set([
  'new',
  'get trending papers in your email inbox!',
  'subscribe',
  'daily papers',
  'by ak and the research community',
]);

/** A run of non-blank lines, already trimmed, with the 1-based line of its first line. */
interface Block {
  readonly lines: readonly string[];
  readonly line: number;
}

/** A paragraph this long is an abstract, never a title (the longest arXiv titles stay well under it). */
const MIN_ABSTRACT_LENGTH = 200;
/** A short paragraph that ends like a sentence and has this many words still reads as an abstract. */
const MIN_ABSTRACT_WORDS = 12;
/** A "title" longer than this is a paragraph that lost its title. */
const MAX_TITLE_LENGTH = 300;

const CODE_URL = /https?:\/\/(?:www\.)?(?:github\.com|gitlab\.com|huggingface\.co|bitbucket\.org)\/[^\s"'<>()[\]{}]+/gi;

/**
 * Reads a Hugging Face Daily Papers page saved as text: header lines, then per paper a title line, a blank line,
 * the abstract and a blank line. Copes with CRLF, a BOM, trailing spaces, extra blank lines, a missing final newline,
 * a title without an abstract and an abstract wrapped over several lines (joined with single spaces).
 * Never throws: problems become diagnostics and every good entry still loads.
 */
export function readDailyPapers(text: string, file: string): ReadResult {
  const records: PaperRecord[] = [];
  const diagnostics: LibraryDiagnostic[] = [];
  const blocks = splitBlocks(text);

  let index = 0;
  while (index < blocks.length && isHeader(blocks[index])) index++;

  while (index < blocks.length) {
    const block = blocks[index];
    const title = block.lines[0];
    let abstractLines: readonly string[] = block.lines.slice(1);
    let consumed = 1;

    if (title.length > MAX_TITLE_LENGTH) {
      diagnostics.push({
        file, line: block.line, severity: 'error',
        message: `expected a title, found a paragraph of ${title.length} characters; skipped it`,
      });
      index += 1;
      continue;
    }
    if (abstractLines.length > 0) {
      diagnostics.push({
        file, line: block.line + 1, severity: 'warning',
        message: 'no blank line between the title and the abstract; read the following lines as the abstract',
      });
    } else {
      const next = blocks[index + 1];
      if (next !== undefined && looksLikeAbstract(next)) {
        abstractLines = next.lines;
        consumed = 2;
      }
    }
    if (abstractLines.length === 0) {
      diagnostics.push({ file, line: block.line, severity: 'warning', message: `paper "${title}" has no abstract` });
    }
    const abstract = abstractLines.join(' ');
    records.push({
      title,
      abstract,
      authors: [],
      codeUrls: findCodeUrls(abstract),
      source: { file, line: block.line },
    });
    index += consumed;
  }

  if (records.length === 0) {
    diagnostics.push({ file, line: 1, severity: 'warning', message: 'no papers found' });
  }
  return { records, diagnostics };
}

/** Splits into paragraphs of trimmed non-blank lines, whatever the line endings; drops a leading BOM. */
function splitBlocks(text: string): Block[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split(/\r\n|\r|\n/);
  const blocks: Block[] = [];
  let current: string[] = [];
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') {
      if (current.length > 0) blocks.push({ lines: current, line: start + 1 });
      current = [];
    } else {
      if (current.length === 0) start = i;
      current.push(line);
    }
  }
  if (current.length > 0) blocks.push({ lines: current, line: start + 1 });
  return blocks;
}

function isHeader(block: Block): boolean {
  return block.lines.every((line) => HEADER_LINES.has(line.toLowerCase()));
}

/** Tells an abstract from the next paper's title, so a title without an abstract does not swallow its neighbour. */
function looksLikeAbstract(block: Block): boolean {
  if (block.lines.length > 1) return true;
  const text = block.lines[0];
  if (text.length >= MIN_ABSTRACT_LENGTH) return true;
  // Titles carry no links: a paragraph with a Markdown link or a web address is an abstract, however short.
  if (/\]\([^)\s]*\)|\bhttps?:\/\/|\bwww\./i.test(text)) return true;
  return /[.!?]["')\]]?$/.test(text) && text.split(/\s+/).length >= MIN_ABSTRACT_WORDS;
}

/** Code links named in an abstract ("Code is available at https://github.com/…."), without trailing punctuation. */
export function findCodeUrls(abstract: string): string[] {
  const urls: string[] = [];
  for (const match of abstract.matchAll(CODE_URL)) {
    const url = match[0].replace(/[.,;:!?]+$/, '').replace(/\.git$/, '');
    if (!urls.includes(url)) urls.push(url);
  }
  return urls;
}
