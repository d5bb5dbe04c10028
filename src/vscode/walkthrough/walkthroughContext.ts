import * as vscode from 'vscode';

/** Completes the walkthrough's "Add your own library" step: the workspace holds a library file with papers. */
export const WORKSPACE_LIBRARY_CONTEXT_KEY = 'paperNotes.hasWorkspaceLibrary';

/** Walkthrough steps shown only once their command exists (contributed by a feature that may not be installed yet). */
export const OPTIONAL_STEP_COMMANDS: Readonly<Record<string, string>> = {
  'paperNotes.canAddPaper': 'paperNotes.addPaper',
  'paperNotes.canImportDailyPapers': 'paperNotes.importDailyPapers',
};

export interface WorkspaceLibraryFiles {
  readonly onDidChangeLibrary: vscode.Event<unknown>;
  /** How many of the workspace's own library files hold at least one paper. */
  readonly workspaceFilesWithPapers: number;
}

/**
 * Keeps the context keys the "Get started with Paper Notes" walkthrough reads: whether the workspace has its own
 * library, and which optional steps' commands are registered (checked after activation has registered them all).
 */
export function trackWalkthroughContext(library: WorkspaceLibraryFiles): vscode.Disposable {
  let hasLibrary: boolean | undefined;
  const update = (): void => {
    const now = library.workspaceFilesWithPapers > 0;
    if (now === hasLibrary) return;
    hasLibrary = now;
    void vscode.commands.executeCommand('setContext', WORKSPACE_LIBRARY_CONTEXT_KEY, now);
  };
  update();
  // Asked once activation has returned: a command registered later in activate() is only known to the workbench
  // after this call's own message, so asking at once would miss it.
  const timer = setTimeout(() => {
    void vscode.commands.getCommands(true).then((commands) => {
      const registered = new Set(commands);
      for (const [contextKey, command] of Object.entries(OPTIONAL_STEP_COMMANDS)) {
        void vscode.commands.executeCommand('setContext', contextKey, registered.has(command));
      }
    });
  }, 0);
  return vscode.Disposable.from(library.onDidChangeLibrary(update), { dispose: () => clearTimeout(timer) });
}
