import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import type { CitationLibrary } from '../citations/citationLibrary';
import type { CslStyleService } from '../csl/cslStyleService';
import { citationPreviewPlugin } from './markdownItCitations';

/** What `activate` returns for VS Code's Markdown preview (`markdown.markdownItPlugins`). */
export interface MarkdownPreviewApi {
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

/**
 * Citations in the built-in Markdown preview, formatted in the chosen CSL style. When the library or the style
 * changes, `markdown.api.reloadPlugins` makes open previews render again (their tokens stay cached; the citations
 * are formatted at render time).
 */
export function registerCitationPreview(
  context: vscode.ExtensionContext,
  styles: CslStyleService,
  library: CitationLibrary,
  output: vscode.OutputChannel,
): MarkdownPreviewApi {
  let timer: NodeJS.Timeout | undefined;
  const refresh = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void vscode.commands.executeCommand('markdown.api.reloadPlugins'), 100);
  };
  context.subscriptions.push(styles.onDidChange(refresh), library.onDidChange(refresh), { dispose: () => clearTimeout(timer) });
  return {
    extendMarkdownIt: (md) => citationPreviewPlugin(md, {
      formatterFor: (uri) => styles.formatterFor(uri === undefined ? undefined : vscode.Uri.parse(uri)),
      lookup: (key) => library.current().get(key),
      onRendered: ({ citations, ms }) => {
        if (citations > 0) output.appendLine(`Preview: formatted ${citations} citations in ${ms.toFixed(1)} ms.`);
      },
    }),
  };
}
