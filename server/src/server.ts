import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  ProposedFeatures,
  FileChangeType,
  type FileEvent,
  TextDocumentSyncKind,
  type CancellationToken,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentStore } from './documentStore';
import {
  DefinitionsChangedNotification,
  DefinitionsRequest,
  FailuresRequest,
  NewDefinitionRequest,
  PlanRequest,
  RulesRequest,
  ValidateWorkspaceRequest,
  type DefinitionOverview,
  type DefinitionsParams,
  type DefinitionsResult,
  type FailuresParams,
  type FailuresResult,
  type NewDefinitionParams,
  type NewDefinitionResult,
  type PlanParams,
  type PlanResult,
  type RulesResult,
  type ValidateWorkspaceResult,
} from './protocol';
import { readRuleDocs } from './ruleDocs';
import { RenameRefused, runSafe, runSafeVoid } from './runSafe';
import { createLanguageService } from './service/languageService';
import type { ParsedDefinition } from './service/parser';
import { defaultSettings, normalizeSettings, type ValidationSettings } from './service/settings';
import { ValidationScheduler } from './validationScheduler';
import { WorkspaceIndex } from './service/workspaceIndex';
import { canonicalUri, findDefinitionFiles } from './workspaceFiles';

// The transport (stdio, IPC or socket) is chosen by the command line, as the client starts us.
const connection = createConnection(ProposedFeatures.all);
const documents = new DocumentStore();
const log = (message: string) => connection.console.error(message);

const ruleDocsFolder = path.join(__dirname, '..', 'docs', 'rules');
const ruleDocsBaseUri = `${pathToFileURL(ruleDocsFolder).href}/`;
const service = createLanguageService({ ruleDocsBaseUri, ruleDocs: readRuleDocs(ruleDocsFolder) });

let canPullConfiguration = false;
let supportsFolderChanges = false;
let workspaceFolders: string[] = [];
/** What every definition in the workspace, open or not, must not repeat of the others. */
const workspaceIndex = new WorkspaceIndex();
let pushedSettings: ValidationSettings = defaultSettings;
const settingsCache = new Map<string, Promise<ValidationSettings>>();
const parseCache = new Map<string, { version: number; maxFileSizeMB: number; parsed: ParsedDefinition }>();
/** Every definition file on disk in the workspace, by canonical URI: what the Definitions view lists. */
const definitionFiles = new Set<string>();
/**
 * Closed files whose every problem is shown, not only their cross-file ones: after "Validate
 * Workspace", until the server restarts. Their diagnostics are recomputed from disk when they change.
 */
const fullyValidated = new Set<string>();

function isDefinition(document: TextDocument): boolean {
  return document.languageId === 'gcluster' || document.uri.toLowerCase().endsWith('.gcluster.yaml');
}

function settingsFor(uri: string): Promise<ValidationSettings> {
  if (!canPullConfiguration) return Promise.resolve(pushedSettings);
  let settings = settingsCache.get(uri);
  if (!settings) {
    settings = connection.workspace
      .getConfiguration({ scopeUri: uri, section: 'gcluster' })
      .then(normalizeSettings, () => defaultSettings);
    settingsCache.set(uri, settings);
  }
  return settings;
}

/**
 * The parse of the document's current version, reused until the text or the size limit changes,
 * and brought up to date from the previous parse by the edits since, when there is one.
 */
function parsedFor(document: TextDocument, settings: ValidationSettings): ParsedDefinition {
  const cached = parseCache.get(document.uri);
  if (cached && cached.version === document.version && cached.maxFileSizeMB === settings.maxFileSizeMB) {
    return cached.parsed;
  }
  const edits = documents.takeEdits(document.uri);
  const text = document.getText();
  const parsed =
    cached && edits !== 'whole' && cached.maxFileSizeMB === settings.maxFileSizeMB
      ? service.update(cached.parsed, edits, text, settings)
      : service.parse(text, settings);
  parseCache.set(document.uri, { version: document.version, maxFileSizeMB: settings.maxFileSizeMB, parsed });
  return parsed;
}

