import type { Paper } from '../library/paper';
import type { Claim, ClaimKind } from '../claims/claim';
import { CLAIM_KINDS } from '../claims/claim';
import type { CategoryId } from '../categories/category';
import { escapeAttribute, escapeHtml, isSafeExternalUrl } from './html';
import { visibleText } from './inertText';
import { segmentAbstract, type SegmentedAbstract } from './abstractSegments';
import { CLAIM_KIND_LABELS, describeClaim, formatClaimValue } from './claimDescription';
import { explainAssignment, FACET_LABELS, humanizeCategoryId } from './categoryText';
import { displayClaims } from '../text/displayClaims';
import { displayText, readingText } from '../text/readingText';

/** Everything the paper view shows for one paper. */
export interface PaperViewModel {
  readonly paper: Paper;
  readonly claims: readonly Claim[];
  /** Notes from the claim extractor (what it skipped or was unsure about). */
  readonly extractorNotes?: readonly string[];
  readonly categoryLabel?: (id: CategoryId) => string;
}

/** The arXiv abstract page for an id, or undefined when the id does not look like one. */
export function arxivUrl(arxivId: string | undefined): string | undefined {
  if (arxivId === undefined) return undefined;
  return /^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})(v\d+)?$/.test(arxivId) ? `https://arxiv.org/abs/${arxivId}` : undefined;
}

function link(url: string, text: string, label: string): string {
  // Unsafe schemes render as plain text: no anchor exists for a click to follow.
  if (!isSafeExternalUrl(url)) return `<span class="unsafe-link" title="${escapeAttribute(`Not a web link: ${url}`)}">${escapeHtml(text)}</span>`;
  return `<a href="${escapeAttribute(url)}" data-url="${escapeAttribute(url)}" aria-label="${escapeAttribute(label)}">${escapeHtml(text)}</a>`;
}

function icon(name: string): string {
  return `<span class="codicon codicon-${name}" aria-hidden="true"></span>`;
}

function renderHeader(model: PaperViewModel): string {
  const { paper } = model;
  const label = model.categoryLabel ?? humanizeCategoryId;
  const meta: string[] = [];
  if (paper.year !== undefined) meta.push(`<span class="year">${escapeHtml(String(paper.year))}</span>`);
  if (paper.venue) meta.push(`<span class="venue">${escapeHtml(paper.venue)}</span>`);
  const arxiv = arxivUrl(paper.arxivId);
  if (arxiv) meta.push(link(arxiv, `arXiv:${paper.arxivId}`, `Open arXiv ${paper.arxivId}`));
  else if (paper.url) meta.push(link(paper.url, 'Paper page', 'Open the paper page'));
  paper.codeUrls.forEach((url, index) =>
    meta.push(link(url, paper.codeUrls.length > 1 ? `Code ${index + 1}` : 'Code', `Open the code: ${url}`)),
  );
  const chips = paper.categories
    .map((assignment) => {
      const name = label(assignment.id);
      const why = `${FACET_LABELS[assignment.facet]}: ${name}\nWhy: ${explainAssignment(assignment)}`;
      return `<li class="chip facet-${escapeAttribute(assignment.facet)}" tabindex="0" dir="auto" title="${escapeAttribute(why)}" aria-label="${escapeAttribute(`${name} (${FACET_LABELS[assignment.facet]}). Why: ${explainAssignment(assignment)}`)}">${escapeHtml(name)}</li>`;
    })
    .join('');
  return [
    '<header class="paper-header">',
    // Bidi overrides in a title or an author would reverse what follows them: shown by name instead (see visibleText).
    `<h1 id="paper-title" dir="auto">${escapeHtml(visibleText(paper.title))}</h1>`,
    `<p class="authors" dir="auto">${escapeHtml(paper.authors.length > 0 ? visibleText(paper.authors.join(', ')) : 'Unknown authors')}</p>`,
    `<p class="meta">${meta.join('<span class="sep" aria-hidden="true"> · </span>')} <span class="key" title="Citation key">${escapeHtml(`@${paper.key}`)}</span></p>`,
    chips === '' ? '' : `<ul class="chips" aria-label="Categories">${chips}</ul>`,
    '</header>',
  ].join('');
}

