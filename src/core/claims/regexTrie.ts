/**
 * A regex source matching exactly the given strings, as alternatives nested by shared prefix ("lin(?:early|ear)" in
 * spirit), so the regex engine rejects a position on its first character instead of trying every alternative.
 * At any position it matches the longest of the strings that fit: a node tries its children before ending.
 */
export function trieSource(words: readonly string[]): string {
  interface Node { readonly next: Map<string, Node>; end: boolean }
  const root: Node = { next: new Map(), end: false };
  for (const word of words) {
    let node = root;
    for (const ch of word) {
      let child = node.next.get(ch);
      if (child === undefined) {
        child = { next: new Map(), end: false };
        node.next.set(ch, child);
      }
      node = child;
    }
    node.end = true;
  }
  const escape = (ch: string) => ch.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
  const source = (node: Node): string => {
    const branches = [...node.next].map(([ch, child]) => escape(ch) + source(child));
    if (branches.length === 0) return '';
    if (branches.length === 1 && !node.end) return branches[0] ?? '';
    return `(?:${branches.join('|')})${node.end ? '?' : ''}`;
  };
  return source(root);
}
