/**
 * `npm run test:vscode`: the same suites in a desktop VS Code that @vscode/test-electron downloads.
 * That download needs the internet; where only npm is reachable use `npm run test:codeserver`.
 * @vscode/test-electron starts VS Code with --disable-workspace-trust, so only the trusted suites run here.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { copyExamples, repoRoot, runnerModule } from './paths';
import { env } from './results';

async function main(): Promise<void> {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'gcluster-electron-'));
  try {
    await runTests({
      version: process.env['GCLUSTER_VSCODE_VERSION'] ?? '1.100.3',
      extensionDevelopmentPath: repoRoot(),
      extensionTestsPath: runnerModule,
      extensionTestsEnv: { [env.suite]: 'trusted' },
      launchArgs: [
        copyExamples(temp),
        '--disable-extensions',
        '--user-data-dir',
        path.join(temp, 'user-data'),
      ],
    });
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
