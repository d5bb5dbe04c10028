import type { Claim } from '../claims/claim';
import type { CitationStyle } from '../cite/citationStyle';
import { formatCitation, missingFootnoteDefinitions } from '../cite/formatCitation';
import type { Paper } from '../library/paper';
import { displayClaims } from '../text/displayClaims';
import { displayText } from '../text/readingText';

/** The values a note template can use, as `{{name}}`, or `{{name | yaml}}` for a YAML-quoted value in front matter. */
export interface NoteVariables {
  readonly title: string;
  /** Authors joined with ", ". With `| yaml`: a YAML list. */
  readonly authors: readonly string[];
  readonly year: string;
  readonly arxiv: string;
  readonly arxivUrl: string;
  readonly doi: string;
  readonly key: string;
  readonly venue: string;
  readonly url: string;
  /** Code links joined with ", ". */
  readonly code: readonly string[];
  /** Category labels joined with ", ". With `| yaml`: a YAML list. */
  readonly categories: readonly string[];
  /** The in-text citation in `paperNotes.citation.style`, e.g. `[@gu2023mamba]` or `\cite{gu2023mamba}`. */
  readonly citation: string;
  /** The extracted claims as a Markdown checklist, one `- [ ]` line each. */
  readonly claims: string;
  readonly abstract: string;
  /** Today, YYYY-MM-DD. */
  readonly date: string;
}

/** Names of the template variables, for the README and for checking templates. */
export const NOTE_VARIABLE_NAMES: readonly (keyof NoteVariables)[] = [
  'title', 'authors', 'year', 'arxiv', 'arxivUrl', 'doi', 'key', 'venue', 'url', 'code', 'categories', 'citation', 'claims', 'abstract', 'date',
];

/** The built-in literature-note template. */
export const BUILT_IN_NOTE_TEMPLATE = `---
title: {{title | yaml}}
authors: {{authors | yaml}}
year: {{year}}
arxiv: {{arxiv | yaml}}
key: {{key | yaml}}
categories: {{categories | yaml}}
---

# {{title}}

{{citation}} · {{authors}} · {{year}}

## Claims

{{claims}}

## Summary

## Method

## Results

## Limitations

## Questions
`;

export { noteFileName } from './noteFileName';

export interface NoteContext {
  readonly claims: readonly Claim[];
  /** `paperNotes.citation.style`, for `{{citation}}`. */
  readonly style: CitationStyle;
  readonly categoryLabel: (id: string) => string;
  /** Today, YYYY-MM-DD. */
  readonly date: string;
}

/** The template variables for one paper. */
export function noteVariables(paper: Paper, context: NoteContext): NoteVariables {
  const seen = new Set<string>();
  const claimLines: string[] = [];
  for (const claim of displayClaims(paper.abstract, context.claims)) {
    const text = claim.text.replace(/\s+/g, ' ').trim();
    if (text === '' || seen.has(text)) continue;
    seen.add(text);
    claimLines.push(`- [ ] ${claim.kind}: ${text}`);
  }
  return {
    title: displayText(paper.title),
    authors: paper.authors,
    year: paper.year === undefined ? '' : String(paper.year),
    arxiv: paper.arxivId ?? '',
    arxivUrl: paper.arxivId === undefined ? '' : `https://arxiv.org/abs/${paper.arxivId}`,
    doi: paper.doi ?? '',
    key: paper.key,
    venue: paper.venue ?? '',
    url: paper.url ?? '',
    code: paper.codeUrls,
    categories: paper.categories.filter((category) => category.facet !== 'type').map((category) => context.categoryLabel(category.id)),
    citation: formatCitation([paper], context.style),
    claims: claimLines.length > 0 ? claimLines.join('\n') : '- [ ] (no claims found in the abstract)',
    abstract: displayText(paper.abstract),
    date: context.date,
  };
}

/** A YAML double-quoted scalar (JSON strings are valid YAML). */
function yamlString(value: string): string {
  return JSON.stringify(value);
}

