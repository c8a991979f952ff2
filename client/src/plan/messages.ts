import type { DeploymentPlan } from '../../../server/src/protocol';

/** Extension → Plan webview. */
export type ToPlanWebview = {
  readonly type: 'plan';
  readonly plan: DeploymentPlan;
  readonly fileName: string;
};

/** Plan webview → extension. */
export type FromPlanWebview = { readonly type: 'ready' } | { readonly type: 'openJson' };

/** A message from the page, checked: only the two the page may send. */
export function parseFromPlanWebview(message: unknown): FromPlanWebview | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const type = (message as { type?: unknown }).type;
  return type === 'ready' || type === 'openJson' ? { type } : undefined;
}
