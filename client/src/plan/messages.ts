import type { DeploymentPlan } from '../../../server/src/protocol';

/** Extension → Plan webview. */
export type ToPlanWebview =
  | { readonly type: 'plan'; readonly plan: DeploymentPlan; readonly fileName: string }
  /** What a dry run found: the steps already done on the cluster, and those that would run. */
  | { readonly type: 'status'; readonly done: readonly string[]; readonly toRun: readonly string[] };

/** Plan webview → extension. */
export type FromPlanWebview =
  { readonly type: 'ready' } | { readonly type: 'openJson' } | { readonly type: 'checkCluster' };

/** A message from the page, checked: only those the page may send. */
export function parseFromPlanWebview(message: unknown): FromPlanWebview | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const type = (message as { type?: unknown }).type;
  return type === 'ready' || type === 'openJson' || type === 'checkCluster' ? { type } : undefined;
}
