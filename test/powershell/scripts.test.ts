import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { Language, Parser, type Node } from 'web-tree-sitter';
import { buildPlan } from '../../server/src/service/plan/buildPlan';
import { service } from '../service/fixture';
import { cmdletReference } from '../service/plan/cmdletReference';
import { plannedDefinitions } from '../service/plan/plannedDefinitions';

const root = path.resolve(__dirname, '..', '..', '..');
const scriptsFolder = path.join(root, 'client', 'powershell');
const scripts = readdirSync(scriptsFolder).filter((name) => name.endsWith('.ps1'));

/** Every node of a tree, depth first. */
function* nodes(node: Node): Generator<Node> {
  yield node;
  for (const child of node.children) if (child) yield* nodes(child);
}

/** The names of the functions a script defines. */
function functionsOf(tree: Node): Set<string> {
  return new Set(
    [...nodes(tree)]
      .filter((node) => node.type === 'function_statement')
      .map((node) => node.children.find((child) => child?.type === 'function_name')!.text),
  );
}

/** The string keys of the hash literal assigned to `$name`, each with the commands its value runs. */
function table(tree: Node, name: string): Map<string, string[]> {
  const assignment = [...nodes(tree)].find(
    (node) => node.type === 'assignment_expression' && node.text.startsWith(`$${name} = @{`),
  );
  assert.ok(assignment, `$${name} is assigned a table`);
  const entries = new Map<string, string[]>();
  for (const entry of [...nodes(assignment)].filter((node) => node.type === 'hash_entry')) {
    const key = entry.children.find((child) => child?.type === 'key_expression')!.text.replace(/^'|'$/g, '');
    const commands = [...nodes(entry)]
      .filter((node) => node.type === 'command_name')
      .map((node) => node.text);
    entries.set(key, commands);
  }
  return entries;
}

