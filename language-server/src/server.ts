import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node.js';
import { codeActions, FIX_ALL_KIND } from './code-actions.js';
import { codeLenses } from './code-lens.js';
import { COMMANDS, executeCommand } from './commands.js';
import { completion, TRIGGER_CHARACTERS } from './completion.js';
import { Configuration } from './configuration.js';
import { toDiagnostics } from './diagnostics.js';
import { Documents, type ServedDocument } from './documents.js';
import { hover } from './hover.js';
import { loadRuleLinks, type RuleLinks } from './rules-documentation.js';
import { connectionLog, logFailure, safeNotification, safeRequest } from './safe.js';
import { SECTION } from './settings.js';
import type { EditSupport } from './split-files.js';
import { DroppedNotification, status, StatusNotification } from './status.js';
import { SERVER_NAME, serverVersion } from './version.js';

export { COMMANDS } from './commands.js';
export { DroppedNotification, StatusNotification, type DroppedParams, type StatusParams } from './status.js';
export { readServerSettings, type ServerSettings } from './settings.js';

/** What a client may pass in `initializationOptions`. */
export interface InitializationOptions {
  /** File URI of docs/rules.md, which diagnostics link to; by default the repository's own. */
  rulesDocumentation?: string;
}

/**
 * Wires LSP to the core: every handler translates positions and results and calls one function of
 * `shared/`. Nothing here decides what is a mistake or how it is fixed.
 */
export function startServer(connection: Connection): void {
  const log = connectionLog(connection);
  const configuration = new Configuration(connection, log);
  let links: RuleLinks = new Map();
  let support: EditSupport = { documentChanges: false, create: false, delete: false };
  let canRegisterConfiguration = false;

  const publish = (served: ServedDocument) => {
    const { table, issues } = served.document.result;
    const diagnostics = toDiagnostics(issues, served.uri, table, links, served.settings.maxDiagnostics);
    logFailure(log, 'textDocument/publishDiagnostics', connection.sendDiagnostics({ uri: served.uri, version: served.version, diagnostics }));
    logFailure(log, StatusNotification.method, connection.sendNotification(StatusNotification, status(served)));
  };
  const documents = new Documents((uri) => configuration.settingsFor(uri), {
    validated: publish,
    dropped: (uri, version) => {
      configuration.forget(uri);
      logFailure(log, 'textDocument/publishDiagnostics', connection.sendDiagnostics({ uri, ...(version !== undefined ? { version } : {}), diagnostics: [] }));
      logFailure(log, DroppedNotification.method, connection.sendNotification(DroppedNotification, { uri }));
    },
  }, log);

  connection.onInitialize(
    safeRequest(log, 'initialize', (params: InitializeParams): InitializeResult => {
      const capabilities = params.capabilities;
      configuration.start(capabilities.workspace?.configuration === true);
      canRegisterConfiguration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
      support = editSupport(capabilities);
      links = loadRuleLinks(rulesDocumentation(params.initializationOptions), log.info);
      return {
        capabilities: {
          textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
          codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND] },
          executeCommandProvider: { commands: Object.values(COMMANDS) },
          hoverProvider: true,
          completionProvider: { triggerCharacters: TRIGGER_CHARACTERS },
          codeLensProvider: {},
        },
        serverInfo: { name: SERVER_NAME, ...versionField() },
      };
    }),
  );

  connection.onInitialized(
    safeNotification(log, 'initialized', () => {
      // Clients that send configuration changes only to servers that ask (VS Code without the
      // extension's `synchronize` option) are asked here.
      if (canRegisterConfiguration) logFailure(log, 'client/registerCapability', connection.client.register(DidChangeConfigurationNotification.type, { section: SECTION }));
    }),
  );

  connection.onDidChangeConfiguration(
    safeNotification(log, 'workspace/didChangeConfiguration', (params) => {
      configuration.changed(params.settings);
      documents.reconfigure();
    }),
  );

  connection.onDidOpenTextDocument(
    safeNotification(log, 'textDocument/didOpen', ({ textDocument }) => documents.open(textDocument.uri, textDocument.languageId, textDocument.version, textDocument.text)),
  );
  connection.onDidChangeTextDocument(
    safeNotification(log, 'textDocument/didChange', ({ textDocument, contentChanges }) => documents.change(textDocument.uri, textDocument.version, contentChanges)),
  );
  connection.onDidCloseTextDocument(safeNotification(log, 'textDocument/didClose', ({ textDocument }) => documents.close(textDocument.uri)));

  connection.onCodeAction(
    safeRequest(log, 'textDocument/codeAction', async (params) => {
      const served = await documents.get(params.textDocument.uri);
      return served ? codeActions(served, params, support) : [];
    }),
  );
  connection.onExecuteCommand(safeRequest(log, 'workspace/executeCommand', (params) => executeCommand(params, { connection, documents, support, log })));
  connection.onHover(
    safeRequest(log, 'textDocument/hover', async (params) => {
      const served = await documents.get(params.textDocument.uri);
      return served ? hover(served, params.position) : null;
    }),
  );
  connection.onCompletion(
    safeRequest(log, 'textDocument/completion', async (params) => {
      const served = await documents.get(params.textDocument.uri);
      return served ? completion(served, params.position) : null;
    }),
  );
  connection.onCodeLens(
    safeRequest(log, 'textDocument/codeLens', async (params) => {
      const served = await documents.get(params.textDocument.uri);
      return served ? codeLenses(served) : [];
    }),
  );

  connection.listen();
}

function editSupport(capabilities: ClientCapabilities): EditSupport {
  const workspaceEdit = capabilities.workspace?.workspaceEdit;
  const operations = workspaceEdit?.resourceOperations ?? [];
  return { documentChanges: workspaceEdit?.documentChanges === true, create: operations.includes('create'), delete: operations.includes('delete') };
}

function rulesDocumentation(options: unknown): string | undefined {
  if (typeof options !== 'object' || options === null || !('rulesDocumentation' in options)) return undefined;
  return typeof options.rulesDocumentation === 'string' ? options.rulesDocumentation : undefined;
}

function versionField(): { version?: string } {
  const version = serverVersion();
  return version !== undefined ? { version } : {};
}
