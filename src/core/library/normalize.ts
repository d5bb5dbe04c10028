/** Text normalisation shared by readers, the merge, citation keys, the classifier and search. */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Letters that do not decompose into a base letter plus a mark. */
const LIGATURES: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ð: 'd', þ: 'th', ı: 'i',
};
const LIGATURE_PATTERN = new RegExp(`[${Object.keys(LIGATURES).join('')}]`, 'g');

/** Folds accents and ligatures to ASCII letters: `Pöppel` → `Poppel`, `Gaétan` → `Gaetan`, `Strauß` → `Strauss`. */
export function foldAccents(text: string): string {
  // Pure ASCII is by far the common case; skip the Unicode work for it.
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').replace(LIGATURE_PATTERN, (ch) => LIGATURES[ch] ?? ch);
}

/** Lower-case ASCII words of a text, accents folded; the unit of matching for titles, search and the classifier. */
export function words(text: string): string[] {
  return foldAccents(text).toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

/** The form two titles share when they name the same paper: lower-case ASCII words joined by single spaces. */
export function normalizeTitle(title: string): string {
  return words(title).join(' ');
}

/**
 * The arXiv identifier without prefix or version: `arXiv:2312.00752v2` → `2312.00752`, `cs/0112017v1` → `cs/0112017`.
 * Returns undefined when the text is no arXiv identifier.
 */
export function normalizeArxivId(text: string): string | undefined {
  const match = /^(?:arxiv:\s*)?((?:\d{4}\.\d{4,5})|(?:[a-z-]+(?:\.[a-z]{2})?\/\d{7}))(?:v\d+)?$/i.exec(text.trim());
  return match ? match[1].toLowerCase() : undefined;
}

/** A DOI in lower case without resolver prefix: `https://doi.org/10.1145/3586074` → `10.1145/3586074`. */
export function normalizeDoi(text: string): string | undefined {
  const match = /(10\.\d{4,9}\/\S+)/.exec(text.trim());
  return match ? match[1].replace(/[.,;]+$/, '').toLowerCase() : undefined;
}

/** Folds plurals so "SSMs", "RNNs" and "series" meet their singular forms; applied to text and terms alike. */
export function foldPlural(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Words with plurals folded: the terms the classifier and search compare. */
export function terms(text: string): string[] {
  return words(text).map(foldPlural);
}

