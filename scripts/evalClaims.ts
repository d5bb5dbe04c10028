// Prints precision, recall and F1 per claim kind on the labelled dev set (seed abstracts) and the held-out set.
// `--errors` also lists every false positive and missed gold claim of the dev set (never of the held-out set, which
// must not steer the rules).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { claimSpans } from '../src/core/claims/claim';
import { extractClaims } from '../src/core/claims/extractClaims';
import { locateGold, scoreClaims, type GoldClaim, type KindScore, type KindSpan } from '../src/core/claims/scoreClaims';

interface LabelledPaper {
  readonly title: string;
  readonly abstract?: string;
  readonly claims: readonly GoldClaim[];
}

const root = join(__dirname, '..');
const showErrors = process.argv.includes('--errors');

/** Title -> abstract from a Daily Papers page: header lines, then title / blank / abstract / blank per paper. */
function readSeedAbstracts(file: string): Map<string, string> {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/).filter((line) => line.trim().length > 0);
  const start = lines.findIndex((line) => line.startsWith('by AK')) + 1;
  const map = new Map<string, string>();
  for (let i = start; i + 1 < lines.length; i += 2) map.set((lines[i] ?? '').trim(), lines[i + 1] ?? '');
  return map;
}

function evaluate(name: string, papers: readonly LabelledPaper[], abstractOf: (p: LabelledPaper) => string, listErrors: boolean): KindScore[] {
  const scored = papers.map((paper) => {
    const abstract = abstractOf(paper);
    const gold = paper.claims.map((g) => {
      const span = locateGold(abstract, g);
      if (span === undefined) throw new Error(`${name}: gold "${g.text}" not found in "${paper.title}"`);
      return span;
    });
    // A merged claim counts at each place it is made.
    const claims = extractClaims(abstract).flatMap((claim) => claimSpans(claim).map((span) => ({ ...claim, ...span })));
    if (listErrors) reportErrors(paper.title, abstract, gold, claims);
    return { gold, predicted: claims as readonly KindSpan[] };
  });
  return scoreClaims(scored);
}

function reportErrors(title: string, abstract: string, gold: readonly KindSpan[], predicted: readonly (KindSpan & { ruleId: string })[]): void {
  const hit = (a: KindSpan, b: KindSpan) => a.kind === b.kind && a.start < b.end && b.start < a.end;
  const lines: string[] = [];
  for (const p of predicted) {
    if (!gold.some((g) => hit(p, g))) lines.push(`  FP ${p.kind.padEnd(10)} ${JSON.stringify(abstract.slice(p.start, p.end))} [${p.ruleId}]`);
  }
  for (const g of gold) {
    if (!predicted.some((p) => hit(p, g))) lines.push(`  FN ${g.kind.padEnd(10)} ${JSON.stringify(abstract.slice(g.start, g.end))}`);
  }
  if (lines.length > 0) console.log(`${title.slice(0, 70)}\n${lines.join('\n')}`);
}

function printTable(name: string, scores: readonly KindScore[]): void {
  const pct = (x: number) => x.toFixed(3);
  console.log(`\n${name}`);
  console.log('kind        gold  pred   P      R      F1');
  for (const s of scores) {
    console.log(`${s.kind.padEnd(10)} ${String(s.gold).padStart(5)} ${String(s.predicted).padStart(5)}  ${pct(s.precision)}  ${pct(s.recall)}  ${pct(s.f1)}`);
  }
  const total = scores.reduce((acc, s) => ({ g: acc.g + s.gold, p: acc.p + s.predicted, c: acc.c + s.correctPredictions, f: acc.f + s.foundGold }), { g: 0, p: 0, c: 0, f: 0 });
  const p = total.p === 0 ? 1 : total.c / total.p;
  const r = total.g === 0 ? 1 : total.f / total.g;
  console.log(`${'all'.padEnd(10)} ${String(total.g).padStart(5)} ${String(total.p).padStart(5)}  ${pct(p)}  ${pct(r)}  ${pct((2 * p * r) / (p + r))}`);
}

const seed = readSeedAbstracts(join(root, 'corpus', '000_3372b0a668492b2d.txt'));
const dev = JSON.parse(readFileSync(join(root, 'test/fixtures/claims/devset.json'), 'utf8')) as LabelledPaper[];
const heldOut = JSON.parse(readFileSync(join(root, 'test/fixtures/claims/heldout.json'), 'utf8')) as LabelledPaper[];

const devScores = evaluate('dev', dev, (paper) => {
  const abstract = seed.get(paper.title);
  if (abstract === undefined) throw new Error(`dev: no seed abstract titled "${paper.title}"`);
  return abstract;
}, showErrors);
const heldOutScores = evaluate('held-out', heldOut, (paper) => paper.abstract ?? '', false);
printTable(`dev set: ${dev.length} seed abstracts (corpus/000_3372b0a668492b2d.txt)`, devScores);
printTable(`held-out set: ${heldOut.length} abstracts not in the seed`, heldOutScores);
