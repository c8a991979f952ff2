/**
 * The PowerShell the extension ships (and the stubs its PowerShell test loads) must run in Windows
 * PowerShell 5.1 as in PowerShell 7: 5.1 is what every Windows Server has. Checked on the syntax
 * tree, without PowerShell, for the PowerShell 6/7 constructs that 5.1 lacks.
 *
 * What tree-sitter-powershell makes of them, found by parsing samples: `??`, `??=`, `?.`, `?[` and
 * the ternary `a ? b : c` are not in its grammar and come out as ERROR nodes, as does a `clean`
 * block next to other named blocks; so "no ERROR node" already refuses them, and the error is only
 * named here for a clearer message. `&&` and `||` parse (as pipeline_chain_tail), a lone
 * `clean { }` parses as a command named clean, parameters as command_parameter and `$PSStyle` as a
 * variable: those are looked for one by one.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import type { Node } from 'web-tree-sitter';
import { bootstrapScript } from '../pwsh/bootstrap';
import { generateStubModules, type CmdletReference } from '../pwsh/stubModules';
import { commandName, nodes, ownParameters, parsePowerShell, repositoryRoot } from '../pwsh/treeSitter';

const reference = JSON.parse(
  readFileSync(path.join(repositoryRoot, 'test', 'fixtures', 'powershell-cmdlets.json'), 'utf8'),
) as CmdletReference & {
  cmdlets: Record<string, { parameterNames?: string[]; parametersOnlyInPowerShell7?: string[] }>;
};

const commonParameters = [
  'Debug',
  'ErrorAction',
  'ErrorVariable',
  'InformationAction',
  'InformationVariable',
  'OutBuffer',
  'OutVariable',
  'PipelineVariable',
  'Verbose',
  'WarningAction',
  'WarningVariable',
  'WhatIf',
  'Confirm',
];

interface CmdletRule {
  /** The names it is called by (the cmdlet and its built-in aliases), lower case. */
  readonly names: readonly string[];
  /** Its parameters in Windows PowerShell 5.1: an abbreviation of one of these is not refused. */
  readonly in51: readonly string[];
  readonly only7: readonly string[];
}

/** Parameters that exist only in PowerShell 6/7, with the 5.1 parameters of the same cmdlet. */
function cmdletRules(): CmdletRule[] {
  const documented = (
    cmdlet: string,
    only7: readonly string[],
    aliases: readonly string[] = [],
  ): CmdletRule => {
    const doc = reference.cmdlets[cmdlet];
    return {
      names: [cmdlet, ...aliases].map((name) => name.toLowerCase()),
      in51: [...(doc?.parameterNames ?? []), ...commonParameters],
      // The reference knows more (e.g. -EscapeHandling); the ones named here stay even if it changes.
      only7: [...new Set([...only7, ...(doc?.parametersOnlyInPowerShell7 ?? [])])],
    };
  };
  const rules = [
    documented('ConvertTo-Json', ['AsArray', 'EnumsAsStrings']),
    documented('ConvertFrom-Json', ['AsHashtable', 'Depth']),
    documented('Get-Content', ['AsByteStream'], ['gc', 'cat', 'type']),
    {
      // Not in the reference: its 5.1 parameters, from the Windows PowerShell 5.1 documentation.
      names: ['foreach-object', '%', 'foreach'],
      in51: [
        'Begin',
        'Process',
        'End',
        'RemainingScripts',
        'InputObject',
        'MemberName',
        'ArgumentList',
        ...commonParameters,
      ],
      only7: ['Parallel', 'ThrottleLimit', 'TimeoutSeconds', 'AsJob', 'UseNewRunspace'],
    },
  ];
  const named = new Set(rules.flatMap((rule) => rule.names));
  for (const [cmdlet, doc] of Object.entries(reference.cmdlets)) {
    if (!named.has(cmdlet.toLowerCase()) && (doc.parametersOnlyInPowerShell7 ?? []).length > 0) {
      rules.push(documented(cmdlet, []));
    }
  }
  return rules;
}

const rules = cmdletRules();

/** Automatic variables PowerShell 6/7 added: in 5.1 they are simply $null, which reads as false. */
const variablesOnly7 = ['psstyle', 'iswindows', 'islinux', 'ismacos', 'iscoreclr'];

