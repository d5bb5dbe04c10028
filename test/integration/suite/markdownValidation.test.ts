import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatePaperNotes } from './extension';

/**
 * VS Code's own Markdown link validation reads `[@key]` as a shortcut reference link. These tests turn it on, show
 * that it does report a Pandoc citation when nothing is done, and that the workspace setting Paper Notes applies
 * silences exactly that while broken file links are still reported.
 */

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const NOTE = 'Selective state spaces [@gu2023mamba].\n\nA broken link: [missing](./no-such-file.md).\n';
const CITATION_FLAG = /No link definition found: '@gu2023mamba'/;
const FILE_FLAG = /no-such-file/;

describe('VS Code Markdown link validation', function () {
  this.timeout(90_000);
  let folder: vscode.Uri;
  let note: vscode.Uri;
  let settingsFileExisted = false;

  const messages = (): string[] => vscode.languages.getDiagnostics(note).map((diagnostic) => diagnostic.message);
  const user = async (section: string, key: string, value: unknown): Promise<void> =>
    vscode.workspace.getConfiguration(section).update(key, value, vscode.ConfigurationTarget.Global);

  before(async () => {
    await activatePaperNotes();
    folder = vscode.workspace.workspaceFolders![0]!.uri;
    note = vscode.Uri.joinPath(folder, 'link-validation-check.md');
    settingsFileExisted = await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder, '.vscode', 'settings.json')).then(() => true, () => false);
    await vscode.workspace.fs.writeFile(note, new TextEncoder().encode(NOTE));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await user('markdown.validate', 'enabled', undefined);
    await user('paperNotes.citation', 'silenceReferenceLinkValidation', undefined);
    await vscode.workspace.getConfiguration('markdown.validate').update('referenceLinks.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.delete(note);
    if (!settingsFileExisted) await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, '.vscode'), { recursive: true }).then(undefined, () => undefined);
  });

  // Each test starts from validation on, Paper Notes told to leave it alone, and no workspace choice yet.
  beforeEach(async () => {
    await user('paperNotes.citation', 'silenceReferenceLinkValidation', false);
    await vscode.workspace.getConfiguration('markdown.validate').update('referenceLinks.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    await user('markdown.validate', 'enabled', true);
    await vscode.window.showTextDocument(note);
  });

  it('reports [@key] as a missing link definition when Paper Notes leaves the setting alone', async () => {
    await waitFor('VS Code to flag the citation and the broken file link', () =>
      messages().some((message) => CITATION_FLAG.test(message)) && messages().some((message) => FILE_FLAG.test(message)) ? true : undefined);
  });

  it('does not report [@key] once Paper Notes applies markdown.validate.referenceLinks.enabled = "ignore" to the workspace, and still reports broken file links', async () => {
    await waitFor('VS Code to flag the citation first', () => (messages().some((message) => CITATION_FLAG.test(message)) ? true : undefined));
    await user('paperNotes.citation', 'silenceReferenceLinkValidation', undefined);
    const applied = await waitFor('the workspace setting', () =>
      vscode.workspace.getConfiguration('markdown.validate').inspect<string>('referenceLinks.enabled')?.workspaceValue);
    assert.equal(applied, 'ignore');
    await waitFor('VS Code to drop the citation warning', () => (messages().some((message) => CITATION_FLAG.test(message)) ? undefined : true));
    assert.ok(messages().some((message) => FILE_FLAG.test(message)), `the broken file link is still reported: ${messages().join(' | ')}`);
  });
});
