// `npm start`: build, then serve the sample workspace in code-server with the extension loaded from source.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot, sampleWorkspace, startCodeServer } from './vscode/codeServer';

async function main(): Promise<void> {
  const folder = path.resolve(process.argv[2] ?? sampleWorkspace);
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, stdio: 'inherit' });
  const server = await startCodeServer({ log: (line) => console.log(`[code-server] ${line}`) });
  const url = server.workbenchUrl({ folder, extensionDevelopmentPath: repoRoot });
  console.log(`\nPaper Notes is running in code-server, the extension loaded from source, on ${path.relative(repoRoot, folder) || '.'}/.`);
  console.log(`Open: ${url}\n`);
  console.log('After a change: `npm run build` (or `node scripts/build.mjs --watch`), then reload the window. Ctrl-C stops the server.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
