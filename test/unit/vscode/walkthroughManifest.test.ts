import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';

interface WalkthroughStep {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: unknown; altText?: string };
  completionEvents?: string[];
  when?: string;
}
interface Manifest {
  contributes: {
    commands: { command: string }[];
    walkthroughs: { id: string; title: string; steps: WalkthroughStep[] }[];
  };
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;
const walkthrough = manifest.contributes.walkthroughs.find((entry) => entry.id === 'getStarted');
const contributed = new Set(manifest.contributes.commands.map((command) => command.command));
const vscodeIgnore = readFileSync('.vscodeignore', 'utf8');

describe('the Get started walkthrough in the manifest', () => {
  it('is titled "Get started with Paper Notes" and walks from the Papers view to the user\'s own library', () => {
    assert.ok(walkthrough);
    assert.equal(walkthrough.title, 'Get started with Paper Notes');
    assert.deepEqual(walkthrough.steps.map((step) => step.id), ['openPapers', 'openPaper', 'insertCitation', 'updateReferences', 'addLibrary', 'addPaper', 'importDailyPapers']);
  });

  // [step, an event that completes it]
  const completions: ReadonlyArray<[string, string]> = [
    ['openPapers', 'onView:paperNotes.papers'],
    ['openPaper', 'onCommand:paperNotes.openPaper'],
    ['insertCitation', 'onCommand:paperNotes.insertCitation'],
    ['updateReferences', 'onCommand:paperNotes.updateReferences'],
    ['addLibrary', 'onContext:paperNotes.hasWorkspaceLibrary'],
    ['addPaper', 'onCommand:paperNotes.addPaper'],
    ['importDailyPapers', 'onCommand:paperNotes.importDailyPapers'],
  ];
  for (const [id, event] of completions) {
    it(`completes the ${id} step on ${event}, and shows it a Markdown page that ships in the package`, () => {
      const step = walkthrough!.steps.find((entry) => entry.id === id);
      assert.ok(step, id);
      assert.ok(step.completionEvents?.includes(event), JSON.stringify(step.completionEvents));
      const page = step.media.markdown;
      assert.ok(page && existsSync(page), `${page} exists`);
      assert.match(vscodeIgnore, /^!media\/walkthrough\/\*\.md$/m, 'the pages are packaged');
      assert.match(readFileSync(page, 'utf8'), /^# /, 'the page has a heading');
    });
  }

  it('links each step button to a contributed command or a built-in one', () => {
    for (const step of walkthrough!.steps) {
      const commands = [...step.description.matchAll(/\]\(command:([\w.]+)/g)].map((match) => match[1]!);
      assert.ok(commands.length > 0, `${step.id} has a button`);
      for (const command of commands) {
        const optional = step.when !== undefined;
        assert.ok(contributed.has(command) || command.startsWith('workbench.') || optional, `${step.id}: ${command}`);
      }
    }
  });

  it('shows Add Paper and Import Daily Papers only once their commands exist', () => {
    const when = Object.fromEntries(walkthrough!.steps.map((step) => [step.id, step.when]));
    assert.equal(when.addPaper, 'paperNotes.canAddPaper');
    assert.equal(when.importDailyPapers, 'paperNotes.canImportDailyPapers');
    const source = readFileSync('src/vscode/walkthrough/walkthroughContext.ts', 'utf8');
    assert.match(source, /'paperNotes\.canAddPaper': 'paperNotes\.addPaper'/);
    assert.match(source, /'paperNotes\.canImportDailyPapers': 'paperNotes\.importDailyPapers'/);
  });
});
