import * as path from 'node:path';

export interface LocateOptions {
  /** `gcluster.powershell.path` (machine-scoped): used as given when set. */
  readonly configured: string;
  readonly platform: NodeJS.Platform;
  /** The PATH of the extension host. */
  readonly pathVariable: string;
  /** Whether a file exists and may be run; injected so that tests need no real files. */
  readonly isExecutable: (file: string) => boolean;
  /**
   * `windowsPowerShell` tries Windows PowerShell 5.1 before PowerShell 7 on Windows: for the
   * executor, which sets properties on FailoverClusters objects. PowerShell 7 reaches that
   * Windows PowerShell module only through its compatibility session, which hands back copies,
   * so a property set on one would never reach the cluster.
   */
  readonly prefer?: 'pwsh' | 'windowsPowerShell';
}

export type Located = { readonly executable: string } | { readonly missing: string };

/**
 * The PowerShell to run: the configured one; else PowerShell 7 (`pwsh`) on the PATH; else, on
 * Windows, Windows PowerShell 5.1 (`powershell.exe`) — or the other way round on Windows with
 * `prefer: 'windowsPowerShell'`. A clear message when there is none.
 */
export function locatePowerShell(options: LocateOptions): Located {
  const configured = options.configured.trim();
  if (configured !== '') {
    return options.isExecutable(configured)
      ? { executable: configured }
      : {
          missing: `gcluster.powershell.path is set to ${configured}, which is not a program that can be run.`,
        };
  }
  const windows = options.platform === 'win32';
  const separator = windows ? ';' : ':';
  const directories = options.pathVariable.split(separator).filter((entry) => entry.trim() !== '');
  const names = windows
    ? options.prefer === 'windowsPowerShell'
      ? ['powershell.exe', 'pwsh.exe']
      : ['pwsh.exe', 'powershell.exe']
    : ['pwsh'];
  for (const name of names) {
    for (const directory of directories) {
      const candidate = (windows ? path.win32 : path.posix).join(directory, name);
      if (options.isExecutable(candidate)) return { executable: candidate };
    }
  }
  return {
    missing: windows
      ? 'Neither PowerShell 7 (pwsh.exe) nor Windows PowerShell (powershell.exe) is on the PATH. Install PowerShell 7, or set gcluster.powershell.path.'
      : 'PowerShell 7 (pwsh) is not on the PATH. Install PowerShell 7, or set gcluster.powershell.path.',
  };
}
