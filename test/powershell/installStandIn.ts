import { chmodSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Puts the PowerShell stand-in (standIn.ts, compiled beside this file) in `folder` as an
 * executable named `pwsh`, and returns its path: what tests set as PowerShell.
 */
export function installStandIn(folder: string): string {
  const pwsh = path.join(folder, 'pwsh');
  writeFileSync(
    pwsh,
    `#!${process.execPath}\nrequire(${JSON.stringify(path.join(__dirname, 'standIn.js'))});\n`,
  );
  chmodSync(pwsh, 0o755);
  return pwsh;
}
