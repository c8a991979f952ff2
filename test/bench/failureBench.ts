import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeFailures } from '../../server/src/service/failure/simulate';
import { createLanguageService } from '../../server/src/service/languageService';
import { generateDefinition } from './generate';
import { measure, ms, summarize } from './stats';

/**
 * Failure analysis at the legal maximum (64 host nodes, 64 guest nodes): every single and double
 * host failure and every storage loss simulated from the model; and the inlay hints of one
 * screen (60 lines), once validation has simulated (as in the editor) and from a fresh parse.
 */
export function benchFailures(): string {
  const service = createLanguageService();
  const text = generateDefinition(64);
  const model = service.analyze(service.parse(text)).model;
  const analysis = analyzeFailures(model);
  if (!analysis || analysis.hosts.length !== 64 || analysis.placements.length !== 64) {
    throw new Error('the generated definition is not 64 hosts and 64 guest nodes');
  }
  const simulate = summarize(measure(40, () => analyzeFailures(model)));
  const document = TextDocument.create('file:///bench.gcluster.yaml', 'gcluster', 1, text);
  // The screen with the guest nodes' hints, the one whose hint needs the whole simulation.
  const line = document.positionAt(text.indexOf('guestCluster:')).line;
  const range = {
    start: { line: Math.max(0, line - 30), character: 0 },
    end: { line: line + 30, character: 0 },
  };
  const parsed = service.parse(text);
  service.doValidation(document, parsed);
  const warm = summarize(measure(200, () => service.inlayHints(document, parsed, range)));
  const cold = summarize(
    measure(20, () => {
      service.inlayHints(document, service.parse(text), range);
    }),
  );
  return [
    '| host nodes × guest nodes | scenarios | simulation from the model median / p95 | inlay hints, one screen, after validation median / p95 | the same from a fresh parse median / p95 |',
    '|---|---:|---:|---:|---:|',
    `| 64 × 64 | ${analysis.scenarios.length} | ${ms(simulate.median)} / ${ms(simulate.p95)} ms | ${ms(warm.median)} / ${ms(warm.p95)} ms | ${ms(cold.median)} / ${ms(cold.p95)} ms |`,
  ].join('\n');
}
