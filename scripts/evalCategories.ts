// Scores the category classifier against the hand labels: the 53 seed papers (dev) and abstracts held out from tuning.
// Usage: npm run eval:categories
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { printTable } from '../bench/benchSuite';
import type { CategoryId } from '../src/core/categories/category';
import { evaluateCategories, type CategoryEvaluation, type GoldPaper } from '../src/core/categories/categoryEval';
import { createClassifier } from '../src/core/categories/classifier';
import { buildLibrary } from '../src/core/library/library';
import { normalizeTitle } from '../src/core/library/normalize';
import { readEmbeddedCorpus } from '../src/node/corpusFiles';

interface GoldLabels {
  readonly title: string;
  readonly abstract?: string;
  readonly method: CategoryId[];
  readonly domain: CategoryId[];
  readonly type: CategoryId;
}

const root = path.join(__dirname, '..');
const fixtures = path.join(root, 'test', 'fixtures', 'categories');

async function labels(file: string): Promise<GoldLabels[]> {
  return (JSON.parse(await readFile(path.join(fixtures, file), 'utf8')) as { papers: GoldLabels[] }).papers;
}

function report(name: string, evaluation: CategoryEvaluation): void {
  const pct = (x: number) => (100 * x).toFixed(1);
  console.log(`\n## ${name} (${evaluation.papers} papers)\n`);
  printTable(['category', 'facet', 'tp', 'fp', 'fn', 'P %', 'R %', 'F1 %'], evaluation.byCategory.map(({ id, facet, scores }) =>
    [id, facet, String(scores.tp), String(scores.fp), String(scores.fn), pct(scores.precision), pct(scores.recall), pct(scores.f1)]));
  console.log('\nMicro-averaged per facet:\n');
  printTable(['facet', 'tp', 'fp', 'fn', 'P %', 'R %', 'F1 %'], evaluation.byFacet.map(({ facet, scores }) =>
    [facet, String(scores.tp), String(scores.fp), String(scores.fn), pct(scores.precision), pct(scores.recall), pct(scores.f1)]));
  console.log(`\nDisagreements (${evaluation.disagreements.length}):`);
  for (const d of evaluation.disagreements) {
    const parts = [d.extra.length ? `extra ${d.extra.join(', ')}` : '', d.missing.length ? `missing ${d.missing.join(', ')}` : ''];
    console.log(`- ${d.title.slice(0, 70)}: ${parts.filter(Boolean).join('; ')}`);
  }
}

async function main(): Promise<void> {
  const classifier = createClassifier();
  const seed = buildLibrary(await readEmbeddedCorpus(path.join(root, 'corpus')));
  const byTitle = new Map(seed.papers.map((p) => [normalizeTitle(p.title), p]));
  const dev: GoldPaper[] = (await labels('gold.json')).map((g) => {
    const paper = byTitle.get(normalizeTitle(g.title));
    if (paper === undefined) throw new Error(`gold.json: no seed paper titled "${g.title}"`);
    return { ...g, abstract: paper.abstract };
  });
  if (dev.length !== seed.size) throw new Error(`gold.json labels ${dev.length} papers, the seed has ${seed.size}`);
  const heldOut: GoldPaper[] = (await labels('heldout.json')).map((g) => ({ ...g, abstract: g.abstract ?? '' }));
  report('Dev: seed papers', evaluateCategories(classifier, dev));
  report('Held out: abstracts not in the seed', evaluateCategories(classifier, heldOut));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
