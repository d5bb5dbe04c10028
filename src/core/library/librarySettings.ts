import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { LineCounter } from './lineCounter';
import type { LibraryDiagnostic } from './paper';

/** `paperNotes.library.*`: which files make up a workspace's library. */
export interface LibrarySettings {
  /** Globs relative to each workspace folder. */
  readonly files: readonly string[];
  readonly includeBundled: boolean;
}

/** The manifest's defaults for `paperNotes.library.files` (package.json repeats them; a unit test keeps the two equal). */
export const DEFAULT_LIBRARY_GLOBS: readonly string[] = ['**/*.bib', '**/*.csl.json', '**/*.bib.json', 'papers/**/*.txt'];

/** Folders never searched for library files. */
export const EXCLUDED_FOLDERS: readonly string[] = ['node_modules', '.git'];

/**
 * The library settings from a setting getter (VS Code's configuration, or a parsed settings file). Values of the wrong
 * type fall back to the defaults, as VS Code does for a setting that fails its schema; `problem` hears of each.
 */
export function librarySettingsFrom(
  get: (name: 'files' | 'includeBundled') => unknown,
  problem: (setting: string, message: string) => void = () => undefined,
): LibrarySettings {
  const files = get('files');
  const includeBundled = get('includeBundled');
  let globs: readonly string[] = DEFAULT_LIBRARY_GLOBS;
  if (Array.isArray(files)) {
    globs = files.filter((glob): glob is string => typeof glob === 'string' && glob.trim() !== '');
    if (globs.length < files.length) problem('paperNotes.library.files', 'entries that are not non-empty strings are ignored');
  } else if (files !== undefined) {
    problem('paperNotes.library.files', 'expected an array of globs; using the default');
  }
  if (includeBundled !== undefined && typeof includeBundled !== 'boolean') {
    problem('paperNotes.library.includeBundled', 'expected true or false; using true');
  }
  return { files: globs, includeBundled: typeof includeBundled === 'boolean' ? includeBundled : true };
}

/**
 * The library settings a workspace's `.vscode/settings.json` gives (JSON with comments and trailing commas, as VS Code
 * reads it). Never throws: a syntax error or a wrong type is a diagnostic at its line, and the defaults stand in.
 */
export function readLibrarySettingsFile(text: string, file: string): { settings: LibrarySettings; diagnostics: LibraryDiagnostic[] } {
  const diagnostics: LibraryDiagnostic[] = [];
  const lines = new LineCounter(text);
  const lineOf = (offset: number): number => lines.lineAt(offset);
  const errors: ParseError[] = [];
  const parsed: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  for (const error of errors.slice(0, 1)) {
    diagnostics.push({ file, line: lineOf(error.offset), severity: 'warning', message: `settings are not valid JSON (${printParseErrorCode(error.error)}); using the default library settings` });
  }
  const values = errors.length === 0 && typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  const settings = librarySettingsFrom(
    (name) => values[`paperNotes.library.${name}`],
    (setting, message) => diagnostics.push({ file, line: lineOfKey(text, setting, lineOf), severity: 'warning', message: `${setting}: ${message}` }),
  );
  return { settings, diagnostics };
}

function lineOfKey(text: string, key: string, lineOf: (offset: number) => number): number {
  const at = text.indexOf(`"${key}"`);
  return at < 0 ? 1 : lineOf(at);
}
