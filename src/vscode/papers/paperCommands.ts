import * as vscode from 'vscode';
import { inertText } from '../../core/view/inertText';
import type { Paper } from '../../core/library/paper';
import type { Claim } from '../../core/claims/claim';
import { PaperSearch } from '../../core/search/paperSearch';
import type { PaperMatch } from '../../core/search/paperSearch';
import type { PaperSource } from './paperSource';
import type { PaperActions } from './paperActions';
import type { PaperViewPanels } from '../paperView/paperViewPanels';
import { paperKeyFrom } from './paperArgument';
import { yieldToEventLoop } from './yieldToEventLoop';
import { displayText, readingText } from '../../core/text/readingText';
import { displayClaims } from '../../core/text/displayClaims';

/** Quick pick text renders `$(name)` as an icon; corpus text must not, so break the syntax with a zero-width space. */
/** Corpus text for the quick pick: no `$(icon)`, no control or bidi characters (see inertText). */
function withoutIcons(text: string): string {
  return inertText(text);
}

interface PaperPick extends vscode.QuickPickItem {
  readonly key: string;
}

const FIELD_ICONS: Readonly<Record<PaperMatch['field'], string>> = {
  title: 'book',
  key: 'key',
  authors: 'person',
  claims: 'quote',
  abstract: 'note',
};

/** A paper and its claims as a person reads them, for the search index. */
function readablePaper(paper: Paper, claims: readonly Claim[]): { paper: Paper; claims: readonly Claim[] } {
  const reading = readingText(paper.abstract);
  return { paper: { ...paper, title: displayText(paper.title), abstract: reading.text }, claims: displayClaims(paper.abstract, claims, reading) };
}

/** Search over the library as a quick pick; choosing a paper opens it. The index is rebuilt only when the library changes. */
export class PaperSearchPicker implements vscode.Disposable {
  private search: Promise<PaperSearch> | undefined;
  private readonly subscription: vscode.Disposable | undefined;

  constructor(
    private readonly source: PaperSource,
    private readonly panels: PaperViewPanels,
  ) {
    this.subscription = source.onDidChange?.(() => (this.search = undefined));
  }

  /** The search index, built in chunks on first use so a large library does not freeze the window. */
  private index(): Promise<PaperSearch> {
    if (!this.search) {
      const papers = this.source.papers();
      // Indexed as read: matches and snippets come from the clean reading text ("5× higher throughput").
      this.search = PaperSearch.build(papers.length, (index) => readablePaper(papers[index]!, this.source.claims(papers[index]!)), yieldToEventLoop);
    }
    return this.search;
  }

  private toPick(match: PaperMatch): PaperPick {
    const { paper } = match;
    const authors = paper.authors.slice(0, 6).join(', ') + (paper.authors.length > 6 ? ' et al.' : '');
    const detail =
      match.snippet !== undefined
        ? `$(${FIELD_ICONS[match.field]}) ${withoutIcons(match.snippet)}`
        : authors !== ''
          ? `$(person) ${withoutIcons(authors)}`
          : undefined;
    return {
      key: paper.key,
      label: withoutIcons(displayText(paper.title).replace(/\s+/g, ' ')),
      description: withoutIcons([paper.key, paper.year].filter((part) => part !== undefined).join(' · ')),
      ...(detail === undefined ? {} : { detail }),
      // The library's own ranking decides; the quick pick must not filter its results away again.
      alwaysShow: true,
    };
  }

