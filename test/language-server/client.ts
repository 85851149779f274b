import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ApplyWorkspaceEditParams,
  type ClientCapabilities,
  type ConfigurationParams,
  type InitializeResult,
  type LogMessageParams,
  type MessageConnection,
  type PublishDiagnosticsParams,
  type ShowMessageParams,
  type TextDocumentContentChangeEvent,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node.js';
import type { StatusParams } from '@numbers-csv/language-server';
import { applyTextEdits } from './text.js';

/** The built server, started as an editor starts it (compiled tests live in test/dist/language-server). */
export const SERVER = fileURLToPath(new URL('../../../language-server/bin/numbers-csv-language-server.js', import.meta.url));

/** Every server still running, killed when the test process ends whatever happened in between. */
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export interface ClientOptions {
  /** The `numbersCsv` section the client answers `workspace/configuration` with. */
  settings?: unknown;
  initializationOptions?: unknown;
  /** Replaces the capabilities a full-featured editor would send. */
  capabilities?: ClientCapabilities;
  /** False for a client that says it can be asked for settings, and never answers. */
  answersConfiguration?: boolean;
}

const FULL_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    applyEdit: true,
    didChangeConfiguration: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { documentationFormat: ['markdown'] } },
  },
};

interface Waiter {
  check(): boolean;
}

/**
 * An LSP client over the server's real stdin and stdout: it keeps the text of what it opened, sends
 * edits as incremental changes, answers the server's requests (configuration, applyEdit) and keeps
 * everything the server sends for the tests to look at.
 */
export class TestClient {
  /** What the client answers for `numbersCsv`; tests change it and send didChangeConfiguration. */
  settings: unknown;
  /** Folder settings, as it were: the answer for a document's own scope, where one is set. */
  readonly scopedSettings = new Map<string, unknown>();
  readonly texts = new Map<string, { text: string; version: number; languageId: string }>();
  /** Files made by applied workspace edits (CreateFile and edits to unopened documents). */
  readonly files = new Map<string, string>();
  readonly deleted: string[] = [];
  readonly published: PublishDiagnosticsParams[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly logs: LogMessageParams[] = [];
  readonly statuses: StatusParams[] = [];
  /** The URIs of every `numbersCsv/dropped` received, in order. */
  readonly dropped: string[] = [];
  readonly appliedEdits: ApplyWorkspaceEditParams[] = [];
  readonly registrations: string[] = [];
  stderr = '';
  private readonly waiters = new Set<Waiter>();
  private exited = false;

  private constructor(
    private readonly child: ChildProcess,
    readonly connection: MessageConnection,
    settings: unknown,
    private readonly answersConfiguration = true,
  ) {
    this.settings = settings;
  }

  static async start(options: ClientOptions = {}): Promise<{ client: TestClient; initialized: InitializeResult }> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    running.add(child);
    if (!child.stdout || !child.stdin || !child.stderr) throw new Error('the server has no stdio');
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new TestClient(child, connection, options.settings ?? {}, options.answersConfiguration);
    child.stderr.on('data', (chunk: Buffer) => (client.stderr += chunk.toString('utf8')));
    child.on('exit', () => {
      client.exited = true;
      running.delete(child);
    });
    client.listen();
    connection.listen();
    const initialized = await connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: options.capabilities ?? FULL_CAPABILITIES,
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification('initialized', {});
    return { client, initialized };
  }

