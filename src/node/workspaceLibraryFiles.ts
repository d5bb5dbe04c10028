// Reads a workspace folder's library the way the extension does, for the CLI's `--workspace DIR`: the settings in
// `.vscode/settings.json`, the files their globs match, each read by the format its name or content says, plus the
// bundled papers. The extension finds files through VS Code; everything after that is the same core.
import { invalidUtf8Diagnostics } from '../core/library/invalidUtf8';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { glob } from 'tinyglobby';
import type { LibraryInput } from '../core/library/library';
import { libraryFormatOf } from '../core/library/libraryFormats';
import { DEFAULT_LIBRARY_GLOBS, EXCLUDED_FOLDERS, readLibrarySettingsFile, type LibrarySettings } from '../core/library/librarySettings';
import type { LibraryDiagnostic } from '../core/library/paper';
import { CorpusFileError, readEmbeddedCorpus } from './corpusFiles';

export const WORKSPACE_SETTINGS_FILE = path.join('.vscode', 'settings.json');

export interface WorkspaceLibraryFiles {
  readonly settings: LibrarySettings;
  /** The workspace's own files (named relative to the folder, with `/`), sorted by path, then the bundled ones. */
  readonly files: ReadonlyArray<{ readonly input: LibraryInput; readonly bundled: boolean }>;
  readonly diagnostics: readonly LibraryDiagnostic[];
}

/** The settings of a workspace folder; the defaults when it has no settings file. */
export async function readWorkspaceLibrarySettings(folder: string): Promise<{ settings: LibrarySettings; diagnostics: LibraryDiagnostic[] }> {
  let text: string;
  try {
    text = await readFile(path.join(folder, WORKSPACE_SETTINGS_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { settings: { files: DEFAULT_LIBRARY_GLOBS, includeBundled: true }, diagnostics: [] };
    throw new CorpusFileError(WORKSPACE_SETTINGS_FILE, (error as Error).message);
  }
  return readLibrarySettingsFile(text, WORKSPACE_SETTINGS_FILE.split(path.sep).join('/'));
}

/** The library files of a workspace folder, read, in the extension's merge order. */
export async function readWorkspaceLibraryFiles(folder: string, corpusDir: string): Promise<WorkspaceLibraryFiles> {
  const { settings, diagnostics } = await readWorkspaceLibrarySettings(folder);
  const matched = settings.files.length === 0 ? [] : await glob([...settings.files], {
    cwd: folder,
    ignore: EXCLUDED_FOLDERS.map((name) => `**/${name}/**`),
    dot: true,
    onlyFiles: true,
    expandDirectories: false,
  });
  const names = [...new Set(matched)].sort((a, b) => a.localeCompare(b));
  // Decoded as the extension decodes workspace files: invalid bytes become U+FFFD, with a warning at their line.
  const decoder = new TextDecoder('utf-8');
  const files: Array<{ input: LibraryInput; bundled: boolean }> = [];
  for (const name of names) {
    let text: string;
    try {
      const bytes = await readFile(path.join(folder, name));
      text = decoder.decode(bytes);
      diagnostics.push(...invalidUtf8Diagnostics(bytes, name));
    } catch (error) {
      throw new CorpusFileError(name, (error as Error).message);
    }
    const format = libraryFormatOf(name, text);
    if (format !== undefined) files.push({ input: { file: name, text, format }, bundled: false });
  }
  if (settings.includeBundled) {
    for (const input of await readEmbeddedCorpus(corpusDir)) files.push({ input, bundled: true });
  }
  return { settings, files, diagnostics };
}
