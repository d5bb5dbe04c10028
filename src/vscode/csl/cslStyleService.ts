import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CitationFormatter } from '../../core/cite/csl/citationFormatter';
import { CslStyleError, DEFAULT_CSL_LOCALE, DEFAULT_CSL_STYLE } from '../../core/cite/csl/cslStyle';
import { CslFiles } from '../../node/cslFiles';

/**
 * The CSL style and locale chosen for a document (`paperNotes.citation.cslStyle`, `paperNotes.citation.locale`,
 * resource-scoped), as a ready formatter. A path is read relative to the document's workspace folder. A missing or
 * broken style is reported once (error message and output) and the default style is used instead. Formatters are kept
 * until the settings or a workspace `.csl` file change; then {@link onDidChange} fires.
 */
export class CslStyleService implements vscode.Disposable {
  private readonly files: CslFiles;
  private readonly formatters = new Map<string, CitationFormatter>();
  private readonly reported = new Set<string>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];

  /** Fires when the chosen style, the locale or a `.csl` file in the workspace changed. */
  readonly onDidChange = this.changed.event;

  constructor(extensionPath: string, private readonly output: vscode.OutputChannel) {
    this.files = new CslFiles(path.join(extensionPath, 'dist', 'csl'));
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.csl');
    const reset = () => {
      this.formatters.clear();
      this.reported.clear();
      this.changed.fire();
    };
    this.disposables.push(
      this.changed,
      watcher,
      watcher.onDidChange(reset),
      watcher.onDidCreate(reset),
      watcher.onDidDelete(reset),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('paperNotes.citation.cslStyle') || event.affectsConfiguration('paperNotes.citation.locale')) reset();
      }),
    );
  }

  /** The formatter for a document (or the first workspace folder's settings when there is none). */
  formatterFor(resource?: vscode.Uri): CitationFormatter {
    const config = vscode.workspace.getConfiguration('paperNotes.citation', resource);
    const spec = (config.get<string>('cslStyle') ?? DEFAULT_CSL_STYLE).trim() || DEFAULT_CSL_STYLE;
    const locale = (config.get<string>('locale') ?? DEFAULT_CSL_LOCALE).trim() || DEFAULT_CSL_LOCALE;
    const folder = (resource && vscode.workspace.getWorkspaceFolder(resource)) ?? vscode.workspace.workspaceFolders?.[0];
    const baseDir = folder?.uri.fsPath ?? (resource?.scheme === 'file' ? path.dirname(resource.fsPath) : process.cwd());
    const cacheKey = `${baseDir}\n${spec}\n${locale}`;
    let formatter = this.formatters.get(cacheKey);
    if (formatter === undefined) {
      try {
        formatter = this.files.formatter(this.files.style(spec, baseDir), locale);
      } catch (error) {
        if (!(error instanceof CslStyleError)) throw error;
        this.report(`Paper Notes: citation style ${error.message}. Using ${DEFAULT_CSL_STYLE} instead.`);
        formatter = this.files.formatter(this.files.bundledStyle(DEFAULT_CSL_STYLE), locale);
      }
      this.formatters.set(cacheKey, formatter);
    }
    return formatter;
  }

  private report(message: string): void {
    this.output.appendLine(message);
    if (this.reported.has(message)) return;
    this.reported.add(message);
    void vscode.window.showErrorMessage(message, 'Open Settings').then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'paperNotes.citation.cslStyle');
    });
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
