import { window, workspace, type ExtensionContext, type QuickPickItem } from 'vscode';
import type { DefinitionsSource } from '../definitions/definitionsSource';
import type { Logger } from '../logger';
import { checkPrerequisites as runChecks, type PrerequisiteCheck } from '../powershell/prerequisites';
import { restrictedMessage } from './planDeployment';
import { locateConfiguredPowerShell } from './powerShellPath';
import { withCancellableProgress } from './progress';

/**
 * "Check Prerequisites": PowerShell, the Hyper-V and FailoverClusters modules, elevation, and
 * remoting to the host nodes of the definition at hand, each with what to do about a failure.
 * Shown in a list (not waited for) and returned.
 */
export async function checkPrerequisites(
  context: ExtensionContext,
  source: DefinitionsSource,
  log: Logger,
  uri: string | undefined,
): Promise<PrerequisiteCheck[] | undefined> {
  if (!workspace.isTrusted) {
    void window.showWarningMessage(restrictedMessage);
    return undefined;
  }
  const located = locateConfiguredPowerShell();
  let checks: PrerequisiteCheck[];
  if ('missing' in located) {
    checks = [{ name: 'PowerShell', passed: false, detail: 'not found', fix: located.missing }];
  } else {
    const overview = uri ? (await source.fetch([uri]))?.[0] : undefined;
    const hosts = (overview?.hostCluster?.nodes ?? []).map((node) => node.name);
    checks = await withCancellableProgress('Checking the prerequisites', (signal) =>
      runChecks({
        executable: located.executable,
        scriptsFolder: context.asAbsolutePath('client/powershell'),
        hosts,
        timeoutMs: 5 * 60 * 1000,
        signal,
      }),
    );
  }
  for (const check of checks) {
    log.info(
      `${check.passed ? 'ok' : 'FAILED'} ${check.name}: ${check.detail}${check.passed ? '' : ` — ${check.fix}`}`,
    );
  }
  const items: QuickPickItem[] = checks.map((check) => ({
    label: `${check.passed ? '$(pass)' : '$(error)'} ${check.name}`,
    description: check.detail,
    ...(check.passed ? {} : { detail: check.fix }),
  }));
  const failed = checks.filter((check) => !check.passed).length;
  void window.showQuickPick(items, {
    title:
      failed === 0
        ? 'Every prerequisite is in place'
        : `${failed} of ${checks.length} prerequisites are missing`,
    canPickMany: false,
  });
  return checks;
}
