/**
 * Paper keys from a command's arguments: a key string (palette, webview, code), a tree node with a `key` or a `paper`
 * with a key (inline and context menus), or the tree's multi-selection (an array of those) as VS Code passes it.
 */
export function paperKeysFrom(args: readonly unknown[]): string[] {
  const keys: string[] = [];
  const add = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) add(item);
      return;
    }
    let key: unknown = value;
    if (typeof value === 'object' && value !== null) {
      const node = value as { key?: unknown; paper?: { key?: unknown } };
      key = node.key ?? node.paper?.key;
    }
    if (typeof key === 'string' && key !== '' && !keys.includes(key)) keys.push(key);
  };
  // VS Code passes (clickedNode, selectedNodes) for a multi-selection; the selection, when given, is the whole answer.
  const selection = args.find((arg, index) => index > 0 && Array.isArray(arg));
  add(selection ?? args);
  return keys;
}
