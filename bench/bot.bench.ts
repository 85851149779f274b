/**
 * The Slack bot on loopback: the real Bolt app in HTTP mode, a fake of Slack's Web API (the test
 * suite's), the sandbox, and the store. Measures the time from a signed upload event to the summary's
 * chat.postMessage for a full batch, and how many approvals a second the PostgreSQL store settles
 * when every batch gets 20 clicks at once from two replicas. Never fails on timing.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createBot, openStore, parseApprovers, readConfig, silentLog, type Store } from '@numbers-csv/bot';
import { createNumbersApiClient, DEFAULT_SETTINGS } from '@numbers-csv/shared';
import { SANDBOX_TOKENS, startSandbox } from '@numbers-csv/sandbox';
import { fullBatch, liveNumbersFor } from './generate.js';
import { median } from './stats.js';
import { printTable, verdict } from './table.js';

const UPLOADS = 7;
const BATCHES = 100;
const CLICKS = 20;
const TARGET_SUMMARY_MS = 1000;
const SECRET = 'bench-signing-secret';
const POSTGRES_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** The parts of the test suite's fake Slack this benchmark uses (it is compiled with the tests). */
interface FakeSlack {
  apiUrl: string;
  botToken: string;
  addFile(file: { name: string; content: string; user?: string; channel?: string }): { id: string; name: string };
  waitFor(method: string, predicate?: (call: { args: Record<string, unknown> }) => boolean, timeoutMs?: number): Promise<unknown>;
  close(): Promise<void>;
}

async function main(): Promise<void> {
  const fakeModule = (await import(new URL('../../test/dist/bot/slack/fake-slack.js', import.meta.url).href)) as { startFakeSlack(): Promise<FakeSlack> };
  const summaryMs = await uploadToSummary(fakeModule.startFakeSlack);
  const approvals = await approvalsPerSecond();
  console.log(`\nSlack bot on loopback — ${(fullBatch().split('\n').length - 2).toLocaleString('en')}-row batch; store: PostgreSQL, two replicas\n`);
  printTable(['measure', 'value', 'target'], [
    [`signed upload event → summary posted, median of ${UPLOADS}`, `${median(summaryMs).toFixed(0)} ms`, verdict(median(summaryMs) <= TARGET_SUMMARY_MS, `≤ ${TARGET_SUMMARY_MS} ms`)],
    ['  slowest', `${Math.max(...summaryMs).toFixed(0)} ms`, ''],
    [`approvals settled, ${CLICKS} clicks each`, `${approvals.perSecond.toFixed(0)} /s`, ''],
    ['  clicks answered', `${(approvals.perSecond * CLICKS).toFixed(0)} /s`, ''],
    ['  approvals that won more than once', String(approvals.doubleWins), verdict(approvals.doubleWins === 0, 'none')],
  ]);
}

/** A full batch shared in a channel, from the signed event to the summary's chat.postMessage. */
async function uploadToSummary(startFakeSlack: () => Promise<FakeSlack>): Promise<number[]> {
  const batch = fullBatch();
  const fake = await startFakeSlack();
  const sandbox = await startSandbox({ seed: liveNumbersFor(batch) });
  const dir = mkdtempSync(join(tmpdir(), 'numbers-bot-bench-'));
  writeFileSync(join(dir, 'approvers.json'), JSON.stringify({ groups: { ocp: { users: ['U0OWNER'] } } }));
  const store = await openStore(`sqlite:${join(dir, 'bot.sqlite')}`);
  await store.migrate();
  const config = readConfig({
    SLACK_BOT_TOKEN: fake.botToken,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    NUMBERS_API_BASE_URL: sandbox.baseUrl,
    NUMBERS_API_TOKEN: SANDBOX_TOKENS.owner,
    APPROVERS_FILE: join(dir, 'approvers.json'),
    FILE_HOSTS: '127.0.0.1',
    DATABASE_URL: 'sqlite::memory:',
  });
  const numbers = createNumbersApiClient({ baseUrl: sandbox.baseUrl, auth: { token: SANDBOX_TOKENS.owner } });
  const bot = createBot({ config, store, numbers, approvers: parseApprovers(JSON.stringify({ groups: {} }), 'approvers.json'), settings: DEFAULT_SETTINGS, log: silentLog, clientOptions: { retryConfig: { retries: 0 } } });
  const { port } = await bot.start('127.0.0.1');
  const times: number[] = [];
  try {
    for (let i = 0; i < UPLOADS; i++) {
      const file = fake.addFile({ name: `batch-${i}.csv`, content: batch, user: 'U0SUBMIT', channel: 'C0BENCH' });
      const ts = `${1_800_000_000 + i}.000100`;
      const posted = fake.waitFor('chat.postMessage', (call) => call.args['thread_ts'] === ts && Array.isArray(call.args['blocks']), 30_000);
      const start = performance.now();
      await signedEvent(`http://127.0.0.1:${port}/slack/events`, { type: 'message', subtype: 'file_share', user: 'U0SUBMIT', channel: 'C0BENCH', ts, text: '', files: [file] });
      await posted;
      times.push(performance.now() - start);
    }
  } finally {
    await bot.stop();
    await numbers.close();
    await store.close();
    await sandbox.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return times;
}

/** Batches approved one after the other, each by 20 clicks at once spread over two replicas. */
async function approvalsPerSecond(): Promise<{ perSecond: number; doubleWins: number }> {
  const schema = `numbers_bot_bench_${randomBytes(4).toString('hex')}`;
  const replicas: Store[] = [await openStore(POSTGRES_URL, { schema }), await openStore(POSTGRES_URL, { schema })];
  try {
    for (const replica of replicas) await replica.migrate();
    const ids: string[] = [];
    for (let i = 0; i < BATCHES; i++) {
      const { batch } = await (replicas[0] as Store).createBatch(
        { fileId: `F${i}`, fileName: 'batch.csv', channel: 'C0BENCH', threadTs: '1.1', submitter: 'U0SUBMIT', environment: 'bench', csv: 'NUMBER,OPERATION\n', groups: ['ocp'], planDigest: null, expiresAt: new Date(Date.now() + 3_600_000) },
        'U0SUBMIT',
      );
      ids.push(batch.id);
    }
    let doubleWins = 0;
    const start = performance.now();
    for (const id of ids) {
      const wins = await Promise.all(Array.from({ length: CLICKS }, (_, click) => (replicas[click % 2] as Store).transition(id, ['pending'], 'applying', `U${click}`)));
      if (wins.filter((won) => won !== undefined).length !== 1) doubleWins++;
    }
    return { perSecond: BATCHES / ((performance.now() - start) / 1000), doubleWins };
  } finally {
    for (const replica of replicas) await replica.close();
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${client.escapeIdentifier(schema)} CASCADE`);
    await client.end();
  }
}

/** An event as Slack sends it: JSON, signed with the signing secret. */
async function signedEvent(url: string, event: Record<string, unknown>): Promise<void> {
  const body = JSON.stringify({ type: 'event_callback', team_id: 'T0BENCH', api_app_id: 'A0BENCH', event_id: `Ev${randomBytes(6).toString('hex')}`, event_time: Math.floor(Date.now() / 1000), event });
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature }, body });
  await response.text();
}

await main();
