import { createLanguageService } from '../../server/src/service/languageService';
import { buildPlan } from '../../server/src/service/plan/buildPlan';
import { measure, ms, summarize } from './stats';

/**
 * Plan computation for generated guest clusters of 2, 16 and 64 nodes (64 is the failover
 * cluster limit): `buildPlan` on a model already read, and the whole way from text to plan.
 */
export function benchPlans(): string {
  const service = createLanguageService();
  const lines = [
    '| guest nodes | steps | plan from the model median / p95 | text → model → plan median / p95 |',
    '|---:|---:|---:|---:|',
  ];
  for (const guestNodes of [2, 16, 64]) {
    const made = service.newDefinition({ name: 'BENCHCLUS', guestNodes, storage: 'csv' });
    if (!('text' in made)) throw new Error(`no definition for ${guestNodes} nodes`);
    const model = service.analyze(service.parse(made.text)).model;
    const steps = buildPlan(model).steps.length;
    const plan = summarize(measure(200, () => buildPlan(model)));
    const whole = summarize(measure(50, () => service.plan(service.parse(made.text))));
    lines.push(
      `| ${guestNodes} | ${steps} | ${ms(plan.median)} / ${ms(plan.p95)} ms | ${ms(whole.median)} / ${ms(whole.p95)} ms |`,
    );
  }
  return lines.join('\n');
}
