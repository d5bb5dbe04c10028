import * as vscode from 'vscode';
import type { PaperSource } from './paperSource';
import { MarkdownEditorTracker } from './markdownEditorTracker';
import { PaperActions } from './paperActions';
import { PaperSearchPicker, registerPaperCommands } from './paperCommands';
import { PAPER_VIEW_TYPE, PaperViewPanels, type PaperViewTiming } from '../paperView/paperViewPanels';
import { ClaimsTreeProvider } from '../claims/claimsTreeProvider';

/** What the paper views expose on the extension API (tests and the performance report read it). */
export interface PaperViewsApi {
  /** Command-to-content timings of the last paper view opens, newest last. */
  paperViewTimings(): readonly PaperViewTiming[];
  /** Keys of the papers with an open paper view. */
  openPaperViews(): string[];
}

/**
 * Builds the paper view, the Claims view, the search and the paper commands on one PaperSource, and hands every
 * disposable to the context. The Papers tree is built by its own module on the same source.
 */
export function registerPaperViews(
  context: vscode.ExtensionContext,
  output: vscode.OutputChannel,
  source: PaperSource,
  whenReady: () => Promise<unknown>,
): { api: PaperViewsApi; actions: PaperActions; panels: PaperViewPanels } {
  const markdown = new MarkdownEditorTracker();
  const actions = new PaperActions(source, markdown, output);
  const panels = new PaperViewPanels(context.extensionUri, source, actions, markdown, output, whenReady);
  const picker = new PaperSearchPicker(source, panels);
  const claims = new ClaimsTreeProvider(source);
  context.subscriptions.push(
    markdown,
    panels,
    picker,
    claims,
    vscode.window.registerWebviewPanelSerializer(PAPER_VIEW_TYPE, panels),
    vscode.window.createTreeView('paperNotes.claims', { treeDataProvider: claims, showCollapseAll: true }),
    ...registerPaperCommands(source, actions, panels, picker, whenReady),
  );
  return {
    api: { paperViewTimings: () => panels.timings(), openPaperViews: () => panels.openKeys() },
    actions,
    panels,
  };
}
