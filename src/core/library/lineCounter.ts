/** Maps UTF-16 offsets to 1-based lines, counting newlines incrementally since readers ask for growing offsets. */
export class LineCounter {
  private offset = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  lineAt(position: number): number {
    if (position < this.offset) {
      this.offset = 0;
      this.line = 1;
    }
    let next = this.text.indexOf('\n', this.offset);
    while (next !== -1 && next < position) {
      this.line++;
      next = this.text.indexOf('\n', next + 1);
    }
    this.offset = position;
    return this.line;
  }
}
