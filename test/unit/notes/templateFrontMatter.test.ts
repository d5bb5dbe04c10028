import { strict as assert } from 'node:assert';
import { load } from 'js-yaml';
import { noteVariables, renderNoteTemplate, templateWarnings, type NoteContext } from '../../../src/core/notes/noteTemplate';
import { categoryLabel, mambaClaims, paper } from './notesFixtures';

const context: NoteContext = { claims: mambaClaims, style: 'pandoc', categoryLabel, date: '2024-06-01' };
const HOSTILE_TITLES = [
  'Attention: "all" you need? #1',
  '<img src=x onerror=alert(1)> Mamba',
  'Line one\ninjected: true\n---\n# Not front matter',
  "- [list] {flow: map} & *anchor 'quoted'",
];

function frontMatter(note: string): unknown {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(note);
  assert.ok(m, note);
  return load(m[1]!);
}

describe('note templates without | yaml in front matter', () => {
  for (const title of HOSTILE_TITLES) {
    it(`keeps ${JSON.stringify(title)} one YAML value when it is a whole value without | yaml`, () => {
      const note = renderNoteTemplate('---\ntitle: {{title}}\nauthors: {{authors}}\ntags:\n  - {{key}}\n---\n# {{title}}\n', noteVariables(paper({ title }), context));
      assert.deepEqual(frontMatter(note), { title, authors: ['Albert Gu', 'Tri Dao'], tags: ['gu2023mamba'] });
      assert.ok(note.endsWith(`# ${title}\n`), 'the body is written as before');
    });
  }

  it('folds line breaks of a value embedded in a front matter string, so no key can be injected', () => {
    const note = renderNoteTemplate('---\nsummary: "Notes on {{title}}"\n---\n', noteVariables(paper({ title: 'A\ninjected: true' }), context));
    assert.equal((frontMatter(note) as Record<string, unknown>).injected, undefined);
  });

  it('warns at its line about a placeholder embedded in a front matter value, and not about whole values', () => {
    const warnings = templateWarnings('---\ntitle: {{title}}\nsummary: "Notes on {{title}}"\nkey: {{key | yaml}}\n---\nBody {{title}}\n');
    assert.deepEqual(warnings.map((warning) => warning.line), [3]);
    assert.match(warnings[0]!.message, /\{\{title\}\} sits inside a front matter value without "\| yaml"/);
  });

  it('finds nothing to warn about in a template without front matter', () => {
    assert.deepEqual(templateWarnings('# {{title}}\n\ntitle: {{title}}\n'), []);
  });
});
