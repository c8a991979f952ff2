/**
 * Writes the text of stand-in PowerShell modules (Hyper-V, FailoverClusters, Storage,
 * ServerManager, and a remoting stub) from the cmdlet reference in
 * test/fixtures/powershell-cmdlets.json. Each documented cmdlet becomes an advanced function with
 * the documented parameter names, parameter sets and mandatory parameters, so that PowerShell's own
 * parameter binder refuses an undocumented parameter or an impossible combination, as the real
 * module would. The functions change nothing: they record each call in a log, and answer from a
 * state file. Pure: text in, text out; run.ts writes the files.
 */
import { stubSupport } from './stubSupport';

export interface ParameterDoc {
  readonly name: string;
  readonly type: string;
  readonly mandatory: boolean;
  readonly position: number | string;
  readonly aliases: readonly string[];
  readonly switch: boolean;
  readonly pipelineInput?: string;
}

export interface ParameterSetDoc {
  readonly name: string;
  readonly parameters: readonly ParameterDoc[];
}

export interface CmdletDoc {
  readonly module: string;
  readonly supportsShouldProcess: boolean;
  readonly commonParameters: readonly string[];
  readonly parameterSets: readonly ParameterSetDoc[];
  readonly defaultParameterSet?: string;
}

export interface CmdletReference {
  readonly cmdlets: Readonly<Record<string, CmdletDoc>>;
}

export interface StubFile {
  /** Relative to the folder that goes on PSModulePath: `<Module>/<Module>.psm1`. */
  readonly path: string;
  readonly text: string;
}

export interface StubModule {
  readonly name: string;
  /** The cmdlets it stands in for, i.e. the functions it exports. */
  readonly functions: readonly string[];
  readonly files: readonly StubFile[];
}

/** The Windows Server modules whose cmdlets are stubbed, as named in the reference. */
export const stubbedModules = ['Hyper-V', 'FailoverClusters', 'Storage', 'ServerManager'] as const;

/** The module holding the Invoke-Command stub. */
export const remotingModule = 'GclusterRemotingStub';

/** The functions every stub module defines for itself besides the stubs, never exported. */
export const supportFunctions = [
  'Invoke-GclusterStub',
  'Get-GclusterStubState',
  'Test-GclusterStubWhen',
  'Add-GclusterStubReturned',
] as const;

// Names are spliced into PowerShell text, so each is checked against a pattern that cannot
// close a quote, start a subexpression or end a line.
const safeParameter = /^[A-Za-z][A-Za-z0-9]*$/;
const safeCmdlet = /^[A-Za-z]+-[A-Za-z]+$/;
const safeModule = /^[A-Za-z][A-Za-z-]*$/;
// Set names go inside single quotes; the reference has some like `InputObject (cdxml)`.
const safeSetName = /^[A-Za-z0-9_ ()]+$/;

// PowerShell adds these to every advanced function (WhatIf and Confirm with SupportsShouldProcess):
// declaring one again is an error when the function is defined.
const commonParameters = [
  'Debug',
  'ErrorAction',
  'ErrorVariable',
  'InformationAction',
  'InformationVariable',
  'OutBuffer',
  'OutVariable',
  'PipelineVariable',
  'ProgressAction',
  'Verbose',
  'WarningAction',
  'WarningVariable',
  'WhatIf',
  'Confirm',
];
const commonAliases = [
  'db',
  'ea',
  'ev',
  'infa',
  'iv',
  'ob',
  'ov',
  'pv',
  'proga',
  'vb',
  'wa',
  'wv',
  'wi',
  'cf',
];

// A parameter becomes a variable of the same name inside the function: these would shadow an
// automatic variable (or one the stub body itself reads).
const reservedVariables = new Set(
  [
    '_',
    'args',
    'ConsoleFileName',
    'Error',
    'Event',
    'EventArgs',
    'EventSubscriber',
    'ExecutionContext',
    'false',
    'foreach',
    'HOME',
    'Host',
    'input',
    'IsCoreCLR',
    'IsLinux',
    'IsMacOS',
    'IsWindows',
    'LASTEXITCODE',
    'Matches',
    'MyInvocation',
    'NestedPromptLevel',
    'null',
    'PID',
    'PROFILE',
    'PSBoundParameters',
    'PSCmdlet',
    'PSCommandPath',
    'PSCulture',
    'PSDebugContext',
    'PSEdition',
    'PSHOME',
    'PSItem',
    'PSScriptRoot',
    'PSSenderInfo',
    'PSUICulture',
    'PSVersionTable',
    'PWD',
    'Sender',
    'ShellId',
    'StackTrace',
    'switch',
    'this',
    'true',
  ].map((name) => name.toLowerCase()),
);

