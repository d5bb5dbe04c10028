// The paper view's script. It only adds behaviour to the HTML the host rendered (already escaped): focus and
// keyboard navigation between claims, the claim tooltip, and typed messages to the host. It never builds HTML
// from strings; tooltip text goes in through textContent.
import type { HostMessage, PaperViewState, WebviewMessage } from '../shared/protocol';
import { parsePaperViewState } from '../shared/protocol';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  setState(state: PaperViewState): void;
  getState(): unknown;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('root');
const tooltip = document.getElementById('tooltip');
const initial = parsePaperViewState(JSON.parse(root?.dataset.state ?? 'null'));
// A panel that was hidden and shown again keeps the focus it had: setState outlives the document, data-state does not.
const saved = parsePaperViewState(vscode.getState());
let state: PaperViewState | undefined =
  initial.ok && saved.ok && saved.value.key === initial.value.key ? saved.value : initial.ok ? initial.value : undefined;

function post(message: WebviewMessage): void {
  vscode.postMessage(message);
}

function anchors(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('mark.claim[data-anchor]')];
}

function rows(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('tr.claim-row')];
}

function claimsOf(element: Element): number[] {
  return (element.getAttribute('data-claims') ?? element.getAttribute('data-claim') ?? '')
    .split(' ')
    .filter((part) => part !== '')
    .map(Number);
}

function anchorFor(claimIndex: number): HTMLElement | undefined {
  return anchors().find((mark) => (mark.dataset.anchor ?? '').split(' ').map(Number).includes(claimIndex));
}

function rowFor(claimIndex: number): HTMLElement | undefined {
  return rows().find((row) => Number(row.dataset.claim) === claimIndex);
}

function saveState(): void {
  if (state) vscode.setState(state);
}

/** Marks claim `claimIndex` as the focused one in the abstract and the table; optionally moves keyboard focus to it. */
function focusClaim(claimIndex: number | null, options: { moveFocus: 'abstract' | 'table' | 'none'; notify: boolean }): void {
  for (const element of document.querySelectorAll('.focused')) element.classList.remove('focused');
  if (claimIndex !== null) {
    for (const mark of document.querySelectorAll('mark.claim')) {
      if (claimsOf(mark).includes(claimIndex)) mark.classList.add('focused');
    }
    const row = rowFor(claimIndex);
    row?.classList.add('focused');
    const anchor = anchorFor(claimIndex);
    const target = options.moveFocus === 'table' ? row : anchor ?? row;
    target?.scrollIntoView({ block: 'center' });
    if (options.moveFocus !== 'none') target?.focus({ preventScroll: true });
  }
  if (state) {
    state = claimIndex === null ? { key: state.key } : { key: state.key, focusClaim: claimIndex };
    saveState();
  }
  if (options.notify) post({ type: 'focusChanged', claimIndex });
}

// Tooltips: the host put the description in `title` (a fallback without script); take it over so the
// description shows on keyboard focus too and is announced through aria-describedby.
for (const element of document.querySelectorAll<HTMLElement>('tr.claim-row[title], .chip[title]')) {
  element.dataset.tip = element.getAttribute('title') ?? '';
  element.removeAttribute('title');
}

/** A highlight's tooltip: the descriptions of every claim covering it, taken from their table rows. */
function tipFor(target: HTMLElement): string {
  if (!target.matches('mark.claim')) return target.dataset.tip ?? '';
  return claimsOf(target)
    .map((index) => rowFor(index)?.dataset.tip ?? '')
    .filter((tip) => tip !== '')
    .join('\n\n');
}

function showTooltip(target: HTMLElement): void {
  const text = tipFor(target);
  if (!tooltip || text === '') return;
  tooltip.textContent = text;
  tooltip.hidden = false;
  target.setAttribute('aria-describedby', 'tooltip');
  // Under the last line of a highlight that wraps, not under the box around all its lines.
  const rects = target.getClientRects();
  const box = rects.length > 0 ? rects[rects.length - 1]! : target.getBoundingClientRect();
  const top = box.bottom + window.scrollY + 6;
  const left = Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + window.innerWidth - tooltip.offsetWidth - 8));
  tooltip.style.top = `${top}px`;
  tooltip.style.left = `${left}px`;
}

function hideTooltip(): void {
  if (!tooltip) return;
  tooltip.hidden = true;
  for (const element of document.querySelectorAll('[aria-describedby="tooltip"]')) element.removeAttribute('aria-describedby');
}

function tipTarget(event: Event): HTMLElement | null {
  return event.target instanceof Element ? event.target.closest<HTMLElement>('[data-tip], mark.claim') : null;
}

document.addEventListener('mouseover', (event) => {
  const target = tipTarget(event);
  if (target) showTooltip(target);
});
document.addEventListener('mouseout', (event) => {
  if (tipTarget(event)) hideTooltip();
});
document.addEventListener('focusin', (event) => {
  const target = tipTarget(event);
  if (target) showTooltip(target);
  else hideTooltip();
});