function renderToolbar(model: PaperViewModel): string {
  const arxiv = arxivUrl(model.paper.arxivId);
  const button = (action: string, codicon: string, text: string, extra = ''): string =>
    `<button type="button" class="action" data-action="${action}"${extra}>${icon(codicon)}<span>${escapeHtml(text)}</span></button>`;
  return [
    '<div class="toolbar" role="toolbar" aria-label="Paper actions">',
    button('insertCitation', 'quote', 'Insert Citation', ' title="Insert the citation into the last active Markdown editor"'),
    button('copyBibtex', 'copy', 'Copy BibTeX'),
    button('copyKey', 'key', 'Copy Citation Key'),
    arxiv ? button('openLink', 'link-external', 'Open on arXiv', ` data-url="${escapeAttribute(arxiv)}"`) : '',
    button('openNote', 'note', 'Open Note', ' hidden'),
    '</div>',
  ].join('');
}

function renderAbstract(model: PaperViewModel, segments: SegmentedAbstract['segments']): string {
  const parts = segments.map((segment) => {
    const text = escapeHtml(segment.text);
    if (segment.claims.length === 0) return text;
    const primary = model.claims[segment.claims[0]!]!;
    const kinds = segment.claims.map((index) => model.claims[index]!.kind);
    const anchorAttrs =
      segment.anchors.length > 0
        ? ` tabindex="0" data-anchor="${segment.anchors.join(' ')}" id="claim-${segment.anchors[0]}"`
        : '';
    const spoken = segment.anchors.length > 0 ? `<span class="sr-only"> (${escapeHtml(kinds.join(', '))} claim)</span>` : '';
    // No title here: the tooltip is built from the claims' rows (one description per claim, not one per run of text),
    // which keeps a 200 KB abstract with thousands of claims to a few MB of HTML.
    return `<mark class="claim kind-${escapeAttribute(primary.kind)}${segment.claims.length > 1 ? ' overlap' : ''}" data-kind="${escapeAttribute(primary.kind)}" data-claims="${segment.claims.join(' ')}"${anchorAttrs}>${text}${spoken}</mark>`;
  });
  return `<p class="abstract" id="abstract" dir="auto">${parts.join('')}</p>`;
}

function renderLegend(claims: readonly Claim[]): string {
  const counts = new Map<ClaimKind, number>();
  for (const claim of claims) counts.set(claim.kind, (counts.get(claim.kind) ?? 0) + 1);
  if (counts.size === 0) return '<p class="legend empty">No claims were found in this abstract.</p>';
  const items = CLAIM_KINDS.filter((kind) => counts.has(kind)).map(
    (kind) =>
      `<li class="legend-item"><span class="swatch kind-${escapeAttribute(kind)}" aria-hidden="true"></span>${escapeHtml(CLAIM_KIND_LABELS[kind])} <span class="count">${counts.get(kind)}</span></li>`,
  );
  return `<ul class="legend" aria-label="Claim kinds">${items.join('')}</ul>`;
}

function renderClaimsTable(model: PaperViewModel): string {
  if (model.claims.length === 0) return '';
  const rows = model.claims.map((claim, index) => {
    const label = CLAIM_KIND_LABELS[claim.kind] ?? claim.kind;
    return [
      `<tr class="claim-row" data-claim="${index}" tabindex="0" title="${escapeAttribute(describeClaim(claim).join('\n'))}">`,
      `<td><span class="kind-badge kind-${escapeAttribute(claim.kind)}">${escapeHtml(label)}</span></td>`,
      `<td class="claim-text" dir="auto">${escapeHtml(claim.text)}${claim.occurrences === undefined ? '' : ` <span class="count" title="Made ${claim.occurrences} times in the abstract">×${claim.occurrences}</span>`}</td>`,
      `<td class="claim-value">${escapeHtml(formatClaimValue(claim)) || '—'}</td>`,
      `<td class="claim-baseline" dir="auto">${escapeHtml(claim.baseline ?? '—')}</td>`,
      `<td class="claim-actions"><button type="button" class="icon-button" data-action="citeClaim" data-claim="${index}" title="Cite This Claim">${icon('quote')}<span>Cite</span></button></td>`,
      '</tr>',
    ].join('');
  });
  return [
    '<table class="claims" aria-label="Claims">',
    '<thead><tr><th scope="col">Kind</th><th scope="col">Claim</th><th scope="col">Value</th><th scope="col">Baseline</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>',
    `<tbody>${rows.join('')}</tbody>`,
    '</table>',
  ].join('');
}