function assertName(name: string, pattern: RegExp, what: string): void {
  if (!pattern.test(name)) throw new Error(`Refusing to generate a stub: ${what} ${JSON.stringify(name)}`);
}

/** One parameter as declared: its union over the sets it belongs to. */
interface Declared {
  readonly name: string;
  readonly switch: boolean;
  readonly array: boolean;
  readonly aliases: Set<string>;
  readonly attributes: string[];
}

function parameterAttribute(set: ParameterSetDoc, parameter: ParameterDoc, duplicated: Set<number>): string {
  const parts: string[] = [];
  // `__AllParameterSets` is PowerShell's own name for "every set": leaving the name out says so.
  if (set.name !== '__AllParameterSets') parts.push(`ParameterSetName = '${set.name}'`);
  if (parameter.mandatory) parts.push('Mandatory = $true');
  // The docs sometimes give two parameters of a set the same position (a documentation slip);
  // both are then left to be named, which the scripts do anyway.
  if (typeof parameter.position === 'number' && !duplicated.has(parameter.position)) {
    parts.push(`Position = ${parameter.position}`);
  }
  if (/ByValue/.test(parameter.pipelineInput ?? '')) parts.push('ValueFromPipeline = $true');
  if (/ByPropertyName/.test(parameter.pipelineInput ?? ''))
    parts.push('ValueFromPipelineByPropertyName = $true');
  return `[Parameter(${parts.join(', ')})]`;
}

function declaredParameters(cmdlet: string, doc: CmdletDoc): Declared[] {
  const skipped = new Set([...commonParameters, ...doc.commonParameters].map((name) => name.toLowerCase()));
  const declared = new Map<string, Declared>();
  for (const set of doc.parameterSets) {
    assertName(set.name, safeSetName, `parameter set name of ${cmdlet}:`);
    const positions = set.parameters.flatMap((p) => (typeof p.position === 'number' ? [p.position] : []));
    const duplicated = new Set(positions.filter((position, index) => positions.indexOf(position) !== index));
    for (const parameter of set.parameters) {
      assertName(parameter.name, safeParameter, `parameter name of ${cmdlet}:`);
      const key = parameter.name.toLowerCase();
      if (skipped.has(key)) continue;
      if (reservedVariables.has(key)) {
        throw new Error(
          `Refusing to generate a stub: ${cmdlet} -${parameter.name} would shadow $${parameter.name}`,
        );
      }
      let entry = declared.get(key);
      if (!entry) {
        entry = {
          name: parameter.name,
          switch: parameter.switch,
          array: /\[\]$/.test(parameter.type),
          aliases: new Set(),
          attributes: [],
        };
        declared.set(key, entry);
      } else if (entry.name !== parameter.name) {
        throw new Error(
          `${cmdlet} documents -${entry.name} and -${parameter.name}, one parameter to PowerShell`,
        );
      }
      for (const alias of parameter.aliases) {
        assertName(alias, safeParameter, `alias of ${cmdlet} -${parameter.name}:`);
        entry.aliases.add(alias);
      }
      entry.attributes.push(parameterAttribute(set, parameter, duplicated));
    }
  }
  // An alias that is also another parameter's name or alias, or a common parameter's, makes
  // PowerShell refuse the whole function; better to say which here.
  const taken = new Map<string, string>();
  for (const entry of declared.values()) taken.set(entry.name.toLowerCase(), entry.name);
  for (const name of [...commonParameters, ...commonAliases]) taken.set(name.toLowerCase(), name);
  for (const entry of declared.values()) {
    for (const alias of entry.aliases) {
      const owner = taken.get(alias.toLowerCase());
      if (owner !== undefined && owner !== entry.name) {
        throw new Error(`${cmdlet}: the alias ${alias} of -${entry.name} is also ${owner}`);
      }
      taken.set(alias.toLowerCase(), entry.name);
    }
  }
  return [...declared.values()];
}

