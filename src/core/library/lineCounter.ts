/**
 * Maps UTF-16 offsets to 1-based lines, counting newlines incrementally since readers ask for growing offsets.
 * The next newline is remembered, so offsets on one long line cost nothing each (a one-line JSON file of 100,000
 * items is not scanned to its end once per item).
 */
export class LineCounter {
  private offset = 0;
  private line = 1;
  /** The first newline at or after `offset`, or -1 when there is none; undefined when not looked up yet. */
  private nextNewline: number | undefined;

  constructor(private readonly text: string) {}

  lineAt(position: number): number {
    if (position < this.offset) {
      this.offset = 0;
      this.line = 1;
      this.nextNewline = undefined;
    }
    let next = this.nextNewline ?? this.text.indexOf('\n', this.offset);
    while (next !== -1 && next < position) {
      this.line++;
      next = this.text.indexOf('\n', next + 1);
    }
    this.offset = position;
    this.nextNewline = next;
    return this.line;
  }
}
