/** A benchmark suite: prints its own table. Suites run one after the other in `npm run bench`. */
export interface BenchSuite {
  readonly name: string;
  run(): Promise<void> | void;
}

export interface Timing {
  /** Median wall-clock time, ms. */
  readonly wallMs: number;
  /** Median CPU time of the process (user + system, all threads), ms: steadier than wall time on a shared machine. */
  readonly cpuMs: number;
}

/** Median timings of `runs` calls of `fn`, after one warm-up call and a full GC before each run. */
export async function measure(runs: number, fn: () => unknown): Promise<Timing> {
  await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    await fn();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wallMs: median(wall), cpuMs: median(cpu) };
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Prints rows as an aligned Markdown table. */
export function printTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): void {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padStart(widths[i])).join(' | ')} |`;
  console.log(line(headers));
  console.log(`|${widths.map((w) => '-'.repeat(w + 1) + ':').join('|')}|`);
  for (const row of rows) console.log(line(row));
}
