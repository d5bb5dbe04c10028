// CSL benchmarks: the preview's extra time for a note with 1,000 citations, the bibliography of 1,000 papers, and
// switching the style of an open preview (a new formatter, then the cached tokens rendered again).
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import type { CitationFormatter } from '../src/core/cite/csl/citationFormatter';
import type { BundledCslStyleId } from '../src/core/cite/csl/cslStyle';
import type { Paper } from '../src/core/library/paper';
import { CslFiles } from '../src/node/cslFiles';
import { citationPreviewPlugin } from '../src/vscode/preview/markdownItCitations';
import { measure, median, printTable, type BenchSuite, type Timing } from './benchSuite';
import { seededRandom } from './seededRandom';
import { syntheticLibrary } from './syntheticLibrary';

const STYLES: readonly BundledCslStyleId[] = ['chicago-author-date', 'apa', 'ieee', 'nature'];

/** A note of `count` Pandoc citations over `papers`: singles, groups with prefixes and locators, in-text and suppressed. */
function noteWithCitations(papers: readonly Paper[], count: number, seed = 7): string {
  const next = seededRandom(seed);
  const key = () => papers[Math.floor(next() * papers.length)]!.key;
  const forms = [
    () => `[@${key()}]`,
    () => `[see @${key()}, pp. ${1 + Math.floor(next() * 90)}-${100 + Math.floor(next() * 9)}; also @${key()}]`,
    () => `@${key()} [p. ${1 + Math.floor(next() * 300)}]`,
    () => `[-@${key()}]`,
    () => `@${key()}`,
  ];
  const paragraphs: string[] = ['# Reading notes\n'];
  for (let i = 0; i < count; i += 5) {
    paragraphs.push(Array.from({ length: Math.min(5, count - i) }, (_, j) => `Sentence ${i + j} about selective state spaces ${forms[(i + j) % forms.length]!()}.`).join(' '));
  }
  return `${paragraphs.join('\n\n')}\n`;
}

export const cslBench: BenchSuite = {
  name: 'CSL citations (preview, bibliography, style switch)',
  async run() {
    const files = new CslFiles(path.join(__dirname, 'csl'));
    const papers = syntheticLibrary(1_000);
    const byKey = new Map(papers.map((paper) => [paper.key, paper]));
    const lookup = (key: string) => byKey.get(key);
    const note = noteWithCitations(papers, 1_000);
    const plain = new MarkdownIt();
    const plainTokens = plain.parse(note, {});
    const formatters = new Map<string, CitationFormatter>(STYLES.map((id) => [id, files.formatter(files.bundledStyle(id))]));
    let current: BundledCslStyleId = STYLES[0]!;
    const md = citationPreviewPlugin(new MarkdownIt(), { formatterFor: () => formatters.get(current)!, lookup });
    const tokens = md.parse(note, {});

    // A second note citing other papers: rendering it in between makes each render of the first one register its
    // papers again, as opening a note does (a re-render of the same papers reuses citeproc's registry).
    const other = md.parse(noteWithCitations(papers, 1_000, 11), {});
    const coldRender = (): Timing => {
      const wall: number[] = [];
      const cpu: number[] = [];
      for (let run = 0; run < 8; run++) {
        md.renderer.render(other, md.options, {});
        const cpuStart = process.cpuUsage();
        const start = performance.now();
        md.renderer.render(tokens, md.options, {});
        wall.push(performance.now() - start);
        const used = process.cpuUsage(cpuStart);
        cpu.push((used.user + used.system) / 1000);
      }
      return { wallMs: median(wall), cpuMs: median(cpu) };
    };
    const baseline = await measure(10, () => plain.renderer.render(plainTokens, plain.options, {}));
    const plainParse = await measure(10, () => plain.parse(note, {}));
    const parse = await measure(10, () => md.parse(note, {}));
    const both = (wall: number, cpu: number) => `${wall.toFixed(0)} / ${cpu.toFixed(0)} ms`;
    const rows: string[][] = [];
    for (const style of STYLES) {
      current = style;
      const first = coldRender();
      md.renderer.render(tokens, md.options, {});
      const again = await measure(10, () => md.renderer.render(tokens, md.options, {}));
      const bibliography = await measure(5, () => formatters.get(style)!.bibliography(papers, 'markdown'));
      const fresh = await measure(5, () => {
        const formatter = files.formatter(files.bundledStyle(style));
        formatters.set(style, formatter);
        return md.renderer.render(tokens, md.options, {});
      });
      rows.push([
        style,
        both(first.wallMs - baseline.wallMs + parse.wallMs - plainParse.wallMs, first.cpuMs - baseline.cpuMs + parse.cpuMs - plainParse.cpuMs),
        both(again.wallMs - baseline.wallMs, again.cpuMs - baseline.cpuMs),
        both(bibliography.wallMs, bibliography.cpuMs),
        both(fresh.wallMs, fresh.cpuMs),
      ]);
    }
    console.log(`A note with 1,000 Pandoc citations over a 1,000-paper library (${(note.length / 1024).toFixed(0)} KB); medians of warm runs, wall / CPU time`);
    console.log(`(CPU time is steadier on a shared machine; load average now ${(await import('node:os')).loadavg()[0]!.toFixed(1)}).`);
    console.log('Preview: extra parse + render time of the markdown-it plugin over plain markdown-it (target < 150 ms), when the note is');
    console.log('opened (its papers registered with citeproc) and when it renders again citing the same papers (as while typing).');
    console.log('Bibliography: all 1,000 papers as Markdown (target < 500 ms). Style switch: a new formatter for the style, then the cached');
    console.log('tokens of the 1,000-citation note rendered again, what an open preview does when the setting changes (target < 300 ms).\n');
    printTable(['style', 'preview adds (note opened)', 'render again (same papers)', 'bibliography of 1,000', 'style switch'], rows);
  },
};