describe('the PowerShell scripts, checked without PowerShell', () => {
  const parsed = new Map<string, Node>();

  before(async () => {
    await Parser.init();
    const wasm = path.join(root, 'node_modules', 'tree-sitter-powershell', 'tree-sitter-powershell.wasm');
    const parser = new Parser();
    parser.setLanguage(await Language.load(wasm));
    for (const script of scripts) {
      const tree = parser.parse(readFileSync(path.join(scriptsFolder, script), 'utf8'));
      assert.ok(tree, script);
      parsed.set(script, tree.rootNode);
    }
  });

  it('are there, and parse without a syntax error', () => {
    assert.deepEqual(scripts.sort(), [
      'Get-GclusterInventory.ps1',
      'Invoke-GclusterPlan.ps1',
      'Test-GclusterPrerequisites.ps1',
    ]);
    for (const [script, tree] of parsed) {
      const errors = [...nodes(tree)].filter((node) => node.type === 'ERROR' || node.isMissing);
      assert.deepEqual(
        errors.map((node) => `${node.startPosition.row + 1}: ${node.text.slice(0, 40)}`),
        [],
        script,
      );
    }
  });

  it('call only documented cmdlets (or their own functions), with documented parameters', () => {
    for (const [script, tree] of parsed) {
      const functions = functionsOf(tree);
      for (const command of [...nodes(tree)].filter((node) => node.type === 'command')) {
        const name = command.childForFieldName('command_name')?.text ?? '';
        if (name.startsWith('$')) continue; // `& $Block`, checked below
        if (functions.has(name)) continue;
        const doc = cmdletReference[name];
        assert.ok(doc, `${script}: ${name} is not in the cmdlet reference`);
        const documented = new Set(
          [
            ...doc.parameterSets.flatMap((set) => set.parameters.map((p) => p.name)),
            ...doc.commonParameters,
          ].map((p) => p.toLowerCase()),
        );
        // The command's own parameters, not those of a command nested in its arguments.
        const own = command.childForFieldName('command_elements')?.children ?? [];
        for (const parameter of own.filter((node) => node?.type === 'command_parameter') as Node[]) {
          const used = parameter.text.replace(/^-/, '').replace(/:$/, '').toLowerCase();
          assert.ok(documented.has(used), `${script}: ${name} -${used} is not documented`);
        }
      }
    }
  });

  it('run only the cmdlets that plans use, each through a fixed table of script blocks', () => {
    const plans = plannedDefinitions().map(([, text]) =>
      buildPlan(service.analyze(service.parse(text)).model),
    );
    const steps = plans.flatMap((plan) => plan.steps);
    const planned = new Set(steps.filter((step) => !step.pipeline).map((step) => step.cmdlet));
    const piped = new Set(
      steps.flatMap((step) =>
        step.pipeline ? [[step.cmdlet, ...step.pipeline.map((stage) => stage.cmdlet)].join('|')] : [],
      ),
    );
    const probed = new Set(steps.flatMap((step) => (step.probe ? [step.probe.cmdlet] : [])));
    const refs = (values: object[]) =>
      values.flatMap((value) =>
        Object.values(value).flatMap((v: unknown) =>
          typeof v === 'object' && v !== null && 'ref' in v ? [String((v as { ref: unknown }).ref)] : [],
        ),
      );
    const found = new Set(
      refs(steps.flatMap((step) => [step.parameters, ...(step.probe ? [step.probe.parameters] : [])])),
    );
    const tree = parsed.get('Invoke-GclusterPlan.ps1')!;
    const actions = table(tree, 'actions');
    const probes = table(tree, 'probes');
    const pipelines = table(tree, 'pipelines');
    const finders = table(tree, 'finders');
    assert.deepEqual([...actions.keys()].sort(), [...planned].sort());
    assert.deepEqual([...probes.keys()].sort(), [...probed].sort());
    assert.deepEqual([...pipelines.keys()].sort(), [...piped].sort());
    assert.deepEqual([...finders.keys()].sort(), [...found].sort());
    for (const [key, commands] of [...actions, ...probes])
      assert.deepEqual(commands, [key], `the entry ${key} runs ${key}`);
    for (const [key, commands] of pipelines)
      assert.deepEqual(commands, key.split('|'), `the pipeline ${key} runs its stages in order`);
    for (const probe of probes.keys()) assert.match(probe, /^Get-/, 'a probe only reads');
    // A finder only reads: it looks a value up, it never changes anything.
    for (const [key, commands] of finders)
      for (const command of commands) assert.match(command, /^Get-/, `the finder ${key} runs ${command}`);
  });

  it('only read, where they inspect and check', () => {
    const reading = /^(Get-[A-Za-z]+|ConvertTo-Json|ConvertFrom-Json|Write-Output|Invoke-Command)$/;
    for (const script of ['Get-GclusterInventory.ps1', 'Test-GclusterPrerequisites.ps1']) {
      const tree = parsed.get(script)!;
      const functions = functionsOf(tree);
      for (const command of [...nodes(tree)].filter((node) => node.type === 'command')) {
        const name = command.childForFieldName('command_name')?.text ?? '';
        if (!functions.has(name)) assert.match(name, reading, `${script} runs ${name}`);
      }
    }
  });

  it('never build commands from strings, evaluate text, or delete anything', () => {
    for (const [script, tree] of parsed) {
      const text = readFileSync(path.join(scriptsFolder, script), 'utf8');
      for (const forbidden of [
        /Invoke-Expression/i,
        /\biex\b/i,
        /\bRemove-\w+/i,
        /\[scriptblock\]::Create/i,
        /Add-Type/i,
        /Start-Process/i,
        /NewScriptBlock/i,
      ]) {
        assert.doesNotMatch(text.replace(/^\s*#.*$/gm, '').replace(/<#[\s\S]*?#>/g, ''), forbidden, script);
      }
      // `&` runs only a script block from the tables, passed in as $Block.
      const invoked = [...nodes(tree)]
        .filter(
          (node) =>
            node.type === 'command' &&
            node.children.some((child) => child?.type === 'command_invokation_operator'),
        )
        .map((node) => node.childForFieldName('command_name')?.text);
      for (const target of invoked) assert.equal(target, '$Block', script);
      for (const assignment of [...nodes(tree)].filter(
        (node) => /^\$(action|probe|finder) = /.test(node.text) && node.type === 'assignment_expression',
      )) {
        assert.match(
          assignment.text,
          /^\$(action|probe|finder) = \$(actions|probes|pipelines|finders)\[/,
          script,
        );
      }
    }
  });
});
