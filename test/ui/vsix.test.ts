import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../scripts/vscode/codeServer';
import { listVsixEntries, packageVsix, vsixPath } from './vsix';
import { Workbench } from './workbench';

describe('The packaged VSIX', () => {
  let packageOutput: string;
  let entries: string[];

  before(async () => {
    packageOutput = packageVsix();
    entries = await listVsixEntries(vsixPath);
  });

  it('packages without a warning', () => {
    assert.doesNotMatch(packageOutput, /\bWARN(ING)?\b/i);
  });

  it('stays under 1 MB', () => {
    const bytes = statSync(vsixPath).size;
    console.log(`      VSIX size: ${(bytes / 1024).toFixed(1)} KB, ${entries.length} files`);
    assert.ok(bytes < 1024 * 1024, `${bytes} bytes`);
  });

  it('holds the bundle, the corpus, the icon and the manifest files', () => {
    for (const required of [
      'extension/package.json',
      'extension/readme.md',
      'extension/changelog.md',
      'extension/LICENSE.txt',
      'extension/dist/extension.js',
      'extension/dist/corpusCategories.json',
      'extension/media/icon.png',
      'extension/corpus/seed-metadata.json',
      'extension/media/citationPreview.css',
      'extension/dist/csl/THIRD-PARTY-NOTICES.md',
      ...['apa', 'harvard', 'vancouver', 'chicago-author-date', 'ieee', 'nature', 'acm'].map((id) => `extension/dist/csl/styles/${id}.csl`),
      'extension/dist/csl/locales/locales-en-US.xml',
    ]) {
      assert.ok(entries.includes(required), `${required} is in the VSIX`);
    }
  });

  it("declares no repository, and ships every image its README shows, so no link of the published page points nowhere", () => {
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { repository?: unknown };
    assert.equal(manifest.repository, undefined);
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((match) => match[1]!).filter((target) => !/^[a-z]+:/i.test(target));
    assert.ok(images.length > 0, 'the README shows screenshots');
    for (const image of images) assert.ok(entries.includes(`extension/${image}`), `${image} is in the VSIX`);
  });

  it('holds no sources, tests, source maps or dependencies', () => {
    const unwanted = entries.filter(
      (name) =>
        /\.(ts|map|mts|cts)$/.test(name) ||
        /^extension\/(src|test|scripts|samples|bench|node_modules|\.vscode|\.ci)\//.test(name) ||
        name.startsWith('extension/dist/test/'),
    );
    assert.deepEqual(unwanted, []);
  });

  describe('installed into code-server with --install-extension', () => {
    let workbench: Workbench;

    before(async () => {
      workbench = await Workbench.open({ vsix: vsixPath });
    });

    after(async () => {
      await workbench?.close();
    });

    it('is installed in the extensions folder as paper-notes.paper-notes', () => {
      const installed = readdirSync(workbench.server.extensionsDir).filter((name) => name.startsWith('paper-notes.paper-notes-'));
      assert.equal(installed.length, 1, readdirSync(workbench.server.extensionsDir).join(', '));
    });

    it('runs from the VSIX: the view opens and Show Output shows the load log', async () => {
      await workbench.openViewContainer('Paper Notes');
      await workbench.runCommand('Paper Notes: Show Output');
      await workbench.waitForText(workbench.page.locator('.part.panel .view-lines'), /Loaded 53 papers from the embedded corpus in \d+(\.\d+)? ms/);
      const title = await workbench.page.title();
      assert.doesNotMatch(title, /Extension Development Host/, 'no development copy is loaded');
      await workbench.screenshot('vsix-installed');
    });
  });
});
