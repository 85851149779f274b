import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '@numbers-csv/shared';
import { startSandbox, type Sandbox } from '@numbers-csv/sandbox';
import { createBot, parseApprovers, readConfig, silentLog, type Bot, type BotConfig, type Store } from '@numbers-csv/bot';
import { startFakeSlack, type FakeSlack } from '../slack/fake-slack.js';
import { blockAction, fileShareMessageEvent, fileSharedEvent } from '../slack/payloads.js';
import { sendAction, sendEvent, type SignOptions } from '../slack/signed.js';
import type { RecordedCall } from '../slack/types.js';
import type { TestDatabase, TestEngine } from '../store/test-database.js';

export const SECRET = 'e2e-signing-secret';
export const CHANNEL = 'C0BATCHES';
/** Who is who: the approvers file below makes OWNER and GROUPIE (through a user group) OWNERs of ocp. */
export const USERS = { submitter: 'U0SUBMIT', owner: 'U0OWNER', groupie: 'U0GROUPIE', ukOwner: 'U0UKOWNER', stranger: 'U0STRANGER' } as const;
const USERGROUP = 'S0OCPOWNERS';

export const APPROVERS = {
  groups: {
    ocp: { users: [USERS.owner], usergroups: [USERGROUP] },
    'ocp-uk': { users: [USERS.ukOwner] },
  },
};

/** A clock the tests move: batches expire without waiting a day. */
export class Clock {
  private offsetMs = 0;
  now = (): Date => new Date(Date.now() + this.offsetMs);
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export interface RunningBot {
  bot: Bot;
  store: Store;
  /** Where Slack sends events, clicks and commands. */
  url: string;
}

/**
 * Everything on loopback: a fake of Slack's Web API, the sandbox numbers API, a store on the engine
 * under test, and as many bot instances (replicas) as a test starts on it.
 */
export class World {
  readonly clock = new Clock();
  private readonly bots: RunningBot[] = [];
  private constructor(
    readonly fake: FakeSlack,
    readonly sandbox: Sandbox,
    readonly database: TestDatabase,
    readonly dir: string,
    /** SQLite serves one bot; PostgreSQL several replicas. */
    private readonly singleInstance: boolean,
  ) {}

  static async start(engine: TestEngine): Promise<World> {
    const fake = await startFakeSlack({ usergroups: { [USERGROUP]: [USERS.groupie] } });
    const sandbox = await startSandbox();
    const database = await engine.create();
    const dir = mkdtempSync(join(tmpdir(), 'numbers-bot-e2e-'));
    writeFileSync(join(dir, 'approvers.json'), JSON.stringify(APPROVERS));
    return new World(fake, sandbox, database, dir, !engine.name.startsWith('PostgreSQL'));
  }

  /** The environment a bot of this world runs with; `overrides` replace or (with undefined) remove variables. */
  env(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
    return {
      SLACK_BOT_TOKEN: this.fake.botToken,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: this.fake.apiUrl,
      PORT: '0',
      NUMBERS_API_BASE_URL: this.sandbox.baseUrl,
      NUMBERS_API_TOKEN: 'sandbox-owner',
      APPROVERS_FILE: join(this.dir, 'approvers.json'),
      FILE_HOSTS: '127.0.0.1',
      ...overrides,
    };
  }

  config(overrides: Record<string, string | undefined> = {}): BotConfig {
    return readConfig({ ...this.env(overrides), DATABASE_URL: 'sqlite::memory:' });
  }

