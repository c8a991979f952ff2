import type { Severity } from '../problem';
import type { RuleContext } from '../ruleContext';

/** One rule of the catalog: its id, default severity, a one-line summary, and its check. */
export interface Rule {
  readonly id: string;
  /** One line, used as the SARIF short description and in the rules list. */
  readonly title: string;
  readonly defaultSeverity: Severity;
  readonly check: (context: RuleContext) => void;
}
