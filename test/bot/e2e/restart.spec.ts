import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '@numbers-csv/bot';
import { SQLITE_FILE } from '../store/sqlite-engines.js';
import { USERS, World, type RunningBot } from './world.js';

const BIN = fileURLToPath(new URL('../../../../bot/bin/numbers-csv-bot.js', import.meta.url));
const MIXED = readFileSync(new URL('../../../../examples/mixed.csv', import.meta.url), 'utf8');

/** The real `numbers-csv-bot` as a process of its own, so that it can be killed outright. */
async function startProcess(world: World, databaseUrl: string): Promise<{ child: ChildProcess; bot: RunningBot }> {
  const env = { ...process.env, ...world.env(), DATABASE_URL: databaseUrl };
  const child = spawn(process.execPath, [BIN], { env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const started = /"message":"numbers-csv-bot started".*?"port":(\d+)/.exec(output);
      if (started?.[1]) resolve(Number(started[1]));
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`the bot exited with ${code}: ${output}`)));
  });
  const store = await openStore(databaseUrl);
  return { child, bot: { bot: undefined as never, store, url: `http://127.0.0.1:${port}/slack/events` } };
}

describe('the Slack bot, killed mid-apply', function () {
  this.timeout(60_000);
  let world: World;
  const children: ChildProcess[] = [];
  beforeEach(async () => {
    world = await World.start(SQLITE_FILE);
  });
  afterEach(async () => {
    for (const child of children) child.kill('SIGKILL');
    await world.close();
  });

  it('reconciles on restart a batch whose upload reached the platform, without a second PUT', async () => {
    const databaseUrl = `sqlite:${join(world.dir, 'bot.sqlite')}`;
    const first = await startProcess(world, databaseUrl);
    children.push(first.child);
    const { messageTs } = await world.share(first.bot, 'mixed.csv', MIXED);
    const { batchId = '' } = await world.summaryOf(messageTs);

    // Every call to the numbers API takes two seconds, and the upload's answer is lost after its rows
    // ran: the bot is killed while it reads the export to find out, before it recorded anything.
    world.sandbox.setFaults({ latencyMs: 2_000, dropAfterApply: { times: 1 } });
    await world.click(first.bot, 'batch_approve', batchId, USERS.owner);
    await world.until(() => world.sandbox.numbers().every((row) => row.NUMBER !== '+14155550114'), 'the rows to run');
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    assert.equal((await first.bot.store.getBatch(batchId))?.state, 'applying');
    assert.equal(world.sandbox.numbers().find((row) => row.NUMBER === '+14155550114'), undefined, 'the rows ran');

    world.sandbox.clearFaults();
    const second = await startProcess(world, databaseUrl);
    children.push(second.child);
    await world.until(async () => (await second.bot.store.getBatch(batchId))?.state === 'applied', 'the reconciliation', 30_000);
    assert.equal(world.puts(), 1, 'never sent twice');
    const said = await world.fake.waitFor('chat.postMessage', (call) => call.args['thread_ts'] === messageTs && /^Checked against live data/.test(String(call.args['text'])), 15_000);
    assert.equal(said.args['text'], 'Checked against live data: 5 applied, 0 not applied, 0 unclear.');
    await first.bot.store.close();
    await second.bot.store.close();
  });
});