function yamlValue(value: string | readonly string[]): string {
  return typeof value === 'string' ? yamlString(value) : `[${value.map(yamlString).join(', ')}]`;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*(?:\|\s*(yaml)\s*)?\}\}/g;

/** The offsets of a template's YAML front matter (between a first-line `---` and the next `---` or `...` line). */
function frontMatterRange(template: string): { start: number; end: number } | undefined {
  const open = /^---[ \t]*\r?\n/.exec(template);
  if (open === null) return undefined;
  const close = /^(?:---|\.\.\.)[ \t]*$/m;
  const rest = template.slice(open[0].length);
  const m = close.exec(rest);
  return m === null ? undefined : { start: open[0].length, end: open[0].length + m.index };
}

/** A placeholder that is a whole YAML value on its line: `title: {{title}}` or `- {{key}}`. */
function standsAloneAsValue(template: string, start: number, end: number): boolean {
  const lineStart = template.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = template.indexOf('\n', end);
  const before = template.slice(lineStart, start);
  const after = template.slice(end, lineEnd === -1 ? template.length : lineEnd);
  return /^\s*(?:[\w.-]+\s*:|-)\s+$/.test(before) && /^\s*$/.test(after.replace(/\r$/, ''));
}

/**
 * Fills `{{name}}` and `{{name | yaml}}` placeholders. Unknown names are left as written, so a typo stays visible in
 * the note instead of silently vanishing. In YAML front matter a value is always made safe: a placeholder that is a
 * whole value (`title: {{title}}`) is written as with `| yaml`, and one inside other text has its line breaks
 * folded (see `templateWarnings`), so a title can never add keys or break the front matter.
 */
export function renderNoteTemplate(template: string, variables: NoteVariables): string {
  const front = frontMatterRange(template);
  return template.replace(PLACEHOLDER, (whole, name: string, filter: string | undefined, offset: number) => {
    if (!(NOTE_VARIABLE_NAMES as readonly string[]).includes(name)) return whole;
    const value = variables[name as keyof NoteVariables];
    if (filter === 'yaml') return yamlValue(value);
    const inFront = front !== undefined && offset >= front.start && offset < front.end;
    // A year stays a YAML number; anything else a whole value could hold is quoted.
    if (inFront && standsAloneAsValue(template, offset, offset + whole.length) && !(typeof value === 'string' && /^\d*$/.test(value))) return yamlValue(value);
    const text = typeof value === 'string' ? value : value.join(', ');
    return inFront ? text.replace(/\s+/g, ' ') : text;
  });
}

/**
 * Problems of a template worth telling its author, with 1-based lines: placeholders inside a YAML value in front
 * matter without `| yaml` (a quote or a colon in a title can still break that value).
 */
export function templateWarnings(template: string): { line: number; message: string }[] {
  const front = frontMatterRange(template);
  if (front === undefined) return [];
  const warnings: { line: number; message: string }[] = [];
  for (const m of template.slice(0, front.end).matchAll(PLACEHOLDER)) {
    const offset = m.index ?? 0;
    if (offset < front.start || m[2] === 'yaml' || !(NOTE_VARIABLE_NAMES as readonly string[]).includes(m[1] ?? '')) continue;
    if (standsAloneAsValue(template, offset, offset + m[0].length)) continue;
    const line = template.slice(0, offset).split('\n').length;
    warnings.push({ line, message: `{{${m[1]}}} sits inside a front matter value without "| yaml"; a quote or colon in the paper's ${m[1]} can break the YAML. Make it the whole value: ${m[1]}: {{${m[1]} | yaml}}` });
  }
  return warnings;
}

/**
 * A paper's new literature note: the template filled in for it. In the footnote style a note that cites the paper
 * also gets the footnote's definition once at its end, as Insert Citation adds it.
 */
export function renderNote(template: string, paper: Paper, context: NoteContext): string {
  const note = renderNoteTemplate(template, noteVariables(paper, context));
  if (context.style !== 'footnote' || !note.includes(formatCitation([paper], 'footnote'))) return note;
  return note + missingFootnoteDefinitions(note, [paper]);
}
