import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { App, LogLevel, type AppOptions } from '@slack/bolt';
import type { NumbersApiClient, Settings } from '@numbers-csv/shared';
import { Owners, type Approvers } from './approvers/index.js';
import type { BotDeps } from './batches/deps.js';
import { expireOverdue } from './batches/decisions.js';
import { ORPHANED_AFTER_MS, recoverApplying } from './batches/finish.js';
import type { BotConfig } from './config.js';
import { listenForDecisions } from './listeners/batch-actions.js';
import { listenForCommand } from './listeners/numbers-command.js';
import { listenForFiles } from './listeners/files.js';
import { boltLogger, type Log } from './log.js';
import type { Store } from './store/types.js';

export interface BotParts {
  config: BotConfig;
  store: Store;
  numbers: NumbersApiClient;
  approvers: Approvers;
  settings: Settings;
  log: Log;
  now?: () => Date;
  /**
   * Whether this is the only bot on its store (SQLite); by default, from the database URL. Only then
   * can a batch found `applying` at start be known to be no other replica's.
   */
  singleInstance?: boolean;
  /** Options passed to Bolt's Web API client as they are (tests turn its retries off). */
  clientOptions?: AppOptions['clientOptions'];
}

export interface Bot {
  app: App;
  deps: BotDeps;
  /** Starts receiving; in HTTP mode, resolves with the port (0 in the config picks a free one). */
  start(host?: string): Promise<{ port: number | undefined }>;
  /**
   * Finds what happened to batches a stopped bot left `applying`, from the export, and says so in
   * their threads; never a second upload. At start on SQLite (one instance) every such batch is taken;
   * on PostgreSQL, where another replica may be applying one right now, only those approved longer
   * ago than any apply lasts.
   */
  recover(): Promise<void>;
  /** Expires the pending batches past their time (their summaries lose their buttons), and recovers orphaned applies. */
  sweep(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The Bolt app: Slack's events, clicks and commands in, the batch workflow's calls out. HTTP mode
 * serves `/slack/events` (events, actions, commands) and `GET /healthz`; with an app-level token it
 * runs in Socket Mode instead.
 */
export function createBot(parts: BotParts): Bot {
  const { config } = parts;
  const common = {
    token: config.slack.botToken,
    logger: boltLogger(parts.log),
    logLevel: LogLevel.INFO,
    clientOptions: { ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}), ...parts.clientOptions },
    customRoutes: [
      {
        path: '/healthz',
        method: ['GET'],
        handler: (_request: unknown, response: { writeHead(status: number, headers: Record<string, string>): void; end(body: string): void }) => {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end('{"ok":true}');
        },
      },
    ],
  };
  const app =
    config.slack.mode === 'socket'
      ? new App({ ...common, socketMode: true, appToken: config.slack.appToken, port: config.port })
      : new App({ ...common, signingSecret: config.slack.signingSecret });

  const owners = new Owners(parts.approvers, async (usergroup) => (await app.client.usergroups.users.list({ usergroup })).users ?? []);
  const deps: BotDeps = {
    store: parts.store,
    numbers: parts.numbers,
    owners,
    settings: parts.settings,
    environment: config.numbersApi.baseUrl,
    botToken: config.slack.botToken,
    fileHosts: config.fileHosts,
    maxFileBytes: config.maxFileBytes,
    batchTtlMs: config.batchTtlHours * 3_600_000,
    allowSelfApproval: config.allowSelfApproval,
    log: parts.log,
    now: parts.now ?? (() => new Date()),
  };

  // Slack delivers an event again when it thinks it was lost: each event is handled once.
  app.use(async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !(await deps.store.claim(`event:${eventId}`))) return;
    await next();
  });
  listenForFiles(app, deps);
  listenForDecisions(app, deps);
  listenForCommand(app, deps);

  return {
    app,
    deps,
    async start(host) {
      const started = (await app.start(config.slack.mode === 'socket' ? {} : { port: config.port, ...(host ? { host } : {}) })) as Server | undefined;
      const address = started && typeof started.address === 'function' ? (started.address() as AddressInfo | null) : null;
      return { port: address?.port };
    },
    recover: () => recoverApplying(deps, app.client, (parts.singleInstance ?? config.databaseUrl.startsWith('sqlite:')) ? 0 : ORPHANED_AFTER_MS),
    sweep: async () => {
      await expireOverdue(deps, app.client);
      await recoverApplying(deps, app.client, ORPHANED_AFTER_MS);
    },
    stop: () => app.stop().then(() => undefined),
  };
}