  private listen(): void {
    const notify = () => {
      for (const waiter of this.waiters) if (waiter.check()) this.waiters.delete(waiter);
    };
    this.connection.onRequest('workspace/configuration', (params: ConfigurationParams) =>
      this.answersConfiguration === false ? new Promise<never>(() => undefined) : params.items.map((item) => {
        if (item.section !== 'numbersCsv') return null;
        return item.scopeUri !== undefined && this.scopedSettings.has(item.scopeUri) ? this.scopedSettings.get(item.scopeUri) : this.settings;
      }),
    );
    this.connection.onRequest('client/registerCapability', (params: { registrations: { method: string }[] }) => {
      this.registrations.push(...params.registrations.map((registration) => registration.method));
      notify();
      return null;
    });
    this.connection.onRequest('workspace/applyEdit', (params: ApplyWorkspaceEditParams) => {
      this.appliedEdits.push(params);
      const failureReason = this.applyWorkspaceEdit(params.edit);
      notify();
      return failureReason === undefined ? { applied: true } : { applied: false, failureReason };
    });
    this.connection.onRequest('window/showMessageRequest', (params: ShowMessageParams) => {
      this.messages.push(params);
      notify();
      return null;
    });
    this.connection.onNotification('window/showMessage', (params: ShowMessageParams) => {
      this.messages.push(params);
      notify();
    });
    this.connection.onNotification('window/logMessage', (params: LogMessageParams) => {
      this.logs.push(params);
      notify();
    });
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      notify();
    });
    this.connection.onNotification('numbersCsv/dropped', (params: { uri: string }) => {
      this.dropped.push(params.uri);
      notify();
    });
    this.connection.onNotification('numbersCsv/status', (params: StatusParams) => {
      this.statuses.push(params);
      notify();
    });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  text(uri: string): string {
    const document = this.texts.get(uri);
    if (!document) throw new Error(`${uri} is not open`);
    return document.text;
  }

  async open(uri: string, text: string, languageId = 'numbers-csv'): Promise<void> {
    this.texts.set(uri, { text, version: 1, languageId });
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  async close(uri: string): Promise<void> {
    this.texts.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Sends one batch of changes, each applied to the text the one before it left; returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const document = this.texts.get(uri);
    if (!document) throw new Error(`${uri} is not open`);
    for (const change of changes) document.text = 'range' in change ? applyTextEdits(document.text, [{ range: change.range, newText: change.text }]) : change.text;
    document.version++;
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: document.version }, contentChanges: changes });
    return document.version;
  }

  /**
   * Applies simultaneous edits (a code action's) and sends them as one batch. Sent last to first, so
   * that each change's range still means what it meant before the batch.
   */
  async edit(uri: string, edits: readonly TextEdit[]): Promise<number> {
    const text = this.text(uri);
    const ordered = [...edits].sort((a, b) => compare(b.range.start, a.range.start) || compare(b.range.end, a.range.end));
    const version = await this.change(uri, ordered.map((edit) => ({ range: edit.range, text: edit.newText })));
    if (this.text(uri) !== applyTextEdits(text, edits)) throw new Error('sequential and simultaneous application differ');
    return version;
  }

  /** The diagnostics published for `version` of `uri` (waiting for them). */
  diagnostics(uri: string, version: number | undefined = this.texts.get(uri)?.version, timeout?: number): Promise<PublishDiagnosticsParams> {
    return this.waitFor(`diagnostics for ${uri} version ${version}`, () => this.published.find((params) => params.uri === uri && params.version === version), timeout);
  }

  /** Waits until `find` finds something among what the server sent. */
  waitFor<T>(what: string, find: () => T | undefined, timeout = 5000): Promise<T> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        check: () => {
          const found = find();
          if (found === undefined) return false;
          clearTimeout(timer);
          resolve(found);
          return true;
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`timed out waiting for ${what}; server stderr: ${this.stderr}; logs: ${this.logs.map((log) => log.message).join('\n')}`));
      }, timeout);
      if (!waiter.check()) this.waiters.add(waiter);
    });
  }

  /** Applies a workspace edit to the client's documents and files; a reason when it cannot. */
  applyWorkspaceEdit(edit: WorkspaceEdit): string | undefined {
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) this.applyTo(uri, edits);
    for (const change of edit.documentChanges ?? []) {
      if ('kind' in change) {
        if (change.kind === 'create') this.files.set(change.uri, '');
        else if (change.kind === 'delete') {
          this.files.delete(change.uri);
          this.deleted.push(change.uri);
        } else return 'rename is not supported by the test client';
        continue;
      }
      const open = this.texts.get(change.textDocument.uri);
      if (open && change.textDocument.version !== null && change.textDocument.version !== open.version) return `version ${change.textDocument.version} is not the open ${open.version}`;
      this.applyTo(change.textDocument.uri, change.edits.filter((edit): edit is TextEdit => 'range' in edit && 'newText' in edit));
    }
    return undefined;
  }

  private applyTo(uri: string, edits: TextEdit[]): void {
    const open = this.texts.get(uri);
    // An open document is edited as the editor would: its changes go to the server.
    if (open) void this.edit(uri, edits);
    else this.files.set(uri, applyTextEdits(this.files.get(uri) ?? '', edits));
  }

  /** Shuts the server down as a client should, and kills it if it does not go. */
  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    try {
      await withTimeout(this.connection.sendRequest('shutdown'), 2000);
      await this.connection.sendNotification('exit');
      await withTimeout(exited, 2000);
    } catch {
      // Killed below.
    } finally {
      if (!this.exited) this.child.kill('SIGKILL');
      this.connection.dispose();
    }
  }

  get hasExited(): boolean {
    return this.exited;
  }
}

function compare(a: { line: number; character: number }, b: { line: number; character: number }): number {
  return a.line - b.line || a.character - b.character;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
