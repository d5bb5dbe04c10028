import { normalizeArxivId } from '../library/normalize';

/** Something the user named a paper by: an arXiv id (without version) or a DOI (lower case). */
export type PaperReference =
  | { readonly kind: 'arxiv'; readonly id: string; readonly input: string }
  | { readonly kind: 'doi'; readonly doi: string; readonly input: string };

const NEW_ID = String.raw`\d{4}\.\d{4,5}`;
const OLD_ID = String.raw`[a-z][a-z-]*(?:\.[A-Z]{2})?\/\d{7}`;
const ARXIV_ID = `(?:${NEW_ID}|${OLD_ID})(?:v\\d+)?`;
const ARXIV_FORMS = new RegExp(
  String.raw`^(?:arxiv:\s*)?(${ARXIV_ID})$|`
  + String.raw`^(?:https?:\/\/)?(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html)\/(${ARXIV_ID})(?:\.pdf)?\/?(?:[?#].*)?$|`
  + String.raw`^(?:https?:\/\/)?(?:www\.)?huggingface\.co\/papers\/(${NEW_ID}(?:v\d+)?)\/?(?:[?#].*)?$|`
  + String.raw`^(?:doi:\s*|(?:https?:\/\/)?(?:dx\.)?doi\.org\/)?10\.48550\/arxiv\.(${ARXIV_ID})$`,
  'i',
);
const DOI_FORMS = /^(?:doi:\s*|(?:https?:\/\/)?(?:dx\.)?doi\.org\/)?(10\.\d{4,9}\/\S+)$/i;

/**
 * Reads one arXiv id (`2312.00752`, `2312.00752v2`, `arXiv:2312.00752`, `hep-th/9901001`), arXiv abs/pdf URL,
 * arXiv DOI, other DOI or doi.org URL, or Hugging Face paper URL. Undefined for anything else.
 */
export function parsePaperReference(text: string): PaperReference | undefined {
  const input = text.trim().replace(/[.,;:)\]>]+$/, '');
  const arxiv = ARXIV_FORMS.exec(input);
  if (arxiv) {
    const id = normalizeArxivId(arxiv[1] ?? arxiv[2] ?? arxiv[3] ?? arxiv[4]);
    if (id !== undefined) return { kind: 'arxiv', id, input };
  }
  const doi = DOI_FORMS.exec(decoded(input));
  if (doi) return { kind: 'doi', doi: doi[1].toLowerCase(), input };
  return undefined;
}

/** DOIs in URLs come percent-encoded (`10.1002%2F%28SICI%29…`). */
function decoded(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Reads several references separated by white space, commas or semicolons; lists what it could not read. */
export function parsePaperReferences(text: string): { references: PaperReference[]; unrecognised: string[] } {
  const references: PaperReference[] = [];
  const unrecognised: string[] = [];
  const seen = new Set<string>();
  for (const part of text.split(/[\s,;]+/).filter((word) => word !== '')) {
    const reference = parsePaperReference(part);
    if (reference === undefined) {
      unrecognised.push(part);
      continue;
    }
    const id = referenceId(reference);
    if (!seen.has(id)) references.push(reference);
    seen.add(id);
  }
  return { references, unrecognised };
}

/** `arXiv:2312.00752` or `doi:10.1145/3586074`, for messages and de-duplication. */
export function referenceId(reference: PaperReference): string {
  return reference.kind === 'arxiv' ? `arXiv:${reference.id}` : `doi:${reference.doi}`;
}

/** A paper link found in a note's text, with its UTF-16 span. */
export interface PaperLinkMatch {
  readonly reference: PaperReference;
  readonly start: number;
  readonly end: number;
}

const LINK_IN_TEXT = /(?:https?:\/\/)?(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html)\/\S+|(?:https?:\/\/)?(?:www\.)?huggingface\.co\/papers\/\S+|(?:https?:\/\/)?(?:dx\.)?doi\.org\/10\.\S+/gi;

/** The bare arXiv, DOI and Hugging Face paper links in a text (not ids or DOIs without a link), trailing punctuation excluded. */
export function findPaperLinks(text: string): PaperLinkMatch[] {
  const links: PaperLinkMatch[] = [];
  for (const match of text.matchAll(LINK_IN_TEXT)) {
    const raw = match[0].replace(/[.,;:!?)\]>'"]+$/, '');
    const reference = parsePaperReference(raw);
    if (reference === undefined) continue;
    const start = match.index ?? 0;
    links.push({ reference, start, end: start + raw.length });
  }
  return links;
}