async function validate(uri: string): Promise<void> {
  const document = documents.get(uri);
  if (!document || !isDefinition(document)) return;
  const version = document.version;
  const settings = await settingsFor(uri);
  // Closed, or changed, while the settings were fetched: a newer validation is scheduled.
  if (documents.get(uri) !== document || document.version !== version) return;
  const parsed = parsedFor(document, settings);
  // Only files on disk take part in the workspace (not a diff view's `git:` copy, not untitled).
  // A file deleted on disk whose document is still open has left the workspace too.
  const key = canonicalUri(uri);
  const inWorkspace = key.startsWith('file:') && !isDeletedFile(key);
  const affected = workspaceIndex.update(
    key,
    inWorkspace ? service.extractFacts(document, parsed) : undefined,
  );
  const crossFile = inWorkspace ? workspaceIndex.problemsOf(key) : [];
  const diagnostics = service.doValidation(document, parsed, settings, crossFile);
  await connection.sendDiagnostics({ uri, version, diagnostics });
  definitionsChanged([uri]);
  for (const other of affected) await publishCrossFile(other);
}

/** Tells the client's views which definitions to ask for again (coalesced per turn of the event loop). */
const changedDefinitions = new Set<string>();
function definitionsChanged(uris: Iterable<string>): void {
  const first = changedDefinitions.size === 0;
  // One spelling per file, as the views key their items by it.
  for (const uri of uris) changedDefinitions.add(canonicalUri(uri));
  if (!first || changedDefinitions.size === 0) return;
  setImmediate(() => {
    const params = { uris: [...changedDefinitions] };
    changedDefinitions.clear();
    void connection.sendNotification(DefinitionsChangedNotification.method, params);
  });
}

/**
 * A file document whose file is gone. The editor may keep a deleted file's document open for a
 * while after its tab is closed (and sends it again to a restarted server); it is no longer a
 * definition of the workspace, so the views leave it out.
 */
function isDeletedFile(key: string): boolean {
  if (!key.startsWith('file:') || definitionFiles.has(key)) return false;
  try {
    return !existsSync(fileURLToPath(key));
  } catch {
    return false;
  }
}

/** Open definitions that are not files on disk (untitled, or outside the workspace folders). */
function openDefinitionUris(): string[] {
  return documents
    .all()
    .filter((document) => {
      const key = canonicalUri(document.uri);
      // Not a diff view's `git:` copy or other virtual documents: only what the user edits.
      const editable = key.startsWith('file:') || key.startsWith('untitled:');
      return editable && isDefinition(document) && !definitionFiles.has(key) && !isDeletedFile(key);
    })
    .map((document) => document.uri);
}

/** The open document of a file, whatever spelling of its URI the editor used. */
function openDocument(key: string): TextDocument | undefined {
  return documents.all().find((document) => canonicalUri(document.uri) === key);
}

/** Brings another file's diagnostics up to date after a file it shares a fact with changed. */
async function publishCrossFile(key: string): Promise<void> {
  const open = openDocument(key);
  if (open) {
    scheduler.schedule(open.uri);
    return;
  }
  const diagnostics = fullyValidated.has(key)
    ? ((await closedDefinition(key))?.diagnostics ?? [])
    : service.crossFileDiagnostics(key, workspaceIndex, await settingsFor(key));
  await connection.sendDiagnostics({ uri: key, diagnostics });
  definitionsChanged([key]);
}

/** A definition as it is on disk, validated with its settings and cross-file problems; undefined if unreadable. */
async function validateFromDisk(key: string) {
  const settings = await settingsFor(key);
  let text: string;
  try {
    text = readFileSync(fileURLToPath(key), 'utf8');
  } catch {
    return undefined;
  }
  const document = TextDocument.create(key, 'gcluster', 0, text);
  const parsed = service.parse(text, settings);
  const diagnostics = service.doValidation(document, parsed, settings, workspaceIndex.problemsOf(key));
  return { document, parsed, diagnostics };
}

/** The overview of a definition, open (as the editor has it) or closed (as it is on disk). */
async function overviewOf(uri: string): Promise<DefinitionOverview | undefined> {
  if (isDeletedFile(canonicalUri(uri))) return undefined;
  const open = await validatedOpenDefinition(uri);
  if (open) return { ...service.overview(open.document, open.parsed, open.diagnostics), uri: open.key };
  const key = canonicalUri(uri);
  if (!key.startsWith('file:')) return undefined;
  return (await closedDefinition(key))?.overview;
}