/** Names what an ERROR node stands for, from its text and what follows it. */
function errorConstruct(node: Node): string {
  const text = node.text + (node.nextSibling?.text.slice(0, 1) ?? '');
  if (/\?\?=/.test(text)) return 'the ??= operator';
  if (/\?\?/.test(text)) return 'the ?? operator';
  if (/\?[.[]/.test(text)) return 'null-conditional member access (?. or ?[)';
  if (/\?/.test(text)) return 'the ternary operator (a ? b : c)';
  if (/\bclean\b/i.test(text)) return 'a clean block';
  return 'a syntax error';
}

function used(parameter: string, candidates: readonly string[]): boolean {
  const given = parameter.toLowerCase();
  return candidates.some((candidate) => candidate.toLowerCase().startsWith(given));
}

/** `$Name` as a variable's name: no sigil, braces or scope, lower case. */
function variableName(node: Node): string {
  return node.text
    .replace(/^\$\{?/, '')
    .replace(/\}$/, '')
    .replace(/^(global|script|local|private):/i, '')
    .toLowerCase();
}

const fromJson = /^\(?\s*ConvertFrom-Json\b/i;

/** A loop over what ConvertFrom-Json gave: fine as `@(...)` or over `.PSObject.Properties`. */
function iteratesJsonUnwrapped(collection: string, parsed: ReadonlySet<string>): boolean {
  if (/^@\(/.test(collection) || /\.PSObject\.Properties\)?$/i.test(collection)) return false;
  const inner = collection.replace(/^\((.*)\)$/s, '$1');
  const member = /^\$([A-Za-z_][A-Za-z0-9_]*)\./.exec(inner);
  if (member && parsed.has(member[1]!.toLowerCase())) return true;
  return /^\(\s*ConvertFrom-Json\b[^)]*\)\./i.test(inner);
}

/**
 * Where a PowerShell text uses what Windows PowerShell 5.1 does not have, or what it does
 * differently enough to break the script; as `line: what`.
 */
function incompatibilities(tree: Node): string[] {
  const found: string[] = [];
  const report = (node: Node, what: string) => found.push(`${node.startPosition.row + 1}: ${what}`);
  // Variables holding parsed JSON: assigned from ConvertFrom-Json, or looping over such a value.
  // Not followed into functions (a parameter is not known to hold parsed JSON): that much is not checked.
  const parsed = new Set<string>();
  for (const node of nodes(tree)) {
    if (node.type === 'ERROR' && node.parent?.type !== 'ERROR') report(node, errorConstruct(node));
    else if (node.isMissing) report(node, `a syntax error (missing ${node.type})`);
    else if (node.type === 'pipeline_chain_tail') {
      report(node, `the pipeline chain operator ${node.child(0)?.text ?? ''}`);
    } else if (node.type === 'variable' && variablesOnly7.includes(variableName(node))) {
      report(node, `$${variableName(node)}, which Windows PowerShell 5.1 does not set`);
    } else if (node.type === 'assignment_expression') {
      const target = node.child(0)?.text ?? '';
      const value = node.text.slice(node.text.indexOf('=') + 1).trim();
      if (/^\$[A-Za-z_][A-Za-z0-9_]*$/.test(target) && fromJson.test(value))
        parsed.add(target.slice(1).toLowerCase());
    } else if (node.type === 'foreach_statement') {
      const variable = node.children.find((child) => child?.type === 'variable');
      const collection = node.children.find((child) => child?.type === 'pipeline')?.text ?? '';
      const derived = [...parsed].some((name) =>
        new RegExp(`^\\(?@?\\(?\\$${name}\\b`, 'i').test(collection),
      );
      if (variable && (derived || fromJson.test(collection))) parsed.add(variableName(variable));
      if (iteratesJsonUnwrapped(collection, parsed)) {
        report(node, `a loop over ${collection} without @(): a missing or single value is not a list`);
      }
    } else if (node.type === 'command') {
      const name = commandName(node).toLowerCase();
      const parameters = ownParameters(node);
      for (const rule of rules.filter((candidate) => candidate.names.includes(name))) {
        for (const parameter of parameters) {
          if (used(parameter, rule.only7) && !used(parameter, rule.in51)) {
            report(node, `${commandName(node)} -${parameter}, which only PowerShell 7 has`);
          }
        }
      }
      if (name === 'convertto-json' && !parameters.some((p) => p.length >= 3 && used(p, ['Depth']))) {
        report(node, 'ConvertTo-Json without -Depth (Windows PowerShell 5.1 stops at depth 2)');
      }
      if (name === 'convertfrom-json' && node.nextSibling?.type === '|') {
        report(node, 'ConvertFrom-Json piped on (Windows PowerShell 5.1 sends a JSON array as one object)');
      }
      if (name === 'clean' && [...nodes(node)].some((inner) => inner.type === 'script_block_expression')) {
        report(node, 'a clean block');
      }
    }
  }
  return found;
}

async function check(text: string): Promise<string[]> {
  return incompatibilities(await parsePowerShell(text));
}

describe('PowerShell 5.1 compatibility, checked without PowerShell', () => {
  const texts = new Map<string, string>();

  before(() => {
    const folder = path.join(repositoryRoot, 'client', 'powershell');
    for (const script of readdirSync(folder).filter((name) => name.endsWith('.ps1'))) {
      texts.set(`client/powershell/${script}`, readFileSync(path.join(folder, script), 'utf8'));
    }
    for (const module of generateStubModules(reference)) {
      for (const file of module.files) texts.set(`stub ${file.path}`, file.text);
    }
    texts.set('test/pwsh/bootstrap.ts', bootstrapScript);
  });

  it('finds each PowerShell 7 construct in a sample (so that it can fail)', async () => {
    const samples: [string, RegExp][] = [
      ['$a = $b ?? 1', /the \?\? operator/],
      ['$a ??= 1', /the \?\?= operator/],
      ['${x}?.Name', /null-conditional/],
      ['${x}?[0]', /null-conditional/],
      ['$a = $c ? 1 : 2', /ternary/],
      ['Get-Item x && Get-Item y', /pipeline chain operator &&/],
      ['Get-Item x || Get-Item y', /pipeline chain operator \|\|/],
      ['1..3 | ForEach-Object -Parallel { $_ }', /ForEach-Object -Parallel/],
      ['1..3 | % -Parallel { $_ }', /% -Parallel/],
      ['ConvertTo-Json -InputObject $x -AsArray -Depth 3', /-AsArray/],
      ['$x | ConvertTo-Json -EnumsAsStrings -Depth 3', /-EnumsAsStrings/],
      ['ConvertFrom-Json -InputObject $t -AsHashtable', /-AsHashtable/],
      ['ConvertFrom-Json -InputObject $t -AsHash', /-AsHash,/],
      ['ConvertFrom-Json -InputObject $t -Depth 5', /ConvertFrom-Json -Depth/],
      ['Get-Content -LiteralPath $p -AsByteStream', /-AsByteStream/],
      ['$PSStyle.Reset', /\$psstyle/],
      ['if ($IsWindows) { 1 }', /\$iswindows/],
      ['function f { begin { } clean { 1 } }', /clean block/],
      ['param($a)\nclean { 1 }', /clean block/],
      ['Write-Output (ConvertTo-Json -InputObject $x -Compress)', /without -Depth/],
      ['$o = ConvertFrom-Json -InputObject $t\nforeach ($s in $o.steps) { }', /without @\(\)/],
      [
        '$o = ConvertFrom-Json $t\nforeach ($s in @($o.steps)) { foreach ($d in $s.disks) { } }',
        /\$s\.disks without @\(\)/,
      ],
      ['foreach ($s in (ConvertFrom-Json $t).steps) { }', /without @\(\)/],
      ['ConvertFrom-Json $t | ForEach-Object { $_ }', /piped on/],
    ];
    for (const [sample, expected] of samples) {
      const found = await check(sample);
      assert.ok(
        found.some((line) => expected.test(line)),
        `${JSON.stringify(sample)}: ${JSON.stringify(found)}`,
      );
    }
  });

  it('finds nothing in the 5.1 ways of saying the same', async () => {
    const sample = [
      '$o = ConvertFrom-Json -InputObject $t',
      'foreach ($s in @($o.steps)) { foreach ($p in $s.set.PSObject.Properties) { } }',
      'foreach ($p in (ConvertFrom-Json -InputObject $t).PSObject.Properties) { }',
      'Write-Output (ConvertTo-Json -InputObject $o -Compress -Depth 4)',
      '$x = if ($null -ne $a) { $a } else { 1 }',
      'Get-Content -LiteralPath $p -Raw -Encoding Byte',
      '1..3 | ForEach-Object -Process { $_ }',
      '$onWindows = [System.Environment]::OSVersion.Platform -eq [System.PlatformID]::Win32NT',
    ].join('\n');
    assert.deepEqual(await check(sample), []);
  });

  it("find nothing in the extension's scripts, the stub modules and the bootstrap", async () => {
    assert.ok([...texts.keys()].filter((name) => name.startsWith('client/')).length >= 3);
    for (const [name, text] of texts) assert.deepEqual(await check(text), [], name);
  });
});
