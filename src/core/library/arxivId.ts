const NEW_STYLE = String.raw`\d{4}\.\d{4,5}`;
const OLD_STYLE = String.raw`[a-z][a-z.-]*(?:\.[A-Z]{2})?/\d{7}`;
const BARE_ID = new RegExp(String.raw`^(?:arxiv:)?\s*(${NEW_STYLE}|${OLD_STYLE})(?:v\d+)?(?:\.pdf)?$`, 'i');
const ID_IN_TEXT = new RegExp(
  String.raw`(?:arxiv\s*[:.]?\s*|arxiv\.org/(?:abs|pdf|html)/|10\.48550/arxiv\.)(${NEW_STYLE}|${OLD_STYLE})(?:v\d+)?`,
  'i',
);

/** The arXiv id (without version) if `value` is nothing but one, e.g. an `eprint` field: "2111.00396v3" -> "2111.00396". */
export function arxivIdFromEprint(value: string): string | undefined {
  return BARE_ID.exec(value.trim())?.[1];
}

/**
 * The first arXiv id mentioned in free text: "arXiv:2312.00752", "arXiv preprint arXiv:2312.00752",
 * "https://arxiv.org/abs/2312.00752v2", "10.48550/arXiv.2312.00752". Returns it without version.
 */
export function arxivIdInText(text: string): string | undefined {
  return ID_IN_TEXT.exec(text)?.[1];
}
