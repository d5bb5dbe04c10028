// The synthetic abstracts the claims bench measures and the claims output snapshot pins: recombined seed sentences,
// drawn with a fixed seed so every run sees the same text.
import { splitSentences } from '../src/core/claims/sentences';
import { seededRandom } from './seededRandom';

/** Title/abstract pairs of a Daily Papers page: header lines up to "by AK ...", then title, abstract, title, ... */
export function readDailyPapers(text: string): { title: string; abstract: string }[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim().length > 0);
  const first = lines.findIndex((line) => line.startsWith('by AK')) + 1;
  const papers: { title: string; abstract: string }[] = [];
  for (let i = first; i + 1 < lines.length; i += 2) papers.push({ title: lines[i] ?? '', abstract: lines[i + 1] ?? '' });
  return papers;
}

/** Abstracts of 5-11 sentences drawn from the seed's sentences, so the text looks like real abstracts. */
export function syntheticAbstracts(seedAbstracts: readonly string[], count: number, seed: number): string[] {
  const sentences = seedAbstracts.flatMap((a) => splitSentences(a).map((s) => a.slice(s.start, s.end)));
  const next = seededRandom(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = 5 + Math.floor(next() * 7);
    const parts: string[] = [];
    for (let j = 0; j < n; j++) parts.push(sentences[Math.floor(next() * sentences.length)] ?? '');
    out.push(parts.join(' '));
  }
  return out;
}
