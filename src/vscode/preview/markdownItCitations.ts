// The Markdown preview's citations: a markdown-it plugin (no `vscode` import, so it runs under plain markdown-it in
// unit tests). VS Code caches a document's tokens and renders them again when the library or style changes, so the
// parse step only marks where citations are; they are formatted in the render step, all at once.
import type MarkdownIt from 'markdown-it';
import type { CitationFormatter } from '../../core/cite/csl/citationFormatter';
import { paperLink } from '../../core/cite/formatReference';
import { parsePandocCitationsInText, type PandocCitation } from '../../core/cite/pandocCitations';
import { REFERENCES_END_MARKER, REFERENCES_START_MARKER } from '../../core/cite/referencesSection';
import type { Paper } from '../../core/library/paper';

type StateCore = Parameters<Parameters<MarkdownIt['core']['ruler']['push']>[1]>[0];
type Token = StateCore['tokens'][number];

export const CITATION_TOKEN = 'paper_notes_citation';
export const BIBLIOGRAPHY_TOKEN = 'paper_notes_bibliography';

/** What the plugin asks at render time: the style for the document being rendered, and the papers. */
export interface CitationPreviewSource {
  /** `documentUri` is VS Code's `env.currentDocument` (undefined outside the preview). */
  formatterFor(documentUri: string | undefined): CitationFormatter;
  lookup(key: string): Paper | undefined;
  /** Told how long each render's citation work took (for the log and the bench). */
  onRendered?(timing: { citations: number; ms: number }): void;
}

interface RenderState {
  readonly html: Map<Token, string>;
  readonly bibliography: string;
  placed: boolean;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Splits text tokens at Pandoc citations into text and citation tokens (each keeps its parsed citation in `meta`). */
function markCitations(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children || !block.content.includes('@')) continue;
    const children: Token[] = [];
    for (const child of block.children) {
      const citations = child.type === 'text' ? parsePandocCitationsInText(child.content) : [];
      if (citations.length === 0) {
        children.push(child);
        continue;
      }
      let cursor = 0;
      const text = (content: string) => {
        if (content === '') return;
        const token = new state.Token('text', '', 0);
        token.content = content;
        children.push(token);
      };
      for (const citation of citations) {
        text(child.content.slice(cursor, citation.start));
        const token = new state.Token(CITATION_TOKEN, '', 0);
        token.content = child.content.slice(citation.start, citation.end);
        token.meta = citation;
        children.push(token);
        cursor = citation.end;
      }
      text(child.content.slice(cursor));
    }
    block.children = children;
  }
}

const REFS_DIV = /^:::+[ \t]*\{[^}\n]*#refs\b[^}\n]*\}[ \t]*\n:::+$/;

/**
 * Marks where the bibliography goes, as Pandoc places it: a `::: {#refs}` div, else our References markers (the list
 * between them is replaced by the live bibliography), else nothing (it is appended at the end).
 */
function markBibliography(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i]!.type === 'paragraph_open' && tokens[i + 1]!.type === 'inline' && REFS_DIV.test(tokens[i + 1]!.content.trim())) {
      tokens.splice(i, 3, new state.Token(BIBLIOGRAPHY_TOKEN, '', 0));
      return;
    }
  }
  const start = tokens.findIndex((token) => token.type === 'html_block' && token.content.trim() === REFERENCES_START_MARKER);
  if (start < 0) return;
  const end = tokens.findIndex((token, i) => i > start && token.type === 'html_block' && token.content.trim() === REFERENCES_END_MARKER);
  if (end < 0) return;
  tokens.splice(start + 1, end - start - 1, new state.Token(BIBLIOGRAPHY_TOKEN, '', 0));
}

