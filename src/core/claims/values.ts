/** Number words that stand for a value in a claim ("twice as fast", "million-length sequences"). */
const WORD_VALUES: ReadonlyMap<string, number> = new Map([
  ['twice', 2],
  ['two times', 2],
  ['three times', 3],
  ['four times', 4],
  ['five times', 5],
  ['ten times', 10],
  ['thousand', 1e3],
  ['million', 1e6],
  ['billion', 1e9],
]);

const MAGNITUDES: ReadonlyMap<string, number> = new Map([
  ['k', 1e3],
  ['K', 1e3],
  ['M', 1e6],
  ['B', 1e9],
  ['T', 1e12],
  ['thousand', 1e3],
  ['million', 1e6],
  ['billion', 1e9],
  ['trillion', 1e12],
]);

/** A number and the magnitude suffix glued to it ("1.3B", "14 billion"); "5times" is a number, not 5 thousand. */
const NUMBER = /(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s?(billion|million|thousand|trillion)\b|([KMBTk])(?![A-Za-z]))?/g;

/**
 * Numbers stated in a claim's value text, in order, with magnitudes applied ("1.3B" -> 1.3e9). A range sharing one
 * suffix gets it on both ends ("13~15M" -> [13e6, 15e6]).
 */
export function parseValues(valueText: string): number[] {
  const word = WORD_VALUES.get(valueText.trim().toLowerCase());
  if (word !== undefined) return [word];
  const numbers: number[] = [];
  const magnitudes: (number | undefined)[] = [];
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(valueText); m !== null; m = NUMBER.exec(valueText)) {
    numbers.push(Number((m[1] ?? '').replace(/,/g, '')));
    const suffix = m[2] ?? m[3];
    magnitudes.push(suffix === undefined ? undefined : MAGNITUDES.get(suffix));
  }
  const lastMagnitude = magnitudes[magnitudes.length - 1];
  const shareSuffix = lastMagnitude !== undefined && magnitudes.slice(0, -1).every((mag) => mag === undefined);
  return numbers.map((n, i) => {
    const magnitude = magnitudes[i] ?? (shareSuffix ? lastMagnitude : undefined);
    return magnitude === undefined ? n : Math.round(n * magnitude * 1e6) / 1e6;
  });
}

/** `%` for percentages, `x` for multipliers, otherwise undefined (a plain metric value). */
export function unitFromValueText(valueText: string): string | undefined {
  if (/%|percent/.test(valueText)) return '%';
  if (/\d\s?(?:times|[xX×]|\$?\\times)/.test(valueText)) return 'x';
  if (/points|pp\b/.test(valueText)) return 'points';
  if (/PPL/.test(valueText)) return 'PPL';
  return undefined;
}
