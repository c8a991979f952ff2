/** Where things are, for the plain-Node parts of the VS Code tests (drivers, not suites). */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The checkout: the nearest folder above this file whose package.json is the extension's. */
export function repoRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (
      fs.existsSync(manifest) &&
      (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'gcluster'
    )
      return dir;
    if (path.dirname(dir) === dir) throw new Error(`No gcluster package.json above ${__dirname}`);
  }
}

/** The compiled runner that VS Code loads (out/vscode/test/vscode/runner/index.js). */
export const runnerModule = path.resolve(__dirname, 'runner', 'index.js');

/** A fresh copy of examples/ in `parent`, the workspace folder of a test window. */
export function copyExamples(parent: string): string {
  const workspace = path.join(parent, 'examples');
  fs.cpSync(path.join(repoRoot(), 'examples'), workspace, { recursive: true });
  return workspace;
}
