import * as path from 'node:path';
import { Language, Parser, type Node } from 'web-tree-sitter';

/** The repository root, from out/test/pwsh (compiled) as from test/pwsh. */
export const repositoryRoot = path.resolve(__dirname, '..', '..', '..');

let parser: Promise<Parser> | undefined;

/** One PowerShell parser for the whole test process: loading the grammar takes a while. */
export function powerShellParser(): Promise<Parser> {
  parser ??= (async () => {
    await Parser.init();
    const wasm = path.join(
      repositoryRoot,
      'node_modules',
      'tree-sitter-powershell',
      'tree-sitter-powershell.wasm',
    );
    const created = new Parser();
    created.setLanguage(await Language.load(wasm));
    return created;
  })();
  return parser;
}

/** The syntax tree of a PowerShell text; throws if the parser gives none. */
export async function parsePowerShell(text: string): Promise<Node> {
  const tree = (await powerShellParser()).parse(text);
  if (!tree) throw new Error('tree-sitter-powershell returned no tree');
  return tree.rootNode;
}

/** Every node of a tree, depth first. */
export function* nodes(node: Node): Generator<Node> {
  yield node;
  for (const child of node.children) if (child) yield* nodes(child);
}

/** Where the parser gave up: ERROR and MISSING nodes, as `line: text`. */
export function syntaxErrors(tree: Node): string[] {
  return [...nodes(tree)]
    .filter((node) => node.type === 'ERROR' || node.isMissing)
    .map((node) => `${node.startPosition.row + 1}: ${node.text.slice(0, 60)}`);
}

/** The parameters a command node passes itself (not those of a command nested in its arguments). */
export function ownParameters(command: Node): string[] {
  const elements = command.childForFieldName('command_elements')?.children ?? [];
  return elements
    .filter((node): node is Node => node?.type === 'command_parameter')
    .map((node) => node.text.replace(/^-/, '').replace(/:$/, ''));
}

/** A command node's name as written (`ConvertTo-Json`, `%`, `$Block`). */
export function commandName(command: Node): string {
  return command.childForFieldName('command_name')?.text ?? '';
}
