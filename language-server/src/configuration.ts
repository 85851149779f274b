import { ShowMessageNotification, MessageType, type Connection } from 'vscode-languageserver/node.js';
import { readServerSettings, SECTION, type ServerSettings } from './settings.js';
import { describeError, logFailure, type Log } from './safe.js';

/**
 * Settings per document, pulled from the client (`workspace/configuration`, scoped to the document,
 * so that folder settings apply) and kept until the configuration changes. A client that cannot be
 * asked gets what it last pushed in `workspace/didChangeConfiguration`, or the defaults.
 */
/** How long a document waits for its settings before it is validated with the defaults. */
const CONFIGURATION_TIMEOUT_MS = 5000;

export class Configuration {
  private canPull = false;
  private pushed: unknown = undefined;
  private readonly cache = new Map<string, Promise<ServerSettings>>();
  /** Problems already shown since the configuration last changed: one message each, not one per file. */
  private readonly shown = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly log: Log,
  ) {}

  start(canPull: boolean): void {
    this.canPull = canPull;
  }

  settingsFor(uri: string): Promise<ServerSettings> {
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.read(uri);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /** Everything is read again on next use; `settings` is what a push-model client sends. */
  changed(settings: unknown): void {
    if (!this.canPull) this.pushed = typeof settings === 'object' && settings !== null && SECTION in settings ? settings[SECTION] : undefined;
    this.cache.clear();
    this.shown.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private async read(uri: string): Promise<ServerSettings> {
    let section: unknown = this.pushed;
    if (this.canPull) {
      try {
        section = await withTimeout(this.connection.workspace.getConfiguration({ scopeUri: uri, section: SECTION }), CONFIGURATION_TIMEOUT_MS);
      } catch (error) {
        // The defaults validate as well as anything; an unanswered request must not stop validation.
        this.log.error(`workspace/configuration failed, using the defaults: ${describeError(error)}`);
        section = undefined;
      }
    }
    const { settings, problems } = readServerSettings(section);
    for (const problem of problems) this.show(problem);
    return settings;
  }

  private show(problem: string): void {
    if (this.shown.has(problem)) return;
    this.shown.add(problem);
    // A notification, not window/showMessageRequest: nothing waits for the user to close it.
    logFailure(this.log, 'window/showMessage', this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `${problem} (the default applies until this is fixed)` }));
  }
}

/** A client that never answers must not hold a document's validation forever. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
