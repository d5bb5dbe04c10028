// Simple TeX macro definitions, as bibliographies put them in `@preamble` (`\def\emdash{---}`,
// `\newcommand{\booktitle}[1]{\emph{#1}}`, `\ifx\undefined\TM \def\TM{...}\fi`), read so the decoder can expand them.

/**
 * A macro with `parameters` arguments (`#1`…`#9` in `body`); `optionalDefault` makes `#1` an optional `[...]`.
 * `delimiters[i]`, when not empty, is the text that ends argument i (`\def\toenglish#1\endtoenglish{...}`).
 */
export interface LatexMacro {
  readonly parameters: number;
  readonly body: string;
  readonly optionalDefault?: string;
  readonly delimiters?: readonly string[];
}

export type LatexMacros = ReadonlyMap<string, LatexMacro>;

const DEFINITION = /\\(?:(?:[gex]?def|let|font)(?![A-Za-z])|(?:newcommand|renewcommand|providecommand|DeclareRobustCommand)\*?(?![A-Za-z]))/g;

/**
 * For each `{` of `text`, the index of its matching `}` (absent when it never closes). One pass with a stack, so
 * looking up a definition's body costs nothing even when a hostile preamble opens thousands of groups it never closes.
 */
function matchingBraces(text: string): Map<number, number> {
  const matches = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 92 /* \ */) {
      i++;
    } else if (code === 123) {
      open.push(i);
    } else if (code === 125) {
      const start = open.pop();
      if (start !== undefined) matches.set(start, i);
    }
  }
  return matches;
}

/** Longest optional-argument default or value read, in characters. */
export const MAX_OPTIONAL_LENGTH = 1000;

function skipSpaces(text: string, pos: number): number {
  while (pos < text.length && /\s/.test(text[pos])) pos++;
  return pos;
}

/** A control sequence name at `pos` (`\name` or `{\name}`), with the position after it. */
function controlSequence(text: string, pos: number): { name: string; end: number } | undefined {
  pos = skipSpaces(text, pos);
  const braced = text[pos] === '{';
  if (braced) pos = skipSpaces(text, pos + 1);
  const match = /^\\([A-Za-z@]+|.)/.exec(text.slice(pos, pos + 100));
  if (match === null) return undefined;
  let end = pos + match[0].length;
  if (braced) {
    end = skipSpaces(text, end);
    if (text[end] !== '}') return undefined;
    end++;
  }
  return { name: match[1], end };
}

/**
 * The macros that `text` (a file's `@preamble`s, or a table of our own) defines with `\def`, `\gdef`, `\edef`, `\xdef`,
 * `\newcommand`, `\renewcommand`, `\providecommand`, `\DeclareRobustCommand` (with or without arguments, with an
 * optional first argument), `\let` (an alias) and `\font` (a font switch, which shows nothing). Definitions wrapped in
 * `\ifx\undefined\name ... \fi` are read too, and so are `\def`s whose arguments end at a delimiter (`\def\a#1\end{...}`).
 * Later definitions of a name replace earlier ones.
 */
export function parseMacroDefinitions(text: string): Map<string, LatexMacro> {
  const macros = new Map<string, LatexMacro>();
  const closing = matchingBraces(text);
  DEFINITION.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = DEFINITION.exec(text)) !== null) {
    const keyword = match[0].slice(1).replace(/\*$/, '');
    const target = controlSequence(text, DEFINITION.lastIndex);
    if (target === undefined) continue;
    let pos = target.end;
    if (keyword === 'font') {
      macros.set(target.name, { parameters: 0, body: '' });
      continue;
    }
    if (keyword === 'let') {
      pos = skipSpaces(text, pos);
      if (text[pos] === '=') pos++;
      const source = controlSequence(text, pos);
      if (source !== undefined) {
        macros.set(target.name, macros.get(source.name) ?? { parameters: 0, body: `\\${source.name}` });
        DEFINITION.lastIndex = source.end;
      }
      continue;
    }
    let parameters = 0;
    let optionalDefault: string | undefined;
    let delimiters: string[] | undefined;
    if (keyword.endsWith('def')) {
      // The parameter text runs to the body's `{`: `#1#2`, or `#1\endtoenglish` where the argument ends at a delimiter.
      const parameterText = /^[^{}]{0,200}(?=\{)/.exec(text.slice(pos, pos + 201))?.[0];
      if (parameterText === undefined) continue;
      const [prefix, ...afterEach] = parameterText.split(/#[1-9]/);
      if (prefix.trim() !== '') continue; // text before #1 must match first: not a simple definition
      parameters = afterEach.length;
      const trimmed = afterEach.map((delimiter) => delimiter.trim());
      if (trimmed.some((delimiter) => delimiter !== '')) delimiters = trimmed;
      pos += parameterText.length;
    } else {
      pos = skipSpaces(text, pos);
      const count = /^\[\s*(\d)\s*\]/.exec(text.slice(pos, pos + 10));
      if (count !== null) {
        parameters = Number(count[1]);
        pos = skipSpaces(text, pos + count[0].length);
        if (text[pos] === '[') {
          // A window, not the rest of the text: a default that never closes must not cost a scan per definition.
          const close = text.slice(pos, pos + MAX_OPTIONAL_LENGTH).indexOf(']');
          if (close < 0) continue;
          optionalDefault = text.slice(pos + 1, pos + close);
          pos = skipSpaces(text, pos + close + 1);
        }
      }
      if (text[pos] !== '{') continue;
    }
    const close = closing.get(pos);
    if (close === undefined) continue;
    const body = text.slice(pos + 1, close);
    DEFINITION.lastIndex = close + 1;
    if (keyword === 'providecommand' && macros.has(target.name)) continue;
    macros.set(target.name, { parameters, body, ...(optionalDefault === undefined ? {} : { optionalDefault }), ...(delimiters === undefined ? {} : { delimiters }) });
  }
  return macros;
}

/** `body` with `#1`…`#9` replaced by `args` and `##` by `#`. */
export function substituteArguments(body: string, args: readonly string[]): string {
  if (body.indexOf('#') < 0) return body;
  return body.replace(/#([1-9#])/g, (_whole, which: string) => (which === '#' ? '#' : args[Number(which) - 1] ?? ''));
}
