/** An exception thrown while reading untrusted input, as the end of a Problem message. */
export function describeFailure(error: unknown): string {
  if (error instanceof RangeError && /call stack/i.test(error.message)) return 'it is nested too deeply to read';
  const message = error instanceof Error ? error.message : String(error);
  return `an internal error occurred (${message.length > 200 ? `${message.slice(0, 199)}…` : message})`;
}
