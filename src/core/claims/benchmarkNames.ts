/**
 * Benchmark names as the field writes them, mapped to one display name each, so "LRA" and "long-range arena"
 * land in the same group of the Claims view. Order matters only when two patterns could match the same words:
 * the more specific one comes first (ImageNet-64 before ImageNet).
 */
export const BENCHMARK_ALIASES: ReadonlyArray<{ readonly name: string; readonly pattern: RegExp }> = [
  { name: 'Long Range Arena', pattern: /\blong[- ]range[- ]arena\b|\bLRA\b/i },
  { name: 'Path-X', pattern: /\bpath-?x\b/i },
  { name: 'ImageNet-64', pattern: /\bimagenet-?64\b/i },
  { name: 'ImageNet-1K', pattern: /\bimagenet(?:-?1k)?\b/i },
  { name: 'CIFAR-10', pattern: /\b(?:s|sequential )?cifar-?10\b/i },
  { name: 'ADE20K', pattern: /\bade-?20k\b/i },
  { name: 'COCO', pattern: /\b(?:ms-?)?coco\b/i },
  { name: 'nuScenes', pattern: /\bnuscenes\b/i },
  { name: 'Kinetics-400', pattern: /\bkinetics-?400\b/i },
  { name: 'WikiText-103', pattern: /\bwikitext-?103\b/i },
  { name: 'enwik8', pattern: /\benwik-?8\b/i },
  { name: 'PG-19', pattern: /\bpg-?19\b/i },
  { name: 'The Pile', pattern: /\bthe pile\b/i },
  { name: 'GLUE', pattern: /\bglue\b/i },
  { name: 'LibriSpeech', pattern: /\blibrispeech\b/i },
  { name: 'Libri2Mix', pattern: /\blibri2mix\b/i },
  { name: 'WHAMR!', pattern: /\bwhamr!?/i },
  { name: 'WSJ0-2mix', pattern: /\bwsj0-?2mix\b/i },
  { name: 'Speech Commands', pattern: /\bspeech commands\b/i },
  { name: 'MMLU', pattern: /\bmmlu\b/i },
  { name: 'Needle in a Haystack', pattern: /\bneedle[- ]in[- ]a[- ]haystack\b/i },
];

/**
 * Every known benchmark a piece of claim text names, in the alias table's order, without duplicates.
 * "ImageNet-64" does not also count as ImageNet-1K: once a pattern matches, its words are consumed.
 */
export function benchmarkNamesIn(text: string): string[] {
  let rest = text;
  const names: string[] = [];
  for (const { name, pattern } of BENCHMARK_ALIASES) {
    const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    if (global.test(rest)) {
      names.push(name);
      rest = rest.replace(new RegExp(pattern.source, global.flags), ' ');
    }
  }
  return names;
}
