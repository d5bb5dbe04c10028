// The synthetic abstracts the claims bench measures and the claims output snapshot pins: recombined seed sentences,
// drawn with a fixed seed so every run sees the same text.
import { splitSentences } from '../src/core/claims/sentences';

/** Title/abstract pairs of a Daily Papers page: header lines up to "by AK ...", then title, abstract, title, ... */
export function readDailyPapers(text: string): { title: string; abstract: string }[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim().length > 0);
  const first = lines.findIndex((line) => line.startsWith('by AK')) + 1;
  const papers: { title: string; abstract: string }[] = [];
  for (let i = first; i + 1 < lines.length; i += 2) papers.push({ title: lines[i] ?? '', abstract: lines[i + 1] ?? '' });
  return papers;
}

/** Deterministic PRNG (mulberry32) so every run measures the same synthetic corpus. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Abstracts of 5-11 sentences drawn from the seed's sentences, so the text looks like real abstracts. */
export function syntheticAbstracts(seedAbstracts: readonly string[], count: number, seed: number): string[] {
  const sentences = seedAbstracts.flatMap((a) => splitSentences(a).map((s) => a.slice(s.start, s.end)));
  const next = random(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = 5 + Math.floor(next() * 7);
    const parts: string[] = [];
    for (let j = 0; j < n; j++) parts.push(sentences[Math.floor(next() * sentences.length)] ?? '');
    out.push(parts.join(' '));
  }
  return out;
}
