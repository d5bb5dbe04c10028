import { syntheticBib } from './bench/syntheticBib';
import { readBibtex, parseBibtex } from './src/core/library/bibtexReader';
const n = Number(process.argv[2]);
const mode = process.argv[3];
const t = syntheticBib(n);
(globalThis as any).gc?.();
const s = performance.now();
const r = mode === 'parse' ? parseBibtex(t, 'x.bib').entries : readBibtex(t, 'x.bib').records;
console.log(mode, n, (performance.now() - s).toFixed(0), r.length, 'heapMB', (process.memoryUsage().heapUsed/1e6).toFixed(0));
