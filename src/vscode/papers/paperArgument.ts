/**
 * The paper key a command was invoked for. Commands get a key string from the palette, code and the webview, and a
 * tree node (with a `key` field) from inline and context menus; anything else is not a paper.
 */
export function paperKeyFrom(argument: unknown): string | undefined {
  if (typeof argument === 'string') return argument === '' ? undefined : argument;
  if (typeof argument === 'object' && argument !== null && 'key' in argument) {
    const key = (argument as { key: unknown }).key;
    return typeof key === 'string' && key !== '' ? key : undefined;
  }
  return undefined;
}
