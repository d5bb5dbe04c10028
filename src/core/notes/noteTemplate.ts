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

/** A file name for a paper's note: the key with characters no file system accepts replaced by "-". */
export function noteFileName(key: string): string {
  const safe = [...key].map((char) => (char.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(char) ? '-' : char)).join('').replace(/^\.+/, '');
  return `${safe === '' ? 'note' : safe}.md`;
}

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

/**
 * Fills `{{name}}` and `{{name | yaml}}` placeholders. Unknown names are left as written, so a typo stays visible in
 * the note instead of silently vanishing.
 */
export function renderNoteTemplate(template: string, variables: NoteVariables): string {
  return template.replace(/\{\{\s*([A-Za-z]+)\s*(?:\|\s*(yaml)\s*)?\}\}/g, (whole, name: string, filter: string | undefined) => {
    if (!(NOTE_VARIABLE_NAMES as readonly string[]).includes(name)) return whole;
    const value = variables[name as keyof NoteVariables];
    if (filter === 'yaml') return yamlValue(value);
    return typeof value === 'string' ? value : value.join(', ');
  });
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
