/** Lets the extension host handle other work (tree requests, messages) between chunks of a long computation. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
