import { syntheticBib } from './bench/syntheticBib';
import { readBibtex } from './src/core/library/bibtexReader';
import { citationJsCsl } from './test/support/citationJs';
const n = Number(process.argv[2]);
const t = syntheticBib(n);
console.log('bytes/entry', t.length / n);
let s = performance.now();
const r = readBibtex(t, 'x.bib');
console.log('ours', n, (performance.now() - s).toFixed(0), 'ms', r.records.length, r.diagnostics.length);
if (n <= 10000) { s = performance.now(); const c = citationJsCsl(t); console.log('cjs', (performance.now() - s).toFixed(0), 'ms', c.length); }
console.log(JSON.stringify(r.records[5]).slice(0, 600));