document.addEventListener('click', (event) => {
  if (!(event.target instanceof Element)) return;
  const link = event.target.closest<HTMLElement>('a[data-url]');
  if (link) {
    // The host checks the scheme again and opens the link itself.
    event.preventDefault();
    post({ type: 'openLink', url: link.dataset.url ?? '' });
    return;
  }
  if (event.target.closest('a')) {
    event.preventDefault();
    return;
  }
  const button = event.target.closest<HTMLElement>('button[data-action]');
  if (button) {
    runAction(button);
    return;
  }
  const mark = event.target.closest<HTMLElement>('mark.claim');
  if (mark) {
    focusClaim(claimsOf(mark)[0] ?? null, { moveFocus: 'none', notify: true });
    return;
  }
  const row = event.target.closest<HTMLElement>('tr.claim-row');
  if (row) focusClaim(Number(row.dataset.claim), { moveFocus: 'abstract', notify: true });
});

function runAction(button: HTMLElement): void {
  switch (button.dataset.action) {
    case 'insertCitation':
      post({ type: 'insertCitation' });
      break;
    case 'copyBibtex':
      post({ type: 'copyBibtex' });
      break;
    case 'copyKey':
      post({ type: 'copyKey' });
      break;
    case 'openNote':
      post({ type: 'openNote' });
      break;
    case 'openLink':
      post({ type: 'openLink', url: button.dataset.url ?? '' });
      break;
    case 'citeClaim':
      post({ type: 'citeClaim', claimIndex: Number(button.dataset.claim) });
      break;
  }
}

function moveWithin(list: HTMLElement[], current: HTMLElement, key: string): HTMLElement | undefined {
  const index = list.indexOf(current);
  if (key === 'Home') return list[0];
  if (key === 'End') return list[list.length - 1];
  const step = key === 'ArrowDown' || key === 'ArrowRight' ? 1 : key === 'ArrowUp' || key === 'ArrowLeft' ? -1 : 0;
  return step === 0 ? undefined : list[Math.min(list.length - 1, Math.max(0, index + step))];
}

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') {
    hideTooltip();
    return;
  }
  const target = event.target instanceof HTMLElement ? event.target : null;
  if (!target) return;
  if (target.matches('mark.claim[data-anchor]')) {
    // Arrow keys walk the highlights in reading order; Enter jumps to the claim's row in the table.
    const next = moveWithin(anchors(), target, event.key);
    if (next) {
      event.preventDefault();
      next.focus();
      focusClaim(Number((next.dataset.anchor ?? '').split(' ')[0]), { moveFocus: 'none', notify: true });
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      focusClaim(Number((target.dataset.anchor ?? '').split(' ')[0]), { moveFocus: 'table', notify: true });
    }
  } else if (target.matches('tr.claim-row')) {
    // Up/down walk the rows; Enter shows the claim in the abstract; C cites it.
    const next = event.key === 'ArrowLeft' || event.key === 'ArrowRight' ? undefined : moveWithin(rows(), target, event.key);
    if (next) {
      event.preventDefault();
      next.focus();
      focusClaim(Number(next.dataset.claim), { moveFocus: 'none', notify: true });
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      focusClaim(Number(target.dataset.claim), { moveFocus: 'abstract', notify: true });
    } else if (event.key === 'c' || event.key === 'C') {
      event.preventDefault();
      post({ type: 'citeClaim', claimIndex: Number(target.dataset.claim) });
    }
  }
});

function isHostMessage(data: unknown): data is HostMessage {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as { type?: unknown; claimIndex?: unknown; canInsert?: unknown; canOpenNote?: unknown };
  if (message.type === 'focusClaim') return typeof message.claimIndex === 'number' && Number.isInteger(message.claimIndex);
  if (message.type === 'capabilities') return typeof message.canInsert === 'boolean' && typeof message.canOpenNote === 'boolean';
  return false;
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (!isHostMessage(event.data)) return;
  const message = event.data;
  switch (message.type) {
    case 'focusClaim':
      focusClaim(message.claimIndex, { moveFocus: 'abstract', notify: false });
      break;
    case 'capabilities': {
      const note = document.querySelector<HTMLElement>('button[data-action="openNote"]');
      if (note) note.hidden = !message.canOpenNote;
      for (const button of document.querySelectorAll<HTMLElement>('button[data-action="insertCitation"], button[data-action="citeClaim"]')) {
        button.classList.toggle('no-target', !message.canInsert);
      }
      break;
    }
  }
});

if (state) {
  saveState();
  if (state.focusClaim !== undefined) focusClaim(state.focusClaim, { moveFocus: 'abstract', notify: false });
  post({ type: 'ready', key: state.key });
}
