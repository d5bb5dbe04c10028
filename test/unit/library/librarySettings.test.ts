import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_LIBRARY_GLOBS, readLibrarySettingsFile, type LibrarySettings } from '../../../src/core/library/librarySettings';

describe('library settings from .vscode/settings.json', () => {
  const defaults: LibrarySettings = { files: DEFAULT_LIBRARY_GLOBS, includeBundled: true };
  const cases: ReadonlyArray<{ what: string; text: string; settings: LibrarySettings; problems: string[] }> = [
    { what: 'no library setting', text: '{ "editor.wordWrap": "on" }', settings: defaults, problems: [] },
    {
      what: 'comments and trailing commas, as VS Code allows',
      text: '{\n  // refs only\n  "paperNotes.library.files": ["refs/*.bib",],\n  "paperNotes.library.includeBundled": false,\n}',
      settings: { files: ['refs/*.bib'], includeBundled: false },
      problems: [],
    },
    {
      what: 'a glob list with a number and an empty string',
      text: '{\n"paperNotes.library.files": ["a.bib", 3, ""]\n}',
      settings: { files: ['a.bib'], includeBundled: true },
      problems: ['2: paperNotes.library.files: entries that are not non-empty strings are ignored'],
    },
    {
      what: 'values of the wrong type',
      text: '{\n"paperNotes.library.files": "a.bib",\n"paperNotes.library.includeBundled": "no"\n}',
      settings: defaults,
      problems: ['2: paperNotes.library.files: expected an array of globs; using the default', '3: paperNotes.library.includeBundled: expected true or false; using true'],
    },
    {
      what: 'a syntax error',
      text: '{\n"paperNotes.library.includeBundled": false\n"x": 1 }',
      settings: defaults,
      problems: ['3: settings are not valid JSON (CommaExpected); using the default library settings'],
    },
    { what: 'an array instead of an object', text: '[]', settings: defaults, problems: [] },
  ];
  for (const { what, text, settings, problems } of cases) {
    it(`reads ${what}`, () => {
      const result = readLibrarySettingsFile(text, '.vscode/settings.json');
      assert.deepEqual(result.settings, settings);
      assert.deepEqual(result.diagnostics.map((d) => `${d.line}: ${d.message}`), problems);
      for (const diagnostic of result.diagnostics) assert.equal(diagnostic.file, '.vscode/settings.json');
    });
  }

  it('has the defaults the manifest declares', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
      contributes: { configuration: Array<{ properties: Record<string, { default?: unknown }> }> };
    };
    const declared = manifest.contributes.configuration.flatMap((section) => Object.entries(section.properties));
    assert.deepEqual(Object.fromEntries(declared)['paperNotes.library.files']?.default, DEFAULT_LIBRARY_GLOBS);
  });
});
