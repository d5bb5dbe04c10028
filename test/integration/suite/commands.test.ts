import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatePaperNotes } from './extension';

interface ContributedCommand {
  readonly command: string;
  readonly title: string;
  readonly category?: string;
}

describe('Commands', () => {
  let contributed: readonly ContributedCommand[];
  let registered: Set<string>;

  before(async () => {
    const { extension } = await activatePaperNotes();
    contributed = (extension.packageJSON as { contributes?: { commands?: ContributedCommand[] } }).contributes?.commands ?? [];
    registered = new Set(await vscode.commands.getCommands(true));
  });

  it('contributes at least one command, each in the Paper Notes category', () => {
    assert.ok(contributed.length > 0);
    for (const command of contributed) assert.equal(command.category, 'Paper Notes', `${command.command} has the Paper Notes category`);
  });

  it('registers every command contributed in package.json', () => {
    const missing = contributed.map((command) => command.command).filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], 'contributed commands without a registration');
  });

  it('contributes every paperNotes command it registers', () => {
    const declared = new Set(contributed.map((command) => command.command));
    const undeclared = [...registered].filter((id) => id.startsWith('paperNotes.') && !declared.has(id) && !isViewCommand(id));
    assert.deepEqual(undeclared, [], 'registered commands missing from package.json');
  });
});

/** VS Code itself registers `<viewId>.focus`, `.resetViewLocation` and the like for every contributed view. */
function isViewCommand(id: string): boolean {
  return /^paperNotes\.[A-Za-z]+\.(focus|resetViewLocation|open|toggleVisibility|removeView)$/.test(id);
}
