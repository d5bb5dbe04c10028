import * as vscode from 'vscode';

/**
 * VS Code's Markdown link validation (`markdown.validate.enabled`) reads `[@key]` as a shortcut reference link and
 * reports "No link definition found: '@key'"; its `markdown.validate.ignoredLinks` globs do not apply to
 * reference links. The documented switch is `markdown.validate.referenceLinks.enabled`. When validation is on
 * in a workspace and `paperNotes.citation.silenceReferenceLinkValidation` allows it, set that switch to
 * "ignore" for the workspace — file and header links stay validated.
 */
export class MarkdownValidationSettings implements vscode.Disposable {
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('markdown.validate') || event.affectsConfiguration('paperNotes.citation.silenceReferenceLinkValidation')) void this.apply();
    });
  }

  /** Applies the workspace setting when needed; returns true when it changed something. */
  async apply(): Promise<boolean> {
    if (!vscode.workspace.workspaceFolders?.length) return false;
    if (!vscode.workspace.getConfiguration('paperNotes.citation').get<boolean>('silenceReferenceLinkValidation', true)) return false;
    const markdown = vscode.workspace.getConfiguration('markdown.validate');
    if (!markdown.get<boolean>('enabled', false)) return false;
    const references = markdown.inspect<string>('referenceLinks.enabled');
    // Respect any explicit workspace or folder choice; only the inherited default is replaced.
    if (references?.workspaceValue !== undefined || references?.workspaceFolderValue !== undefined) return false;
    if (markdown.get<string>('referenceLinks.enabled') === 'ignore') return false;
    await markdown.update('referenceLinks.enabled', 'ignore', vscode.ConfigurationTarget.Workspace);
    return true;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
