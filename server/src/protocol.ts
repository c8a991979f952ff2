/**
 * Messages between the client and the server beyond standard LSP, declared once for both sides.
 * This module imports nothing, so the client can use it without pulling in server code.
 */

/** One diagnostic code the server can report, with where its documentation is. */
export interface RuleDescription {
  readonly id: string;
  readonly title: string;
  readonly defaultSeverity: 'error' | 'warning' | 'info' | 'hint';
  /** A file URI of the rule's Markdown documentation. */
  readonly documentation: string;
}

/** `gcluster/rules`: every diagnostic code, for "Show Rule Documentation" and settings UIs. */
export const RulesRequest = { method: 'gcluster/rules' } as const;
export interface RulesResult {
  readonly rules: readonly RuleDescription[];
}

/**
 * Node options for the server process. A young generation of 4 MB semi-spaces (instead of 16)
 * lets V8 give memory back once a burst of edits is over — 69 MB instead of 118 MB at rest for a
 * small definition — at no measurable cost in parse speed (`npm run bench`; 1 MB cost 15%).
 */
export const serverExecArgv: readonly string[] = ['--max-semi-space-size=4'];

/** A place in a document, as LSP has it (zero-based lines and UTF-16 characters). */
export interface TextRange {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

/** How many diagnostics of each severity fall inside an item (the item's own and its children's). */
export interface ProblemCount {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly hints: number;
}

export type OverviewKind =
  | 'hostCluster'
  | 'hostNode'
  | 'storage'
  | 'volume'
  | 'share'
  | 'sharedDisk'
  | 'virtualMachine'
  | 'guestCluster'
  | 'witness';

/**
 * One thing of a definition as the Definitions view and the Topology view show it. `name` is
 * the user's text, unescaped: every view that renders it must treat it as text, never markup.
 */
export interface OverviewItem {
  readonly kind: OverviewKind;
  readonly name: string;
  /** A short line of facts ("500 GB .vhdx fixed"). */
  readonly detail: string;
  /** The whole mapping; diagnostics inside it are counted in `problems`. */
  readonly range: TextRange;
  /** The name, or the key of a section: what a click reveals. */
  readonly selectionRange: TextRange;
  readonly problems: ProblemCount;
}

export interface StorageLocationOverview extends OverviewItem {
  readonly kind: 'volume' | 'share';
  readonly path?: string;
  readonly capacityGB?: number;
}

export interface StorageOverview extends OverviewItem {
  readonly kind: 'storage';
  /** `csv` or `sofs` as written, or undefined when not given. */
  readonly storageKind?: string;
  /** The Scale-Out File Server's name, for SOFS storage. */
  readonly sofsName?: string;
  readonly locations: readonly StorageLocationOverview[];
}

export interface HostClusterOverview extends OverviewItem {
  readonly kind: 'hostCluster';
  readonly nodes: readonly OverviewItem[];
  readonly storage?: StorageOverview;
}

export interface SharedDiskOverview extends OverviewItem {
  readonly kind: 'sharedDisk';
  readonly path?: string;
  /** The volume or share the disk's path is on, by its name in the definition. */
  readonly location?: string;
  readonly guestUse?: string;
  /** The VMs whose `sharedDisks` name this disk, in document order. */
  readonly attachedTo: readonly string[];
}

export interface AttachmentOverview {
  readonly disk: string;
  /** `scsi` unless the long form says otherwise. */
  readonly controller: string;
  readonly persistentReservations: boolean;
  readonly range: TextRange;
}

export interface VirtualMachineOverview extends OverviewItem {
  readonly kind: 'virtualMachine';
  readonly preferredHost?: string;
  readonly attachments: readonly AttachmentOverview[];
  /** Listed in `guestCluster.nodes`. */
  readonly guestNode: boolean;
}

export interface WitnessOverview extends OverviewItem {
  readonly kind: 'witness';
  /** `disk`, `fileShare`, `cloud` or `none`, as written. */
  readonly witnessKind: string;
  /** The disk name, share path or storage account the witness uses. */
  readonly target?: string;
}

export interface GuestClusterOverview extends OverviewItem {
  readonly kind: 'guestCluster';
  readonly nodes: readonly string[];
  readonly witness?: WitnessOverview;
}

/** A whole definition file, for the Definitions and Topology views. */
export interface DefinitionOverview {
  readonly uri: string;
  /** The definition's `name`, when it has one. */
  readonly name?: string;
  readonly problems: ProblemCount;
  /** Why the file could not be read as a definition (too large, not YAML, …), when so. */
  readonly unreadable?: string;
  readonly hostCluster?: HostClusterOverview;
  readonly sharedDisks: readonly SharedDiskOverview[];
  readonly virtualMachines: readonly VirtualMachineOverview[];
  readonly guestCluster?: GuestClusterOverview;
}

/**
 * `gcluster/definitions`: the overview of the given definitions (open or on disk), or of every
 * definition in the workspace when `uris` is absent. Files that no longer exist are left out.
 */
export const DefinitionsRequest = { method: 'gcluster/definitions' } as const;
export interface DefinitionsParams {
  readonly uris?: readonly string[];
}
export interface DefinitionsResult {
  readonly definitions: readonly DefinitionOverview[];
}

/** `gcluster/definitionsChanged` (server → client): these definitions' overviews may have changed. */
export const DefinitionsChangedNotification = { method: 'gcluster/definitionsChanged' } as const;
export interface DefinitionsChangedParams {
  readonly uris: readonly string[];
}

/** `gcluster/validateWorkspace`: every definition on disk validated, its problems published. */
export const ValidateWorkspaceRequest = { method: 'gcluster/validateWorkspace' } as const;
export interface ValidateWorkspaceResult {
  readonly files: number;
  readonly problems: ProblemCount;
}

/** What "New Definition" asks the user. */
export interface NewDefinitionParams {
  readonly name: string;
  readonly guestNodes: number;
  readonly storage: 'csv' | 'sofs';
}

/** `gcluster/newDefinition`: the text of a new definition that validates cleanly, or why not. */
export const NewDefinitionRequest = { method: 'gcluster/newDefinition' } as const;
export type NewDefinitionResult =
  | { readonly text: string }
  | { readonly errors: readonly { readonly field: keyof NewDefinitionParams; readonly message: string }[] };

/**
 * A value the executor finds while deploying, with one of its fixed finders, because it does not
 * exist before: the number a shared disk gets inside a guest, or the guest cluster's entry for an
 * available disk. Found by the disk's size, told apart by its SCSI location where sizes repeat.
 */
export interface PlanRef {
  readonly ref: 'guestDiskNumber' | 'availableClusterDisk';
  readonly sizeBytes: number;
  /** The disk's SCSI location (LUN) in the guest. */
  readonly location?: number;
  /** The guest cluster, for `availableClusterDisk`. */
  readonly cluster?: string;
  /** What it is, in words, for the plan preview and for the error when it cannot be found. */
  readonly description: string;
}

/**
 * A parameter value of a plan step: a literal (a switch is `true`), a secret the deployer asks
 * for at run time and never stores (`{ secret }`), or a value found while deploying (`{ ref }`).
 */
export type PlanValue = string | number | boolean | readonly string[] | { readonly secret: string } | PlanRef;

export interface PlanCall {
  readonly cmdlet: string;
  readonly parameters: Readonly<Record<string, PlanValue>>;
}

/**
 * How to tell that a step is already done: run the probe's cmdlet; with no `where`, any result
 * means done; with `where`, some returned object must have all those property values.
 */
export interface PlanProbe extends PlanCall {
  readonly where?: Readonly<Record<string, string | number | boolean | readonly string[]>>;
  /** `notFound`: the step is done when the probe finds nothing (e.g. no RAW disk is left). */
  readonly doneWhen?: 'found' | 'notFound';
}

export type PlanPhase = 'check' | 'disks' | 'vms' | 'attach' | 'highAvailability' | 'guestCluster';

/** One step of a deployment: data only; the executor runs `cmdlet` from a fixed allow-list. */
export interface PlanStep extends PlanCall {
  /** Stable across plans of the same definition: what a resumed run matches on. */
  readonly id: string;
  readonly title: string;
  readonly phase: PlanPhase;
  /** What the step makes or changes. */
  readonly target: { readonly kind: OverviewKind; readonly name: string };
  /**
   * Where the cmdlet runs: on the deployer's machine (reaching the hosts through the cmdlet's own
   * `-ComputerName` or `-Cluster`), or inside a computer through PowerShell remoting.
   */
  readonly runOn: { readonly kind: 'local' } | { readonly kind: 'remote'; readonly computerName: string };
  /** The Windows Server version whose cmdlet reference the call follows. */
  readonly os: string;
  readonly probe?: PlanProbe;
  /**
   * Cmdlets the step's output is piped through, in order (e.g. a new disk's partition into
   * Format-Volume), each from a fixed pipeline of the executor.
   */
  readonly pipeline?: readonly PlanCall[];
  /** Properties to set on the object the cmdlet returns (e.g. a cluster group's AntiAffinityClassNames). */
  readonly set?: Readonly<Record<string, string | number | boolean | readonly string[]>>;
  /** A step that checks rather than changes, which a deployer may skip. */
  readonly optional?: boolean;
}

export interface DeploymentPlan {
  /** The definition's `name`. */
  readonly definition: string;
  readonly hostCluster: string;
  readonly guestCluster: string;
  readonly steps: readonly PlanStep[];
}

/** `gcluster/plan`: the deployment plan of a definition, or how many errors stand in its way. */
export const PlanRequest = { method: 'gcluster/plan' } as const;
export interface PlanParams {
  readonly uri: string;
}
export type PlanResult =
  { readonly plan: DeploymentPlan } | { readonly refused: string; readonly errors: number };

/**
 * `gcluster/failures`: what survives which failure, for "Simulate failures": the table as
 * Markdown, and what the worst single failure takes down, for the Topology view to highlight.
 */
export const FailuresRequest = { method: 'gcluster/failures' } as const;
export interface FailuresParams {
  readonly uri: string;
}
export interface FailureReport {
  readonly markdown: string;
  readonly highlight?: FailureHighlight;
}
export interface FailureHighlight {
  /** The failure, in words ("HV01 fails", "Volume1 lost"). */
  readonly failure: string;
  readonly virtualMachines: readonly string[];
  readonly sharedDisks: readonly string[];
  readonly hostNodes: readonly string[];
}
export type FailuresResult = FailureReport | { readonly unavailable: string };
