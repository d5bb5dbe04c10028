import * as vscode from 'vscode';
import { citationCompletionContext } from '../../core/cite/completionContext';
import { isOpaqueAt } from '../../core/cite/markdownChunks';
import { isPlainPandocKey } from '../../core/cite/scanCitations';
import { paperSummaryMarkdown } from '../../core/cite/paperSummary';
import type { CitationLibrary } from './citationLibrary';
import { displayText } from '../../core/text/readingText';

/** Characters that open or continue a citation: `[@`, `@`, `;` in a group, `{` and `,` in `\cite{…}`. */
export const CITATION_TRIGGER_CHARACTERS = ['@', '[', ';', '{', ','];

const COMPLETION_LIMIT = 50;

/**
 * Completes citation keys after `[@`, `@` at a word start, `;` inside a group and in `\cite{…}`, ranked by the
 * library's fuzzy index. Silent in e-mail addresses, URLs, code and HTML. Offers a `cite` entry that starts a
 * Pandoc citation for people who type.
 */
export class CitationCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly library: CitationLibrary) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionList | undefined> {
    await this.library.whenReady();
    const text = document.getText();
    const offset = document.offsetAt(position);
    const context = citationCompletionContext(text, offset);
    if (!context) return this.citeEntry(document, position, text, offset);

    const range = new vscode.Range(document.positionAt(context.start), document.positionAt(context.end));
    const items = this.library.current().search(context.prefix, COMPLETION_LIMIT).map((hit, rank) => {
      const paper = hit.paper;
      const item = new vscode.CompletionItem({ label: paper.key, description: paper.year === undefined ? undefined : String(paper.year) }, vscode.CompletionItemKind.Reference);
      item.detail = `${displayText(paper.title)}${paper.year === undefined ? '' : ` (${paper.year})`}`;
      item.documentation = new vscode.MarkdownString(paperSummaryMarkdown(paper, this.library.topClaims(paper)));
      item.range = range;
      // The index already ranked and filtered: keep its order and let every item through VS Code's own filter.
      item.sortText = String(rank).padStart(4, '0');
      item.filterText = context.prefix;
      item.insertText = context.syntax === 'pandoc' && !isPlainPandocKey(paper.key) ? `{${paper.key}}` : paper.key;
      return item;
    });
    // Incomplete: every keystroke asks again, so ranking runs over the whole library, not over this page.
    return new vscode.CompletionList(items, true);
  }

  /** `cite` -> `[@|]` and open the key completion, when typing a word outside code. */
  private citeEntry(document: vscode.TextDocument, position: vscode.Position, text: string, offset: number): vscode.CompletionList | undefined {
    const wordRange = document.getWordRangeAtPosition(position, /[A-Za-z]+/);
    const word = wordRange ? document.getText(wordRange) : '';
    if (word.length < 2 || !'cite'.startsWith(word.toLowerCase()) || isOpaqueAt(text, offset)) return undefined;
    const item = new vscode.CompletionItem('cite', vscode.CompletionItemKind.Snippet);
    item.detail = 'Insert a Pandoc citation [@key]';
    item.insertText = new vscode.SnippetString('[@$0]');
    item.range = wordRange;
    item.command = { command: 'editor.action.triggerSuggest', title: 'Suggest citation keys' };
    return new vscode.CompletionList([item], false);
  }
}
