import type { Claim } from '../claims/claim';
import { displayText, readingText, type ReadingText } from './readingText';

/**
 * A paper's claims as a reader sees them: each claim's span and text in the clean reading text of the abstract
 * (so `abstractReading.text.slice(start, end) === text` still holds), its sentence and baseline read the same way.
 * Order and indices are unchanged. Claims whose offsets do not fit the abstract keep them, so views can still say so.
 */
export function displayClaims(abstract: string, claims: readonly Claim[], reading: ReadingText = readingText(abstract)): Claim[] {
  // Claims of one sentence share it: read each sentence once (a long abstract without full stops is one sentence).
  const sentences = new Map<string, string>();
  const readSentence = (sentence: string): string => {
    let read = sentences.get(sentence);
    if (read === undefined) sentences.set(sentence, (read = displayText(sentence)));
    return read;
  };
  return claims.map((claim) => {
    const fits = Number.isInteger(claim.start) && Number.isInteger(claim.end) && claim.start >= 0 && claim.start < claim.end && claim.end <= abstract.length;
    const span = fits ? reading.cleanSpan(claim.start, claim.end) : { start: claim.start, end: claim.end };
    const text = fits ? reading.text.slice(span.start, span.end) : displayText(claim.text);
    return {
      ...claim,
      start: span.start,
      end: span.end,
      text,
      sentence: readSentence(claim.sentence),
      ...(claim.baseline === undefined ? {} : { baseline: displayText(claim.baseline) }),
    };
  });
}