/**
 * An open definition as the editor has it, with every diagnostic it shows (its settings and
 * cross-file problems included); undefined when the document is not open.
 */
async function validatedOpenDefinition(uri: string) {
  const open = openDocument(canonicalUri(uri)) ?? documents.get(uri);
  if (!open || !isDefinition(open)) return undefined;
  const found = await parsedForRequest(open.uri);
  if (!found) return undefined;
  const key = canonicalUri(open.uri);
  const crossFile = key.startsWith('file:') ? workspaceIndex.problemsOf(key) : [];
  const settings = await settingsFor(open.uri);
  const diagnostics = service.doValidation(found.document, found.parsed, settings, crossFile);
  return { key, document: found.document, parsed: found.parsed, diagnostics };
}

/**
 * What the views and the Problems panel need of a closed file, kept until the file, its settings
 * or its cross-file problems change: listing a thousand definitions parses each once, not on
 * every refresh.
 */
const closedCache = new Map<
  string,
  {
    signature: string;
    settings: ValidationSettings;
    diagnostics: Diagnostic[];
    overview: DefinitionOverview;
  }
>();

async function closedDefinition(key: string) {
  const settings = await settingsFor(key);
  let signature: string;
  try {
    const stat = statSync(fileURLToPath(key));
    signature = `${stat.mtimeMs}:${stat.size}:${JSON.stringify(workspaceIndex.problemsOf(key))}`;
  } catch {
    closedCache.delete(key);
    return undefined;
  }
  const cached = closedCache.get(key);
  if (cached && cached.signature === signature && cached.settings === settings) return cached;
  const validated = await validateFromDisk(key);
  if (!validated) return undefined;
  const overview = service.overview(validated.document, validated.parsed, validated.diagnostics);
  const entry = { signature, settings, diagnostics: validated.diagnostics, overview };
  closedCache.set(key, entry);
  return entry;
}

/** Indexes a definition as it is on disk (a file that is not open, or was just closed). */
async function indexFromDisk(uri: string): Promise<Set<string>> {
  let text: string;
  try {
    // Read synchronously: a definition is a few kilobytes, and the asynchronous read's thread
    // hand-offs cost more than the read itself when a whole workspace is indexed.
    text = readFileSync(fileURLToPath(uri), 'utf8');
  } catch {
    return workspaceIndex.update(uri, undefined);
  }
  const parsed = service.parse(text);
  const facts = parsed.refused
    ? undefined
    : service.extractFacts(TextDocument.create(uri, 'gcluster', 0, text), parsed);
  return workspaceIndex.update(uri, facts);
}

/**
 * Indexes every definition of the workspace in the background, a few files per turn of the
 * event loop, so that requests for open documents are answered while a large workspace is read.
 */
async function indexWorkspace(): Promise<void> {
  const started = performance.now();
  const knownBefore = [...definitionFiles];
  const files = await findDefinitionFiles(workspaceFolders);
  const found = performance.now();
  const touched = new Set<string>();
  for (let i = 0; i < files.length; i++) {
    const uri = canonicalUri(pathToFileURL(files[i]!).href);
    definitionFiles.add(uri);
    if (!openDocument(uri)) {
      touched.add(uri);
      for (const other of await indexFromDisk(uri)) touched.add(other);
    }
    if (i % 16 === 15) await new Promise((resolve) => setImmediate(resolve));
  }
  for (const uri of touched) {
    if (openDocument(uri) || workspaceIndex.problemsOf(uri).length > 0) await publishCrossFile(uri);
  }
  // A file gone without an event (a deleted folder) leaves the list when the workspace is read again.
  // Files known before the scan and not found by it are gone (a folder deleted without an event
  // per file): out of the list, the index and the Problems panel. Files a watcher event added
  // during the scan stay.
  const onDisk = new Set(files.map((file) => canonicalUri(pathToFileURL(file).href)));
  const gone = knownBefore.filter((uri) => !onDisk.has(uri) && !openDocument(uri));
  for (const uri of gone) {
    definitionFiles.delete(uri);
    fullyValidated.delete(uri);
    closedCache.delete(uri);
    for (const other of workspaceIndex.update(uri, undefined)) await publishCrossFile(other);
    await connection.sendDiagnostics({ uri, diagnostics: [] });
  }
  definitionsChanged([...definitionFiles, ...gone]);
  const seconds = (ms: number) => (ms / 1000).toFixed(2);
  connection.console.info(
    `Indexed ${files.length} definitions in the workspace in ${seconds(performance.now() - started)} s (finding them ${seconds(found - started)} s).`,
  );
}

