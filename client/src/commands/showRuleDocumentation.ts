import { commands, Uri, window, type QuickPickItem } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RulesRequest, type RuleDescription, type RulesResult } from '../../../server/src/protocol';

/**
 * "Show Rule Documentation": the page of a rule (given by id, e.g. from a diagnostic's code, or
 * picked from every rule the server knows), opened as a Markdown preview.
 */
export async function showRuleDocumentation(
  client: LanguageClient,
  ruleId?: unknown,
): Promise<Uri | undefined> {
  const { rules } = await client.sendRequest<RulesResult>(RulesRequest.method);
  let rule: RuleDescription | undefined =
    typeof ruleId === 'string' ? rules.find((r) => r.id.toLowerCase() === ruleId.toLowerCase()) : undefined;
  if (!rule) {
    const items: (QuickPickItem & { rule: RuleDescription })[] = rules.map((r) => ({
      label: r.id,
      description: r.defaultSeverity,
      detail: r.title,
      rule: r,
    }));
    rule = (
      await window.showQuickPick(items, {
        title: 'Guest Cluster Rules',
        placeHolder: 'Type a rule id or words from its title',
        matchOnDetail: true,
      })
    )?.rule;
  }
  if (!rule) return undefined;
  const page = Uri.parse(rule.documentation);
  await commands.executeCommand('markdown.showPreview', page);
  return page;
}