/** Notes about the extraction that a reader should know: the extractor's own, plus claims that could not be placed. */
export function extractorNotes(model: PaperViewModel, segmented = segmentAbstract(model.paper.abstract, model.claims)): string[] {
  const notes = [...(model.extractorNotes ?? [])];
  const { unplaced, segments } = segmented;
  for (const index of unplaced) notes.push(`Claim ${index + 1} has offsets outside the abstract, so it is listed but not highlighted.`);
  const overlapping = new Set<number>();
  for (const segment of segments) if (segment.claims.length > 1) segment.claims.forEach((index) => overlapping.add(index));
  if (overlapping.size > 0) {
    const list = [...overlapping].sort((a, b) => a - b).map((index) => index + 1);
    notes.push(`Claims ${list.join(', ')} overlap; the shortest one sets the colour and the tooltip lists them all.`);
  }
  const rules = [...new Set(model.claims.map((claim) => claim.ruleId))].sort();
  notes.push(
    model.claims.length === 0
      ? 'The extractor found no claims in this abstract.'
      : `${model.claims.length} claim${model.claims.length === 1 ? '' : 's'} from ${rules.length} rule${rules.length === 1 ? '' : 's'}: ${rules.join(', ')}.`,
  );
  return notes;
}

/**
 * The model as a reader sees it: title and abstract in their clean reading text, and each claim's span, text,
 * sentence and baseline mapped into it (indices unchanged, so the webview's claim numbers still name the same claims).
 */
function displayModel(model: PaperViewModel): PaperViewModel {
  const reading = readingText(model.paper.abstract);
  return {
    ...model,
    paper: { ...model.paper, title: displayText(model.paper.title), abstract: reading.text },
    claims: displayClaims(model.paper.abstract, model.claims, reading),
  };
}

/**
 * The paper view's body as HTML: title, abstract and claims in their clean reading text (`5×`, not `5times`). Every corpus string goes through escapeHtml/escapeAttribute, links are emitted
 * only for http(s) URLs, and no inline script or style is produced, so the webview's strict CSP holds.
 */
export function renderPaperBody(rawModel: PaperViewModel): string {
  const model = displayModel(rawModel);
  const segmented = segmentAbstract(model.paper.abstract, model.claims);
  const notes = extractorNotes(model, segmented).map((note) => `<li>${escapeHtml(note)}</li>`).join('');
  return [
    '<main class="paper" aria-labelledby="paper-title">',
    renderHeader(model),
    renderToolbar(model),
    '<section class="abstract-section" aria-labelledby="abstract-heading">',
    '<h2 id="abstract-heading">Abstract</h2>',
    renderLegend(model.claims),
    renderAbstract(model, segmented.segments),
    '</section>',
    '<section class="claims-section" aria-labelledby="claims-heading">',
    `<h2 id="claims-heading">Claims <span class="count">${model.claims.length}</span></h2>`,
    renderClaimsTable(model),
    '</section>',
    '<section class="notes-section" aria-labelledby="notes-heading">',
    '<h2 id="notes-heading">Extractor notes</h2>',
    `<ul class="notes">${notes}</ul>`,
    '</section>',
    '<div id="tooltip" class="tooltip" role="tooltip" hidden></div>',
    '</main>',
  ].join('');
}