const scheduler = new ValidationScheduler((uri) => {
  return new Promise<void>((resolve) =>
    runSafeVoid(log, `Validating ${uri}`, () => validate(uri).finally(resolve)),
  );
});

connection.onInitialize((params): InitializeResult => {
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  supportsFolderChanges = params.capabilities.workspace?.workspaceFolders === true;
  const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
  workspaceFolders = folders
    .filter((folder) => folder.uri.startsWith('file:'))
    .map((folder) => fileURLToPath(folder.uri));
  pushedSettings = normalizeSettings(
    (params.initializationOptions as { settings?: unknown } | undefined)?.settings,
  );
  return {
    capabilities: {
      // Folders added to or removed from the workspace are read, or forgotten, as they change.
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      completionProvider: { triggerCharacters: [':', ' ', '-', '[', ',', '{', '\\'] },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      documentSymbolProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      renameProvider: { prepareProvider: true },
      foldingRangeProvider: true,
      selectionRangeProvider: true,
      documentFormattingProvider: true,
      inlayHintProvider: true,
      codeLensProvider: { resolveProvider: false },
    },
    serverInfo: { name: 'gcluster-language-server', version: '0.1.0' },
  };
});

/**
 * The first reading of the workspace, which `initialized` starts: a full listing waits for it
 * rather than answer "no definitions" while a large workspace is still being read.
 */
let firstIndexDone: () => void = () => undefined;
const indexed = new Promise<void>((resolve) => (firstIndexDone = resolve));
connection.onInitialized(() => {
  runSafeVoid(log, 'Indexing the workspace', () => indexWorkspace().finally(firstIndexDone));
  if (!supportsFolderChanges) return;
  connection.workspace.onDidChangeWorkspaceFolders((change) =>
    runSafeVoid(log, 'Reading the changed workspace folders', async () => {
      const removed = new Set(change.removed.map((folder) => folder.uri));
      workspaceFolders = [
        ...workspaceFolders.filter((folder) => !removed.has(pathToFileURL(folder).href)),
        ...change.added
          .filter((folder) => folder.uri.startsWith('file:'))
          .map((folder) => fileURLToPath(folder.uri)),
      ];
      // Read again: files of removed folders leave the index and the views, added ones join.
      await indexWorkspace();
    }),
  );
});

connection.onDidChangeWatchedFiles((change) =>
  runSafeVoid(log, 'Updating the workspace index', async () => {
    const touched = new Set<string>();
    for (const event of await filesOf(change.changes)) {
      const key = canonicalUri(event.uri);
      if (event.type === FileChangeType.Deleted) {
        definitionFiles.delete(key);
        fullyValidated.delete(key);
        closedCache.delete(key);
      } else definitionFiles.add(key);
      definitionsChanged([key]);
      const open = openDocument(key);
      if (open) {
        // Validated again: deleted, it leaves the workspace index; created again, it rejoins.
        scheduler.schedule(open.uri);
        continue;
      }
      touched.add(key);
      const affected =
        event.type === FileChangeType.Deleted
          ? workspaceIndex.update(key, undefined)
          : await indexFromDisk(key);
      for (const other of affected) touched.add(other);
    }
    for (const uri of touched) await publishCrossFile(uri);
  }),
);

/**
 * The definition files that watcher events concern. A deleted folder comes as one event for the
 * folder, not one per file in it: it stands for every known definition below it; a created
 * folder, for the definitions found in it.
 */
