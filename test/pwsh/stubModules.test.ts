import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import type { Node } from 'web-tree-sitter';
import { bootstrapScript } from './bootstrap';
import {
  generateStubModules,
  remotingModule,
  stubbedModules,
  supportFunctions,
  type CmdletDoc,
  type CmdletReference,
  type StubModule,
} from './stubModules';
import { nodes, parsePowerShell, repositoryRoot, syntaxErrors } from './treeSitter';

const reference = JSON.parse(
  readFileSync(path.join(repositoryRoot, 'test', 'fixtures', 'powershell-cmdlets.json'), 'utf8'),
) as CmdletReference;

/** Each function a module text defines, with its parameters and the sets each belongs to. */
function functionsOf(tree: Node): Map<string, Map<string, { sets: string[]; text: string }>> {
  const functions = new Map<string, Map<string, { sets: string[]; text: string }>>();
  for (const statement of [...nodes(tree)].filter((node) => node.type === 'function_statement')) {
    const name = statement.children.find((child) => child?.type === 'function_name')!.text;
    const parameters = new Map<string, { sets: string[]; text: string }>();
    const list = [...nodes(statement)].find((node) => node.type === 'parameter_list');
    for (const parameter of list?.children.filter((child) => child?.type === 'script_parameter') ?? []) {
      const variable = parameter!.children
        .find((child) => child?.type === 'variable')!
        .text.replace(/^\$/, '');
      const sets = [...nodes(parameter!)]
        .filter((node) => node.type === 'attribute_argument' && node.text.startsWith('ParameterSetName'))
        .map((node) => node.text.replace(/^ParameterSetName = '|'$/g, ''));
      parameters.set(variable, { sets, text: parameter!.text });
    }
    functions.set(name, parameters);
  }
  return functions;
}

/** The names in `Export-ModuleMember -Function @(...)`, or in a manifest's FunctionsToExport. */
function quotedNames(text: string, pattern: RegExp): string[] {
  const list = pattern.exec(text)?.[1] ?? '';
  return [...list.matchAll(/'([^']+)'/g)].map((match) => match[1]!);
}

function fakeReference(cmdlet: string, doc: Partial<CmdletDoc>): CmdletReference {
  return {
    cmdlets: {
      'Invoke-Command': reference.cmdlets['Invoke-Command']!,
      [cmdlet]: {
        module: 'Hyper-V',
        supportsShouldProcess: false,
        commonParameters: [],
        parameterSets: [],
        ...doc,
      },
    },
  };
}

function parameter(name: string, extra: object = {}) {
  return { name, type: 'String', mandatory: false, position: 'Named', aliases: [], switch: false, ...extra };
}

