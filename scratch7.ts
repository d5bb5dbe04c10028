import { syntheticBib } from './bench/syntheticBib';
import { readBibtex } from './src/core/library/bibtexReader';
const n = Number(process.argv[2]);
const t = syntheticBib(n);
(globalThis as any).gc?.();
const s = performance.now();
const r = readBibtex(t, 'x.bib');
console.log('full', n, (performance.now() - s).toFixed(0), r.records.length, 'heapMB', (process.memoryUsage().heapUsed/1e6).toFixed(0), 'rss', (process.memoryUsage().rss/1e6).toFixed(0));