async function filesOf(changes: readonly FileEvent[]): Promise<FileEvent[]> {
  const files: FileEvent[] = [];
  for (const event of changes) {
    if (event.uri.toLowerCase().endsWith('.gcluster.yaml')) files.push(event);
    else if (event.type === FileChangeType.Deleted) {
      const folder = `${canonicalUri(event.uri).replace(/\/+$/, '')}/`;
      for (const uri of definitionFiles) if (uri.startsWith(folder)) files.push({ uri, type: event.type });
    } else if (event.type === FileChangeType.Created && event.uri.startsWith('file:')) {
      // A folder copied or moved in: the definitions inside it (the scan skips anything else).
      for (const file of await findDefinitionFiles([fileURLToPath(event.uri)])) {
        files.push({ uri: pathToFileURL(file).href, type: FileChangeType.Created });
      }
    }
  }
  return files;
}

connection.onDidChangeConfiguration((change) => {
  runSafeVoid(log, 'Reading settings', () => {
    settingsCache.clear();
    if (!canPullConfiguration) {
      pushedSettings = normalizeSettings((change.settings as { gcluster?: unknown } | undefined)?.gcluster);
    }
    for (const document of documents.all()) scheduler.schedule(document.uri);
    // Closed files show cross-file warnings, whose severity the settings may have changed.
    for (const uri of [...workspaceIndex.uris()]) if (!openDocument(uri)) void publishCrossFile(uri);
  });
});

/** The parse of an open definition for a request, brought up to date first. */
async function parsedForRequest(
  uri: string,
): Promise<{ document: TextDocument; parsed: ParsedDefinition } | undefined> {
  const document = documents.get(uri);
  if (!document || !isDefinition(document)) return undefined;
  const settings = await settingsFor(uri);
  // Closed while the settings were fetched: a parse now would outlive the document.
  if (documents.get(uri) !== document) return undefined;
  return { document, parsed: parsedFor(document, settings) };
}

/** A request on an open definition: the service's answer, or `empty` for any other document. */
function onDefinition<P extends { textDocument: { uri: string } }, R>(
  what: string,
  empty: R,
  answer: (document: TextDocument, parsed: ParsedDefinition, params: P) => R,
) {
  return (params: P, token: CancellationToken) =>
    runSafe(log, what, token, async () => {
      const found = await parsedForRequest(params.textDocument.uri);
      return found ? answer(found.document, found.parsed, params) : empty;
    });
}

connection.onDocumentSymbol(onDefinition('Outline', [], (d, p) => service.findDocumentSymbols(d, p)));
connection.onDefinition(
  onDefinition('Go to definition', [], (d, p, params) => service.findDefinition(d, p, params.position)),
);
connection.onReferences(
  onDefinition('Find references', [], (d, p, params) =>
    service.findReferences(d, p, params.position, params.context.includeDeclaration),
  ),
);
connection.onDocumentHighlight(
  onDefinition('Highlight', [], (d, p, params) => service.findDocumentHighlights(d, p, params.position)),
);
connection.onPrepareRename(
  onDefinition(
    'Prepare rename',
    null,
    (d, p, params) => service.prepareRename(d, p, params.position) ?? null,
  ),
);
connection.onRenameRequest(
  onDefinition('Rename', null, (d, p, params) => {
    const result = service.doRename(d, p, params.position, params.newName);
    // The editor shows the message of a refused rename to the user.
    if ('error' in result) throw new RenameRefused(result.error);
    return result.edit;
  }),
);
connection.onDocumentFormatting(
  onDefinition('Formatting', [], (d, p, params) => service.format(d, p, params.options)),
);
connection.onFoldingRanges(onDefinition('Folding', [], (d, p) => service.getFoldingRanges(d, p)));
connection.onSelectionRanges(
  onDefinition('Selection ranges', [], (d, p, params) => service.getSelectionRanges(d, p, params.positions)),
);

connection.onCompletion(
  onDefinition('Completion', null, (d, p, params) => service.doComplete(d, p, params.position)),
);
connection.onHover(onDefinition('Hover', null, (d, p, params) => service.doHover(d, p, params.position)));
connection.onCodeAction(
  onDefinition('Code actions', [], (d, p, params) =>
    service.getCodeActions(d, p, params.context.diagnostics),
  ),
);

connection.languages.inlayHint.on(
  onDefinition('Inlay hints', [], (d, p, params) => service.inlayHints(d, p, params.range)),
);
connection.onCodeLens(onDefinition('Code lenses', [], (d, p) => service.codeLenses(d, p)));