function bibliographyHtml(entries: ReadonlyArray<{ key: string; text: string }>, lookup: (key: string) => Paper | undefined): string {
  if (entries.length === 0) return '';
  const items = entries.map(({ key, text }) => {
    const paper = lookup(key);
    const link = paper ? paperLink(paper) : undefined;
    const label = paper?.arxivId ? `arXiv:${paper.arxivId}` : paper?.doi ? `doi:${paper.doi}` : 'link';
    // The entry links to arXiv or the DOI even when the style prints no URL.
    const trailer = link && !text.includes(`href="${escapeHtml(link)}"`)
      ? ` <a class="paper-notes-bib-link" href="${escapeHtml(link)}">${escapeHtml(label)}</a>`
      : '';
    // In a numeric style's two-column entry the link belongs to the text column.
    const body = trailer !== '' && text.includes('<div class="csl-right-inline">') && text.endsWith('</div>')
      ? `${text.slice(0, -'</div>'.length)}${trailer}</div>`
      : `${text}${trailer}`;
    return `<div class="csl-entry" id="ref-${escapeHtml(encodeURIComponent(key))}">${body}</div>`;
  });
  return `<div id="refs" class="references csl-bib-body paper-notes-bibliography">\n${items.join('\n')}\n</div>\n`;
}

/** Adds Pandoc citations, formatted in the chosen CSL style, and their bibliography to a markdown-it instance. */
export function citationPreviewPlugin(md: MarkdownIt, source: CitationPreviewSource): MarkdownIt {
  const coreRules = (md.core.ruler as unknown as { __rules__: Array<{ name: string }> }).__rules__.map((rule) => rule.name);
  const after = coreRules.includes('text_join') ? 'text_join' : coreRules[coreRules.length - 1]!;
  md.core.ruler.after(after, 'paper_notes_citations', (state) => {
    markCitations(state);
    markBibliography(state);
  });

  const stateOf = (env: unknown): RenderState | undefined => (env as { paperNotesCitations?: RenderState } | undefined)?.paperNotesCitations;
  md.renderer.rules[CITATION_TOKEN] = (tokens, idx, _options, env) => {
    const token = tokens[idx]!;
    const html = stateOf(env)?.html.get(token) ?? escapeHtml(token.content);
    return `<span class="paper-notes-citation" data-citation="${escapeHtml(token.content)}">${html}</span>`;
  };
  md.renderer.rules[BIBLIOGRAPHY_TOKEN] = (_tokens, _idx, _options, env) => {
    const state = stateOf(env);
    if (!state || state.placed) return '';
    state.placed = true;
    return state.bibliography;
  };

  const render = md.renderer.render.bind(md.renderer);
  md.renderer.render = (tokens, options, env) => {
    const started = performance.now();
    const citationTokens: Token[] = [];
    for (const token of tokens) {
      if (token.type === 'inline' && token.children) for (const child of token.children) if (child.type === CITATION_TOKEN) citationTokens.push(child);
    }
    const environment = (env ?? {}) as { currentDocument?: { toString(): string }; paperNotesCitations?: RenderState };
    const rendered = citationTokens.length === 0 ? undefined
      : source.formatterFor(environment.currentDocument?.toString()).render(citationTokens.map((token) => token.meta as PandocCitation), (key) => source.lookup(key), 'html');
    const state: RenderState = {
      html: new Map(citationTokens.map((token, i) => [token, rendered!.citations[i]!])),
      bibliography: rendered ? bibliographyHtml(rendered.bibliography, (key) => source.lookup(key)) : '',
      placed: false,
    };
    environment.paperNotesCitations = state;
    let html = render(tokens, options, environment);
    // A superscript citation takes the place of the space before it, as Pandoc places it.
    html = html.replace(/[ \t]+(<span class="paper-notes-citation" data-citation="[^"]*">(?:<a [^>]*>)?<sup>)/g, '$1');
    if (!state.placed && state.bibliography !== '') html += state.bibliography;
    source.onRendered?.({ citations: citationTokens.length, ms: performance.now() - started });
    return html;
  };
  return md;
}