  /** A bot instance in this process, on a store of its own connection to the shared database. */
  async startBot(overrides: Record<string, string | undefined> = {}): Promise<RunningBot> {
    const store = await this.database.open();
    await store.migrate();
    const { createNumbersApiClient } = await import('@numbers-csv/shared');
    const config = this.config(overrides);
    const numbers = createNumbersApiClient({ baseUrl: config.numbersApi.baseUrl, auth: config.numbersApi.auth });
    const bot = createBot({
      config,
      store,
      numbers,
      approvers: parseApprovers(JSON.stringify(APPROVERS), 'approvers.json'),
      settings: DEFAULT_SETTINGS,
      log: silentLog,
      now: this.clock.now,
      singleInstance: this.singleInstance,
      // An injected failure must fail now, not after Bolt's default half hour of retries.
      clientOptions: { retryConfig: { retries: 0 } },
    });
    const { port } = await bot.start('127.0.0.1');
    const running = { bot, store, url: `http://127.0.0.1:${port}/slack/events` };
    this.bots.push(running);
    return running;
  }

  /** Shares a file in the channel as a person does: a `file_share` message (and optionally the `file_shared` event too). */
  async share(bot: RunningBot, name: string, content: string, options: { user?: string; both?: boolean; times?: number } = {}): Promise<{ fileId: string; messageTs: string }> {
    const user = options.user ?? USERS.submitter;
    const file = this.fake.addFile({ name, content, user, channel: CHANNEL });
    const messageTs = `${Math.floor(Date.now() / 1000)}.${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
    const message = fileShareMessageEvent({ file, user, channel: CHANNEL, ts: messageTs });
    const first = await sendEvent(bot.url, SECRET, message);
    for (let i = 1; i < (options.times ?? 1); i++) await sendEvent(bot.url, SECRET, message, { eventId: first.eventId, retry: { num: i, reason: 'http_timeout' } });
    if (options.both) await sendEvent(bot.url, SECRET, fileSharedEvent({ fileId: file.id, user, channel: CHANNEL }));
    return { fileId: file.id, messageTs };
  }

  /** The summary the bot posted for a shared message: the call, and the batch id its buttons carry. */
  async summaryOf(messageTs: string): Promise<{ call: RecordedCall; batchId: string | undefined; actions: string[] }> {
    const call = await this.fake.waitFor('chat.postMessage', (c) => c.args['thread_ts'] === messageTs && Array.isArray(c.args['blocks']) && JSON.stringify(c.args['blocks']).includes('batch_'), 15_000);
    const buttons = buttonsOf(call.args['blocks']);
    return { call, batchId: buttons[0]?.value, actions: buttons.map((button) => button.action_id) };
  }

  click(bot: RunningBot, actionId: string, batchId: string, user: string, messageTs = '1.000001', options?: SignOptions): ReturnType<typeof sendAction> {
    return sendAction(bot.url, SECRET, blockAction({ actionId, value: batchId, user, channel: CHANNEL, messageTs, triggerId: `trigger-${Math.random()}` }), options);
  }

  puts(): number {
    return this.sandbox.requests().filter((request) => request.method === 'PUT').length;
  }

  /** Waits until `test` holds, polling: for what the bot does after it has answered Slack. */
  async until(test: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!(await test())) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async close(): Promise<void> {
    for (const { bot } of this.bots) await bot.stop().catch(() => undefined);
    for (const { bot } of this.bots) await bot.deps.numbers.close().catch(() => undefined);
    await this.database.dispose();
    await this.sandbox.close();
    await this.fake.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Starts a world before each test of the suite and closes it after; `use` gets it. */
export function eachTestIn(engine: TestEngine, use: (world: World) => void): void {
  let current: World | undefined;
  beforeEach(async () => {
    current = await World.start(engine);
    use(current);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
}

interface ButtonJson {
  action_id: string;
  value?: string;
}

/** The buttons of a message's blocks, wherever they sit. */
export function buttonsOf(blocks: unknown): ButtonJson[] {
  const found: ButtonJson[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const object = node as Record<string, unknown>;
      if (object['type'] === 'button' && typeof object['action_id'] === 'string') found.push({ action_id: object['action_id'], ...(typeof object['value'] === 'string' ? { value: object['value'] } : {}) });
      Object.values(object).forEach(visit);
    }
  };
  visit(blocks);
  return found;
}

export { DEFAULT_SETTINGS };
