/** The styles shipped with Paper Notes (extracted at build time by scripts/cslData.mjs). */
export const BUNDLED_CSL_STYLES = ['apa', 'harvard', 'vancouver', 'chicago-author-date', 'ieee', 'nature', 'acm'] as const;
export type BundledCslStyleId = (typeof BUNDLED_CSL_STYLES)[number];

/** Pandoc's default style, and ours. */
export const DEFAULT_CSL_STYLE: BundledCslStyleId = 'chicago-author-date';
export const DEFAULT_CSL_LOCALE = 'en-US';

export function isBundledCslStyle(id: string): id is BundledCslStyleId {
  return (BUNDLED_CSL_STYLES as readonly string[]).includes(id);
}

/** A CSL style ready for the formatter: its XML and what the preview needs to know about it. */
export interface CslStyle {
  /** A bundled id, or the `.csl` file it was read from. */
  readonly id: string;
  readonly title: string;
  readonly xml: string;
  /** `note` styles put citations in footnotes; every bundled style is `in-text`. */
  readonly styleClass: 'in-text' | 'note';
  /** `author-date`, `numeric`, `note`, `label` or `author`, from the style's category. */
  readonly citationFormat: string;
  readonly defaultLocale?: string;
}

/** A style that cannot be used, with the reason and (when known) the 1-based line in its file. */
export class CslStyleError extends Error {
  constructor(readonly source: string, message: string, readonly line?: number) {
    super(`${source}${line === undefined ? '' : `:${line}`}: ${message}`);
    this.name = 'CslStyleError';
  }
}

const unescapeXml = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Finds the first unbalanced element, so a broken file is reported at a line rather than deep inside citeproc. */
function firstTagProblem(xml: string): { offset: number; message: string } | undefined {
  const stack: Array<{ name: string; offset: number }> = [];
  const tags = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<[^>]*>?/g;
  for (let m = tags.exec(xml); m; m = tags.exec(xml)) {
    const [whole, closing, name, , selfClosing] = m;
    if (whole.startsWith('<!--') || whole.startsWith('<?') || whole.startsWith('<![CDATA[')) continue;
    if (name === undefined) return { offset: m.index, message: `malformed tag ${JSON.stringify(whole.slice(0, 40))}` };
    if (selfClosing) continue;
    if (!closing) stack.push({ name, offset: m.index });
    else {
      const open = stack.pop();
      if (open?.name !== name) return { offset: m.index, message: open ? `</${name}> closes <${open.name}>` : `</${name}> closes nothing` };
    }
  }
  const open = stack.pop();
  return open ? { offset: open.offset, message: `<${open.name}> is never closed` } : undefined;
}

/**
 * Reads a CSL style file (a bundled one or a journal's own `.csl`): checks it is well-formed CSL 1.0 with a
 * `<citation>`, and reads its title, class, citation format and default locale. Throws {@link CslStyleError}.
 */
export function parseCslStyle(xml: string, source: string): CslStyle {
  const text = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
  if (text.trim() === '') throw new CslStyleError(source, 'the style file is empty');
  const problem = firstTagProblem(text);
  if (problem) throw new CslStyleError(source, `not well-formed XML: ${problem.message}`, lineAt(text, problem.offset));
  const root = /<style\b([^>]*)>/.exec(text);
  if (!root) throw new CslStyleError(source, 'not a CSL style: no <style> element');
  if (!/xmlns\s*=\s*"http:\/\/purl\.org\/net\/xbiblio\/csl"/.test(root[1]!)) {
    throw new CslStyleError(source, 'not a CSL style: <style> lacks xmlns="http://purl.org/net/xbiblio/csl"', lineAt(text, root.index));
  }
  if (/<style\b[^>]*\/>/.test(text) || !/<citation\b/.test(text)) {
    const parent = /<link\b[^>]*rel="independent-parent"[^>]*>/.exec(text);
    throw new CslStyleError(source, parent
      ? 'a dependent style: it only names its parent style; use the parent .csl file'
      : 'the style has no <citation> element', lineAt(text, root.index));
  }
  const attribute = (attrs: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(attrs)?.[1];
  const styleClass = attribute(root[1]!, 'class');
  if (styleClass !== 'in-text' && styleClass !== 'note') {
    throw new CslStyleError(source, `<style> class must be "in-text" or "note", not ${JSON.stringify(styleClass ?? '')}`, lineAt(text, root.index));
  }
  const info = /<info>([\s\S]*?)<\/info>/.exec(text)?.[1] ?? '';
  const title = unescapeXml(/<title>([\s\S]*?)<\/title>/.exec(info)?.[1]?.trim() ?? source);
  const citationFormat = /<category\b[^>]*citation-format="([^"]+)"/.exec(info)?.[1] ?? (styleClass === 'note' ? 'note' : 'author-date');
  const defaultLocale = attribute(root[1]!, 'default-locale');
  return { id: source, title, xml: text, styleClass, citationFormat, ...(defaultLocale ? { defaultLocale } : {}) };
}
