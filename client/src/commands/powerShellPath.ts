import { accessSync, constants } from 'node:fs';
import { workspace } from 'vscode';
import { locatePowerShell, type Located } from '../powershell/locate';

/** The PowerShell of `gcluster.powershell.path` (machine-scoped), else the one on the PATH. */
export function locateConfiguredPowerShell(prefer?: 'pwsh' | 'windowsPowerShell'): Located {
  return locatePowerShell({
    ...(prefer ? { prefer } : {}),
    configured: workspace.getConfiguration('gcluster').get<string>('powershell.path', ''),
    platform: process.platform,
    pathVariable: process.env.PATH ?? '',
    isExecutable: (file) => {
      try {
        accessSync(file, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    },
  });
}