describe('the generated stub modules', () => {
  const modules = generateStubModules(reference);
  const trees = new Map<string, Node>();

  before(async () => {
    for (const module of modules) {
      for (const file of module.files) trees.set(file.path, await parsePowerShell(file.text));
    }
    trees.set('bootstrap', await parsePowerShell(bootstrapScript));
  });

  const moduleNamed = (name: string): StubModule => modules.find((module) => module.name === name)!;
  const psm1 = (module: StubModule) => module.files.find((file) => file.path.endsWith('.psm1'))!;
  const psd1 = (module: StubModule) => module.files.find((file) => file.path.endsWith('.psd1'))!;

  it('are one per stubbed module and the remoting stub, each a folder with a .psm1 and a .psd1', () => {
    assert.deepEqual(
      modules.map((module) => module.name),
      [...stubbedModules, remotingModule],
    );
    for (const module of modules) {
      assert.deepEqual(
        module.files.map((file) => file.path),
        [`${module.name}/${module.name}.psm1`, `${module.name}/${module.name}.psd1`],
      );
    }
  });

  it('parse without a syntax error, as does the bootstrap', () => {
    for (const [file, tree] of trees) assert.deepEqual(syntaxErrors(tree), [], file);
  });

  it('define, export and list in the manifest exactly the cmdlets of their module in the reference', () => {
    for (const name of stubbedModules) {
      const module = moduleNamed(name);
      const documented = Object.entries(reference.cmdlets)
        .filter(([, doc]) => doc.module === name)
        .map(([cmdlet]) => cmdlet)
        .sort();
      assert.ok(documented.length > 0, name);
      const defined = [...functionsOf(trees.get(psm1(module).path)!).keys()];
      assert.deepEqual(
        defined.filter((fn) => !(supportFunctions as readonly string[]).includes(fn)).sort(),
        documented,
        name,
      );
      assert.deepEqual(
        [...supportFunctions].sort(),
        defined.filter((fn) => !documented.includes(fn)).sort(),
        name,
      );
      assert.deepEqual(
        quotedNames(psm1(module).text, /Export-ModuleMember -Function @\(([^)]*)\)/).sort(),
        documented,
      );
      assert.deepEqual(quotedNames(psd1(module).text, /FunctionsToExport = @\(([^)]*)\)/).sort(), documented);
      assert.deepEqual([...module.functions].sort(), documented);
    }
    const remoting = moduleNamed(remotingModule);
    assert.deepEqual(remoting.functions, ['Invoke-Command']);
    assert.match(psm1(remoting).text, /& \$ScriptBlock @arguments/, 'runs the script block here');
  });

  it('give New-VHD exactly its documented parameters, in its documented sets', () => {
    const doc = reference.cmdlets['New-VHD']!;
    const declared = functionsOf(trees.get('Hyper-V/Hyper-V.psm1')!).get('New-VHD')!;
    const documented = [...new Set(doc.parameterSets.flatMap((set) => set.parameters.map((p) => p.name)))];
    assert.deepEqual([...declared.keys()].sort(), documented.sort());
    for (const set of doc.parameterSets) {
      for (const p of set.parameters)
        assert.ok(declared.get(p.name)!.sets.includes(set.name), `${p.name} in ${set.name}`);
    }
    const fixed = declared.get('Fixed')!.text;
    assert.match(fixed, /\[switch\] \$Fixed$/);
    assert.match(fixed, /ParameterSetName = 'FixedWithoutSource', Mandatory = \$true/);
    assert.match(declared.get('Path')!.text, /\[object\[\]\] \$Path$/);
    assert.match(psm1(moduleNamed('Hyper-V')).text, /DefaultParameterSetName = 'DynamicWithoutSource'/);
  });

  it('never declare a common parameter, which PowerShell adds itself', () => {
    const common = ['Verbose', 'WhatIf', 'Confirm', 'ErrorAction', 'Debug'];
    for (const module of modules) {
      for (const [fn, parameters] of functionsOf(trees.get(psm1(module).path)!)) {
        for (const name of common) assert.ok(!parameters.has(name), `${fn} declares ${name}`);
      }
    }
    const generated = generateStubModules(
      fakeReference('Get-Thing', {
        parameterSets: [
          { name: '__AllParameterSets', parameters: [parameter('Name'), parameter('Verbose')] },
        ],
      }),
    );
    assert.doesNotMatch(generated[0]!.files[0]!.text, /\$Verbose\b/);
    assert.match(generated[0]!.files[0]!.text, /\[object\] \$Name/);
  });

  it('refuse a name that could break out of the PowerShell text', () => {
    const hostile = [
      fakeReference('Get-Thing', {
        parameterSets: [{ name: 'A', parameters: [parameter("Name') { Remove-Item C:\\ } #")] }],
      }),
      fakeReference('Get-Thing', { parameterSets: [{ name: 'A', parameters: [parameter('Na$(me)')] }] }),
      fakeReference('Get-Thing; Remove-Item', { parameterSets: [] }),
      fakeReference('Get-Thing', {
        parameterSets: [{ name: "A'; Remove-Item x; '", parameters: [parameter('Name')] }],
      }),
      fakeReference('Get-Thing', {
        parameterSets: [
          { name: 'A', parameters: [parameter('Name', { aliases: ["x')]\nRemove-Item ('"] })] },
        ],
      }),
      fakeReference('Get-Thing', {
        parameterSets: [{ name: 'A', parameters: [parameter('PSBoundParameters')] }],
      }),
      fakeReference('Get-Thing', {
        parameterSets: [
          { name: 'A', parameters: [parameter('Name'), parameter('Path', { aliases: ['Name'] })] },
        ],
      }),
    ];
    for (const fake of hostile) assert.throws(() => generateStubModules(fake), /Refusing|alias|shadow/);
  });
});
