// Paper views benchmarks: the pure work behind the Papers tree, the Claims view, the search and the paper view,
// on a 10,000-paper library built from the embedded corpus. The extension-time figures inside VS Code come from
// the integration suite (test/integration/suite/paperViewsPerformance.test.ts); these isolate the core's share.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildLibrary } from '../src/core/library/library';
import { groupPapers } from '../src/core/view/paperGrouping';
import { buildClaimIndex } from '../src/core/claims/claimIndex';
import { PaperSearch } from '../src/core/search/paperSearch';
import { renderPaperBody } from '../src/core/view/paperHtml';
import { paperTooltipMarkdown } from '../src/core/view/paperTooltip';
import type { Claim } from '../src/core/claims/claim';
import { syntheticDailyPapers } from '../test/fixtures/syntheticDailyPapers';
import type { BenchSuite } from './benchSuite';

function time<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The paper views suite for `npm run bench`, on the given claim extractor; prints one line per figure. */
export function paperViewsBench(extractClaims: (abstract: string) => Claim[], root = path.join(__dirname, '..')): BenchSuite {
  return { name: 'paper views (10,000-paper library)', run: () => runPaperViewsBench(extractClaims, root) };
}

function runPaperViewsBench(extractClaims: (abstract: string) => Claim[], root: string): void {
  const seed = readFileSync(path.join(root, 'corpus', '000_3372b0a668492b2d.txt'), 'utf8');
  const built = time(() => buildLibrary([{ file: 'synthetic.txt', text: syntheticDailyPapers(seed, 10_000), format: 'daily-papers' }]));
  const library = built.value;
  console.log(`paper views: built a ${library.size}-paper synthetic library in ${built.ms.toFixed(0)} ms (reader + classifier)`);

  for (const grouping of ['method', 'domain', 'year', 'all'] as const) {
    const runs = Array.from({ length: 5 }, () => time(() => groupPapers(library.papers, grouping)).ms);
    const groups = groupPapers(library.papers, grouping);
    console.log(`paper views: group ${library.size} papers by ${grouping}: median ${median(runs).toFixed(1)} ms (${groups.length} groups)`);
  }

  const firstRender = Array.from({ length: 5 }, () => time(() => groupPapers(library.papers, 'method', undefined, { sortPapers: false })).ms);
  console.log(`paper views: group ${library.size} papers by method without sorting (the tree's first render): median ${median(firstRender).toFixed(1)} ms`);

  const claimsOf = new Map(library.papers.map((paper) => [paper, [] as Claim[]]));
  const extraction = time(() => library.papers.forEach((paper) => claimsOf.set(paper, extractClaims(paper.abstract))));
  const claimCount = [...claimsOf.values()].reduce((sum, claims) => sum + claims.length, 0);
  console.log(`paper views: extracted ${claimCount} claims from ${library.size} abstracts in ${extraction.ms.toFixed(0)} ms`);

  const index = time(() => buildClaimIndex(library.papers.map((paper) => ({ key: paper.key, title: paper.title, year: paper.year, claims: claimsOf.get(paper)! }))));
  console.log(`paper views: Claims view index over ${claimCount} claims in ${index.ms.toFixed(1)} ms (${index.value.benchmarks.length} benchmarks)`);

  const tooltips = time(() => library.papers.slice(0, 1000).forEach((paper) => paperTooltipMarkdown(paper, claimsOf.get(paper)!)));
  console.log(`paper views: 1,000 paper tooltips in ${tooltips.ms.toFixed(1)} ms`);

  const search = time(() => new PaperSearch(library.papers.map((paper) => ({ paper, claims: claimsOf.get(paper)! }))));
  console.log(`paper views: search index over ${library.size} papers in ${search.ms.toFixed(0)} ms`);
  const queries = ['m', 'ma', 'mam', 'mamba', 'mamba vis', 'long range arena', 'gu', 'speech separation', 'thrghpt', 'linear attention 2x'];
  for (let round = 0; round < 2; round++) for (const query of queries) search.value.search(query, 100); // warm up the JIT
  const perQuery = queries.map((query) => time(() => search.value.search(query, 100)).ms);
  console.log(`paper views: search per keystroke: median ${median(perQuery).toFixed(1)} ms, max ${Math.max(...perQuery).toFixed(1)} ms (${queries.length} queries)`);

  const hostile = readFileSync(path.join(root, 'test', 'fixtures', 'hostile', 'daily-papers.txt'), 'utf8');
  const huge = buildLibrary([{ file: 'hostile.txt', text: hostile, format: 'daily-papers' }]).papers.reduce((a, b) => (b.abstract.length > a.abstract.length ? b : a));
  const hugeClaims = time(() => extractClaims(huge.abstract));
  const render = time(() => renderPaperBody({ paper: huge, claims: hugeClaims.value }));
  console.log(
    `paper views: ${Math.round(huge.abstract.length / 1024)} KB abstract: ${hugeClaims.value.length} claims extracted in ${hugeClaims.ms.toFixed(0)} ms, rendered to ${Math.round(render.value.length / 1024)} KB of HTML in ${render.ms.toFixed(0)} ms`,
  );
}
