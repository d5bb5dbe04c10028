import type { Paper } from '../src/core/library/paper';
import { seededRandom } from './seededRandom';

const FAMILY = ['Gu', 'Dao', 'Katharopoulos', 'Vaswani', 'Smith', 'Zhao', 'Chen', 'Wang', 'Li', 'Müller', 'Poli', 'Peng', 'Sun', 'Orvieto', 'Fu', 'Ma', 'Yang', 'Kim', 'Nguyen', 'Garcia'];
const GIVEN = ['Albert', 'Tri', 'Angelos', 'Ashish', 'Jimmy', 'Shengkui', 'Yuxin', 'Hao', 'Wei', 'Anna', 'Michael', 'Bo', 'Yutao', 'Antonio', 'Daniel', 'Xuezhe', 'Songlin', 'Yoon', 'Trung', 'Maria'];
const WORDS = ['Mamba', 'State', 'Space', 'Models', 'Selective', 'Linear', 'Attention', 'Efficient', 'Transformers', 'Long', 'Sequence', 'Modeling',
  'Speech', 'Vision', 'Time', 'Series', 'Forecasting', 'Recurrent', 'Hyena', 'RWKV', 'Retentive', 'Network', 'Sparse', 'Kernel', 'Structured',
  'Convolution', 'Hardware', 'Aware', 'Scan', 'Parallel', 'Memory', 'Compression', 'Audio', 'Separation', 'Graph', 'Medical', 'Segmentation', 'Video'];

/** 1 -> b, 2 -> c, ..., 25 -> z, 26 -> bb: a short letter suffix. */
function letters(n: number): string {
  let out = '';
  for (let value = n; value > 0; value = Math.floor(value / 26)) out = String.fromCharCode(97 + (value % 26)) + out;
  return out;
}

/** `count` papers with realistic keys (`family + year + word`), titles, 1–8 authors and years 2017–2025. */
export function syntheticLibrary(count: number, seed = 42): Paper[] {
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const papers: Paper[] = [];
  const seen = new Set<string>();
  for (let index = 0; index < count; index += 1) {
    const authors = Array.from({ length: 1 + Math.floor(next() * 8) }, () => `${pick(GIVEN)} ${pick(FAMILY)}`);
    const year = 2017 + Math.floor(next() * 9);
    const titleWords = Array.from({ length: 4 + Math.floor(next() * 8) }, () => pick(WORDS));
    const base = `${authors[0]!.split(' ')[1]!.toLowerCase()}${year}${titleWords[0]!.toLowerCase()}`;
    let key = base;
    // Duplicate keys get a letter suffix, as BibTeX tools do (gu2023mamba, gu2023mambab, ...).
    for (let suffix = 1; seen.has(key); suffix += 1) key = `${base}${letters(suffix)}`;
    seen.add(key);
    papers.push({
      key,
      title: titleWords.join(' '),
      abstract: '',
      authors,
      year,
      arxivId: `${String(year).slice(2)}${String(1 + (index % 12)).padStart(2, '0')}.${String(index % 100000).padStart(5, '0')}`,
      codeUrls: [],
      categories: [],
      source: { file: 'synthetic', line: index + 1 },
    });
  }
  return papers;
}