function stubFunction(cmdlet: string, doc: CmdletDoc, body: readonly string[]): string {
  assertName(cmdlet, safeCmdlet, 'cmdlet name');
  const binding = [`SupportsShouldProcess = $${doc.supportsShouldProcess ? 'true' : 'false'}`];
  // Positions come only from the docs: without this, PowerShell would number the rest itself.
  binding.push('PositionalBinding = $false');
  if (doc.defaultParameterSet !== undefined && doc.parameterSets.length > 1) {
    assertName(doc.defaultParameterSet, safeSetName, `default parameter set of ${cmdlet}:`);
    binding.push(`DefaultParameterSetName = '${doc.defaultParameterSet}'`);
  }
  const parameters = declaredParameters(cmdlet, doc).map((parameter) => {
    const lines = parameter.attributes.map((attribute) => `        ${attribute}`);
    if (parameter.aliases.size > 0) {
      lines.push(`        [Alias(${[...parameter.aliases].map((alias) => `'${alias}'`).join(', ')})]`);
    }
    // Loose types on purpose: the names and sets are what is checked, not the .NET types.
    const type = parameter.switch ? '[switch]' : parameter.array ? '[object[]]' : '[object]';
    lines.push(`        ${type} $${parameter.name}`);
    return lines.join('\n');
  });
  return [
    `function ${cmdlet} {`,
    `    [CmdletBinding(${binding.join(', ')})]`,
    '    param(',
    parameters.join(',\n\n'),
    '    )',
    '    process {',
    ...body.map((line) => `        ${line}`),
    '    }',
    '}',
  ].join('\n');
}

function manifest(name: string, functions: readonly string[]): string {
  return [
    `# Generated by test/pwsh/stubModules.ts: the manifest of the ${name} stand-in.`,
    '@{',
    `    RootModule        = '${name}.psm1'`,
    "    ModuleVersion     = '0.0.1'",
    "    Description       = 'A test stand-in generated from the cmdlet reference: it records calls and changes nothing.'",
    `    FunctionsToExport = @(${functions.map((name) => `'${name}'`).join(', ')})`,
    '    CmdletsToExport   = @()',
    '    VariablesToExport = @()',
    '    AliasesToExport   = @()',
    '}',
    '',
  ].join('\n');
}

function moduleText(header: readonly string[], functions: readonly string[]): string {
  return [
    ...header.map((line) => `# ${line}`),
    '',
    stubSupport,
    '',
    ...functions.flatMap((text) => [text, '']),
  ].join('\n');
}

function stubModule(
  name: string,
  header: readonly string[],
  cmdlets: readonly [string, CmdletDoc, readonly string[]][],
): StubModule {
  assertName(name, safeModule, 'module name');
  const names = cmdlets.map(([cmdlet]) => cmdlet);
  const functions = cmdlets.map(([cmdlet, doc, body]) => stubFunction(cmdlet, doc, body));
  const exports = `Export-ModuleMember -Function @(${names.map((cmdlet) => `'${cmdlet}'`).join(', ')})`;
  return {
    name,
    functions: names,
    files: [
      { path: `${name}/${name}.psm1`, text: `${moduleText(header, functions)}${exports}\n` },
      { path: `${name}/${name}.psd1`, text: manifest(name, names) },
    ],
  };
}

/** The stub modules for the reference: one per stubbed Windows Server module, and the remoting stub. */
export function generateStubModules(reference: CmdletReference): StubModule[] {
  const entries = Object.entries(reference.cmdlets);
  const modules = stubbedModules.map((module) =>
    stubModule(
      module,
      [
        `Generated by test/pwsh/stubModules.ts from test/fixtures/powershell-cmdlets.json. A stand-in for`,
        `the ${module} module: each function has the documented parameters and parameter sets of the`,
        'cmdlet of its name, records each call in $env:GCLUSTER_STUB_LOG and changes nothing.',
      ],
      entries
        .filter(([, doc]) => doc.module === module)
        .map(([cmdlet, doc]) => [
          cmdlet,
          doc,
          [`Invoke-GclusterStub -Cmdlet '${cmdlet}' -Bound $PSBoundParameters`],
        ]),
    ),
  );
  const invokeCommand = reference.cmdlets['Invoke-Command'];
  if (!invokeCommand) throw new Error('The cmdlet reference has no Invoke-Command to stub');
  modules.push(
    stubModule(
      remotingModule,
      [
        'Generated by test/pwsh/stubModules.ts from test/fixtures/powershell-cmdlets.json.',
        'Invoke-Command is a core cmdlet that is always there, so no module is ever loaded to find it;',
        'but a function of the same name, once loaded, wins over the cmdlet. This module defines that',
        'function with the documented parameters of Invoke-Command; the test loads it before it runs a',
        'script. It records the call and runs the script block here, in this process, instead of on',
        'the named computer.',
      ],
      [
        [
          'Invoke-Command',
          invokeCommand,
          [
            "Invoke-GclusterStub -Cmdlet 'Invoke-Command' -Bound $PSBoundParameters",
            "if ($null -eq $ScriptBlock) { throw 'The remoting stub runs a -ScriptBlock only.' }",
            '$arguments = @()',
            'if ($null -ne $ArgumentList) { $arguments = $ArgumentList }',
            '& $ScriptBlock @arguments',
          ],
        ],
      ],
    ),
  );
  return modules;
}
