// Typed access to citation-js, the reference our BibTeX reader is checked against (tests and bench only).
// citation-js ships no type declarations; createRequire keeps its untyped modules behind the small interfaces below.
import { createRequire } from 'node:module';

export interface CslName {
  readonly given?: string;
  readonly family?: string;
  readonly literal?: string;
  readonly suffix?: string;
  readonly 'non-dropping-particle'?: string;
  readonly 'dropping-particle'?: string;
}

export interface CslItem {
  readonly id: string;
  readonly type?: string;
  readonly title?: string;
  readonly abstract?: string;
  readonly author?: readonly CslName[];
  readonly issued?: { readonly 'date-parts'?: readonly (readonly number[])[]; readonly literal?: string };
  readonly 'container-title'?: string;
  readonly DOI?: string;
  readonly URL?: string;
}

/** An entry as citation-js's BibTeX file grammar returns it: macros and `#` resolved, LaTeX untouched. */
export interface CitationJsRawEntry {
  readonly type: string;
  readonly label: string;
  readonly properties: Readonly<Record<string, string | number>>;
}

interface CitationJsCore {
  readonly plugins: {
    readonly input: {
      chain(input: string, options: { forceType: string; generateGraph: boolean }): CslItem[];
    };
  };
}

interface CitationJsBibtexGrammar {
  parse(text: string): CitationJsRawEntry[];
}

const requireModule = createRequire(__filename);
const core = requireModule('@citation-js/core') as CitationJsCore;
requireModule('@citation-js/plugin-bibtex');
const grammar = requireModule('@citation-js/plugin-bibtex/lib/input/file.js') as CitationJsBibtexGrammar;

/** citation-js's full BibTeX (biblatex) -> CSL-JSON conversion, as `new Cite(text)` does it. Throws on bad input. */
export function citationJsCsl(text: string): CslItem[] {
  return core.plugins.input.chain(text, { forceType: '@biblatex/text', generateGraph: false });
}

/** citation-js's raw entries, before LaTeX decoding and CSL mapping. Throws on bad input. */
export function citationJsRawEntries(text: string): CitationJsRawEntry[] {
  return grammar.parse(text);
}
