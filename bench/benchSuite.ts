/** One benchmark suite: prints its own figures. */
export interface BenchSuite {
  readonly name: string;
  run(): void | Promise<void>;
}