connection.onRequest(DefinitionsRequest.method, (params: DefinitionsParams, token) =>
  runSafe(log, 'Listing definitions', token, async (): Promise<DefinitionsResult> => {
    if (!params.uris) await indexed;
    const uris = params.uris ?? [...new Set([...definitionFiles, ...openDefinitionUris()])];
    const definitions: DefinitionOverview[] = [];
    for (const [i, uri] of uris.entries()) {
      if (token.isCancellationRequested) break;
      const overview = await overviewOf(uri);
      if (overview) definitions.push(overview);
      // Let requests for the open documents through while a large workspace is listed.
      if (i % 16 === 15) await new Promise((resolve) => setImmediate(resolve));
    }
    return { definitions };
  }),
);

connection.onRequest(ValidateWorkspaceRequest.method, (token) =>
  runSafe(log, 'Validating the workspace', token, async (): Promise<ValidateWorkspaceResult> => {
    await indexWorkspace();
    const problems = { errors: 0, warnings: 0, infos: 0, hints: 0 };
    const uris = [...new Set([...definitionFiles, ...openDefinitionUris()])];
    for (const uri of uris) {
      if (token.isCancellationRequested) break;
      const overview = await overviewOf(uri);
      if (!overview) continue;
      for (const severity of ['errors', 'warnings', 'infos', 'hints'] as const) {
        problems[severity] += overview.problems[severity];
      }
      if (!openDocument(canonicalUri(uri))) {
        fullyValidated.add(uri);
        await publishCrossFile(uri);
      }
    }
    return { files: uris.length, problems };
  }),
);

connection.onRequest(PlanRequest.method, (params: PlanParams, token) =>
  runSafe(log, 'Planning a deployment', token, async (): Promise<PlanResult> => {
    const found =
      (await validatedOpenDefinition(params.uri)) ?? (await validateFromDisk(canonicalUri(params.uri)));
    if (!found) return { refused: 'The definition could not be read.', errors: 0 };
    // Errors are what the rules know will fail; a plan is made only without them.
    const errors = found.diagnostics.filter((diagnostic) => diagnostic.severity === 1).length;
    if (errors > 0 || found.parsed.refused) {
      return {
        refused: `The definition has ${errors} error${errors === 1 ? '' : 's'}; fix them first.`,
        errors,
      };
    }
    return { plan: service.plan(found.parsed) };
  }),
);

connection.onRequest(FailuresRequest.method, (params: FailuresParams, token) =>
  runSafe(log, 'Simulating failures', token, async (): Promise<FailuresResult> => {
    const found = await parsedForRequest(params.uri);
    const report = found && service.failures(found.parsed);
    return (
      report ?? {
        unavailable: 'The definition needs a host cluster and a guest cluster to simulate failures.',
      }
    );
  }),
);

connection.onRequest(NewDefinitionRequest.method, (params: NewDefinitionParams, token) =>
  runSafe(log, 'New definition', token, (): NewDefinitionResult => service.newDefinition(params)),
);

connection.onRequest(RulesRequest.method, (token) =>
  runSafe(log, 'Listing rules', token, (): RulesResult => ({
    rules: service.rules.map((rule) => ({ ...rule, documentation: `${ruleDocsBaseUri}${rule.id}.md` })),
  })),
);

documents.listen(connection, {
  changed: (uri) => scheduler.schedule(uri),
  closed: (uri) => {
    scheduler.forget(uri);
    parseCache.delete(uri);
    settingsCache.delete(uri);
    // Closed, a definition on disk counts as it is there; anything else leaves the workspace.
    runSafeVoid(log, 'Re-indexing a closed definition', async () => {
      const key = canonicalUri(uri);
      const onDisk = key.startsWith('file:') && key.toLowerCase().endsWith('.gcluster.yaml');
      const affected = onDisk ? await indexFromDisk(key) : workspaceIndex.update(key, undefined);
      if (onDisk) await publishCrossFile(key);
      else {
        await connection.sendDiagnostics({ uri, diagnostics: [] });
        definitionsChanged([uri]);
      }
      for (const other of affected) await publishCrossFile(other);
    });
  },
});

// A bug in one handler must never end the server while other documents are open.
process.on('uncaughtException', (error) => log(`Unexpected error: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => log(`Unexpected rejection: ${String(reason)}`));

connection.listen();