  /** Shows the quick pick; resolves with the opened key, or undefined when dismissed. `initialQuery` pre-fills it (tests use it). */
  async pick(initialQuery = ''): Promise<string | undefined> {
    const quickPick = vscode.window.createQuickPick<PaperPick>();
    quickPick.title = 'Search Papers';
    quickPick.placeholder = 'Title, author, citation key, abstract or claim words';
    quickPick.matchOnDescription = false;
    quickPick.matchOnDetail = false;
    const index = this.index();
    let latest = 0;
    /** The query the items on show answer; Enter on another query's items (or none) must not pick from them. */
    let shownFor: string | undefined;
    const log = (event: string): void => this.panels.log.appendLine(`Search: ${event}`);
    const update = async (value: string): Promise<void> => {
      const request = ++latest;
      quickPick.busy = true;
      const items = (await index).search(value, 100).map((match) => this.toPick(match));
      // A slower earlier request must not overwrite the answer to what the user typed since.
      if (request !== latest) return;
      quickPick.items = items;
      shownFor = value;
      quickPick.busy = false;
    };
    /** Enter before the results for what was typed have arrived: open the best match for it, as the list would show. */
    const bestMatch = async (value: string): Promise<string | undefined> => {
      const key = (await index).search(value, 1)[0]?.paper.key;
      log(`Enter before the results for ${JSON.stringify(value.slice(0, 40))} were shown: opening the best match, ${key ?? 'none'}.`);
      return key;
    };
    quickPick.value = initialQuery;
    void update(initialQuery);
    const chosen = await new Promise<string | undefined>((resolve) => {
      quickPick.onDidChangeValue((value) => void update(value));
      let accepted = false;
      quickPick.onDidAccept(() => {
        accepted = true;
        const value = quickPick.value;
        if (shownFor === value) resolve((quickPick.selectedItems[0] ?? quickPick.activeItems[0])?.key);
        else void bestMatch(value).then(resolve);
      });
      // Once accepted, the choice stands even if the picker loses focus while the best match is looked up.
      quickPick.onDidHide(() => {
        if (!accepted) resolve(undefined);
      });
      quickPick.show();
    });
    quickPick.dispose();
    log(chosen === undefined ? 'closed without a choice.' : `opening ${chosen}.`);
    if (chosen !== undefined) this.panels.open(chosen);
    return chosen;
  }

  dispose(): void {
    this.subscription?.dispose();
  }
}

/**
 * Registers the paper commands shared by the tree, the Claims view, the search and the palette. Each takes a paper
 * key or a tree node; without one it asks through the search.
 */
export function registerPaperCommands(
  source: PaperSource,
  actions: PaperActions,
  panels: PaperViewPanels,
  picker: PaperSearchPicker,
  whenReady: () => Promise<unknown>,
): vscode.Disposable[] {
  const withPaper =
    (run: (paper: Paper) => unknown) =>
    async (argument?: unknown): Promise<void> => {
      await whenReady();
      const key = paperKeyFrom(argument) ?? (await picker.pick());
      if (key === undefined) return;
      const paper = source.paper(key);
      if (!paper) {
        void vscode.window.showWarningMessage(`No paper with the key "${inertText(key)}" in the library.`);
        return;
      }
      await run(paper);
    };
  return [
    vscode.commands.registerCommand('paperNotes.openPaper', async (argument?: unknown, claimIndex?: unknown) => {
      const started = performance.now();
      await whenReady();
      const key = paperKeyFrom(argument);
      if (key === undefined) return picker.pick();
      const focus = typeof claimIndex === 'number' && Number.isInteger(claimIndex) && claimIndex >= 0 ? claimIndex : undefined;
      return panels.open(key, focus, started);
    }),
    vscode.commands.registerCommand('paperNotes.search', async (query?: unknown) => {
      await whenReady();
      return picker.pick(typeof query === 'string' ? query : '');
    }),
    vscode.commands.registerCommand('paperNotes.insertPaperCitation', withPaper((paper) => actions.insertCitation(paper))),
    vscode.commands.registerCommand('paperNotes.copyPaperKey', withPaper((paper) => actions.copyKey(paper))),
    vscode.commands.registerCommand('paperNotes.copyPaperBibtex', withPaper((paper) => actions.copyBibtex(paper))),
    vscode.commands.registerCommand('paperNotes.openPaperOnArxiv', withPaper((paper) => actions.openOnArxiv(paper))),
  ];
}
