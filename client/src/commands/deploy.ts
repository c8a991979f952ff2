import { commands, window, workspace, type ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { DeploymentPlan } from '../../../server/src/protocol';
import type { Logger } from '../logger';
import { deployPlan, secretsOf, type DeployEvent, type DeploySummary } from '../powershell/deployPlan';
import { isAuthenticationFailure } from '../powershell/credential';
import type { RemotingCredential } from '../powershell/inspect';
import { locateConfiguredPowerShell } from './powerShellPath';
import { askRemotingCredential } from './remotingCredential';
import { withCancellableProgress } from './progress';
import { planFor, restrictedMessage } from './planDeployment';

/** What a caller may decide in advance: a task or a test, which has no one to click the dialog. */
export interface DeployArgs {
  readonly confirmed?: boolean;
  readonly whatIf?: boolean;
  /** For remoting into the guests; otherwise asked for when a guest refuses the signed-in identity. */
  readonly credential?: RemotingCredential;
}

/** Credentials given in this window, by guest cluster: memory only, gone when the window closes. */
const credentials = new Map<string, RemotingCredential>();

/** A deployment that runs this long is stopped: a step that hangs must not hold the window forever. */
const deployTimeoutMs = 4 * 60 * 60 * 1000;

/**
 * "Deploy": plans the definition, asks for confirmation (naming the cluster and the step count),
 * asks for any secret, then runs the plan with PowerShell, step by step, with a Cancel button.
 * Every step's report goes to the output channel, secrets redacted. Running it again after a
 * failure or a cancel continues where it stopped.
 */
export async function deploy(
  client: LanguageClient,
  context: ExtensionContext,
  log: Logger,
  uri: string | undefined,
  args: DeployArgs = {},
): Promise<DeploySummary | undefined> {
  const plan = await planFor(client, uri, 'deploy');
  if (!plan) return undefined;
  let whatIf = args.whatIf === true;
  if (!args.confirmed) {
    const choice = await window.showWarningMessage(
      `Deploy guest cluster ${plan.guestCluster} on host cluster ${plan.hostCluster}?`,
      {
        modal: true,
        detail: `${plan.steps.length} steps. Each is checked first and skipped if already done; nothing is deleted.`,
      },
      'Deploy',
      'Dry Run',
    );
    if (!choice) return undefined;
    whatIf = choice === 'Dry Run';
  }
  const secrets: Record<string, string> = {};
  for (const name of secretsOf(plan)) {
    const value = await window.showInputBox({ prompt: name, password: true, ignoreFocusOut: true });
    if (value === undefined) return undefined;
    secrets[name] = value;
  }
  // The executor sets properties on FailoverClusters objects: Windows PowerShell first on Windows.
  const located = locateConfiguredPowerShell('windowsPowerShell');
  if ('missing' in located) {
    void window.showErrorMessage(located.missing);
    return undefined;
  }
  const key = plan.guestCluster.toLowerCase();
  if (args.credential) credentials.set(key, args.credential);
  for (;;) {
    const credential = credentials.get(key);
    const summary = await run(context, log, plan, located.executable, secrets, whatIf, credential);
    const refused =
      summary.failed !== undefined &&
      isAuthenticationFailure(summary.failed.message) &&
      plan.steps.find((step) => step.id === summary.failed?.step)?.runOn.kind === 'remote';
    if (!refused) {
      report(summary, plan.guestCluster, whatIf, log);
      return summary;
    }
    // A guest refused this identity: another one may get in, and the run continues where it stopped.
    const choice = await window.showErrorMessage(
      `${plan.guestCluster}: ${summary.failed!.step} was refused: ${summary.failed!.message}`,
      'Sign In and Continue',
      'Show Output',
    );
    if (choice === 'Show Output') void commands.executeCommand('gcluster.showOutput');
    const given =
      choice === 'Sign In and Continue'
        ? await askRemotingCredential(`Sign in to the guests of ${plan.guestCluster}`)
        : undefined;
    if (!given) return summary;
    credentials.set(key, given);
    log.info(`Continuing ${plan.guestCluster} as ${given.userName}.`);
  }
}

async function run(
  context: ExtensionContext,
  log: Logger,
  plan: DeploymentPlan,
  executable: string,
  secrets: Readonly<Record<string, string>>,
  whatIf: boolean,
  credential: RemotingCredential | undefined,
): Promise<DeploySummary> {
  log.info(
    `${whatIf ? 'Dry run of' : 'Deploying'} ${plan.guestCluster} (${plan.steps.length} steps) with ${executable}${credential ? `, remoting as ${credential.userName}` : ''}.`,
  );
  let reported = 0;
  return withCancellableProgress(
    `${whatIf ? 'Dry run' : 'Deploying'} ${plan.guestCluster}`,
    (signal, progress) =>
      deployPlan({
        executable: executable,
        scriptsFolder: context.asAbsolutePath('client/powershell'),
        workFolder: context.globalStorageUri.fsPath,
        plan,
        secrets,
        ...(credential ? { credential } : {}),
        whatIf,
        timeoutMs: deployTimeoutMs,
        signal,
        onEvent: (event) => {
          // deployPlan has redacted every event already.
          log.info(eventText(event));
          if (event.type === 'started' || event.type === 'skipped' || event.type === 'wouldRun') {
            reported++;
            progress(`${reported}/${plan.steps.length} ${event.title}`, 100 / plan.steps.length);
          }
        },
      }),
  );
}

function report(summary: DeploySummary, cluster: string, whatIf: boolean, log: Logger): void {
  const counts = `${summary.done} done, ${summary.skipped} already in place${whatIf ? `, ${summary.wouldRun} would run` : ''}${summary.warnings.length > 0 ? `, ${summary.warnings.length} check${summary.warnings.length === 1 ? '' : 's'} failed (see the output)` : ''}`;
  log.info(`${cluster}: ${counts}.${summary.stderr ? ` Errors: ${summary.stderr}` : ''}`);
  const showOutput = (choice: string | undefined) => choice && commands.executeCommand('gcluster.showOutput');
  if (summary.failed) {
    void window
      .showErrorMessage(
        `${cluster}: step ${summary.failed.step} failed: ${summary.failed.message} (${counts}). Run Deploy again to continue from there.`,
        'Show Output',
      )
      .then(showOutput);
  } else if (summary.stopped) {
    void window
      .showWarningMessage(
        `${cluster}: ${summary.stopped === 'cancelled' ? 'cancelled' : 'stopped after too long'} (${counts}). Run Deploy again to continue.`,
        'Show Output',
      )
      .then(showOutput);
  } else if (summary.exitCode !== 0) {
    void window
      .showErrorMessage(
        `${cluster}: PowerShell ended with exit code ${summary.exitCode} (${counts}).`,
        'Show Output',
      )
      .then(showOutput);
  } else {
    void window.showInformationMessage(
      whatIf ? `${cluster}: dry run finished (${counts}).` : `${cluster} is deployed (${counts}).`,
    );
  }
}

/** One line of the output channel per report: "done vm:SQLVM01:create — Create VM SQLVM01 …". */
function eventText(event: DeployEvent): string {
  switch (event.type) {
    case 'started':
    case 'done':
    case 'skipped':
    case 'wouldRun':
      return `${event.type} ${event.step} — ${event.title}`;
    case 'error':
      return `error ${event.step} — ${event.message}`;
    case 'warning':
      return `warning ${event.step} — ${event.title}: ${event.message}`;
    case 'result':
      return `result: ${event.done} done, ${event.skipped} already in place`;
    case 'text':
      return event.text;
  }
}

/**
 * A dry run of a plan on its cluster: which steps are already done and which would run. It
 * probes and changes nothing, so it needs no secret.
 */
export async function dryRunStatus(
  context: ExtensionContext,
  log: Logger,
  plan: DeploymentPlan,
): Promise<{ done: string[]; toRun: string[] } | undefined> {
  if (!workspace.isTrusted) {
    void window.showWarningMessage(restrictedMessage);
    return undefined;
  }
  // The executor sets properties on FailoverClusters objects: Windows PowerShell first on Windows.
  const located = locateConfiguredPowerShell('windowsPowerShell');
  if ('missing' in located) {
    void window.showErrorMessage(located.missing);
    return undefined;
  }
  const done: string[] = [];
  const toRun: string[] = [];
  const summary = await withCancellableProgress(
    `Checking ${plan.guestCluster} against the cluster`,
    (signal) =>
      deployPlan({
        executable: located.executable,
        scriptsFolder: context.asAbsolutePath('client/powershell'),
        workFolder: context.globalStorageUri.fsPath,
        plan,
        secrets: {},
        whatIf: true,
        timeoutMs: deployTimeoutMs,
        signal,
        onEvent: (event) => {
          if (event.type === 'skipped') done.push(event.step);
          else if (event.type === 'wouldRun') toRun.push(event.step);
        },
      }),
  );
  log.info(`Dry run of ${plan.guestCluster}: ${done.length} steps done, ${toRun.length} to run.`);
  if (summary.failed || summary.stopped) {
    void window.showWarningMessage(`The check stopped early: ${summary.failed?.message ?? summary.stopped}.`);
  }
  return { done, toRun };
}
