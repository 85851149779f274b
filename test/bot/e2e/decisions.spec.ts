import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createNumbersApiClient } from '@numbers-csv/shared';
import { SQLITE_FILE } from '../store/sqlite-engines.js';
import { viewSubmission } from '../slack/payloads.js';
import { sendCommand, sendViewSubmission } from '../slack/signed.js';
import { CHANNEL, SECRET, USERS, World, eachTestIn } from './world.js';

const MIXED = readFileSync(new URL('../../../../examples/mixed.csv', import.meta.url), 'utf8');

describe('the Slack bot: rejections, changed plans and /numbers', function () {
  this.timeout(60_000);
  let world!: World;
  eachTestIn(SQLITE_FILE, (started) => (world = started));

  it('asks an approver why they reject, records the reason, and applies nothing', async () => {
    const bot = await world.startBot();
    const { messageTs } = await world.share(bot, 'mixed.csv', MIXED);
    const { batchId = '' } = await world.summaryOf(messageTs);
    await world.click(bot, 'batch_reject', batchId, USERS.owner);
    const opened = await world.fake.waitFor('views.open', undefined, 15_000);
    const view = opened.args['view'] as { callback_id: string; private_metadata: string };
    assert.equal(view.callback_id, 'batch_reject_reason');
    assert.equal(view.private_metadata, batchId);
    const empty = await sendViewSubmission(bot.url, SECRET, viewSubmission({ callbackId: 'batch_reject_reason', user: USERS.owner, privateMetadata: batchId, values: { reject_reason: { reject_reason_input: { type: 'plain_text_input', value: ' ' } } } }));
    assert.match(empty.body, /response_action/);
    assert.equal((await bot.store.getBatch(batchId))?.state, 'pending');
    await sendViewSubmission(bot.url, SECRET, viewSubmission({ callbackId: 'batch_reject_reason', user: USERS.owner, privateMetadata: batchId, values: { reject_reason: { reject_reason_input: { type: 'plain_text_input', value: 'Wrong set for +14155550111' } } } }));
    await world.until(async () => (await bot.store.getBatch(batchId))?.state === 'rejected', 'the rejection');
    const batch = await bot.store.getBatch(batchId);
    assert.equal(batch?.decidedBy, USERS.owner);
    assert.deepEqual(batch?.result, { reason: 'Wrong set for +14155550111' });
    await world.fake.waitFor('chat.postMessage', (call) => call.args['thread_ts'] === messageTs && String(call.args['text']).includes('Wrong set'), 15_000);
    assert.equal(world.puts(), 0);
  });

  it('does not let a stranger open the reject dialog', async () => {
    const bot = await world.startBot();
    const { messageTs } = await world.share(bot, 'mixed.csv', MIXED);
    const { batchId = '' } = await world.summaryOf(messageTs);
    await world.click(bot, 'batch_reject', batchId, USERS.stranger);
    await world.fake.waitFor('chat.postEphemeral', (call) => call.args['user'] === USERS.stranger, 15_000);
    assert.equal(world.fake.calls('views.open').length, 0);
  });

  it('shows an approver a plan that changed since the summary, and applies only on the next approval', async () => {
    const bot = await world.startBot();
    const { messageTs } = await world.share(bot, 'mixed.csv', MIXED);
    const { batchId = '' } = await world.summaryOf(messageTs);
    // Someone else deletes one of the batch's numbers in the meantime.
    const other = createNumbersApiClient({ baseUrl: world.sandbox.baseUrl, auth: { token: 'sandbox-owner' } });
    await other.applyCsv('NUMBER,OPERATION\n+14155550113,Delete\n');
    await other.close();
    await world.click(bot, 'batch_approve', batchId, USERS.owner);
    const told = await world.fake.waitFor('chat.postEphemeral', (call) => call.args['user'] === USERS.owner, 15_000);
    assert.match(String(told.args['text']), /changed/i);
    assert.equal(world.puts(), 1, 'only the other upload');
    assert.equal((await bot.store.getBatch(batchId))?.state, 'pending');
    await world.click(bot, 'batch_approve', batchId, USERS.owner);
    await world.until(async () => ['applied', 'partially-applied'].includes((await bot.store.getBatch(batchId))?.state ?? ''), 'the apply');
    assert.equal(world.puts(), 2);
    assert.equal((await bot.store.getBatch(batchId))?.state, 'partially-applied', 'the Detach of the deleted number fails');
  });

  it('answers /numbers help, status, pending and export to the user who asked', async () => {
    const bot = await world.startBot();
    const { messageTs } = await world.share(bot, 'mixed.csv', MIXED);
    const { batchId = '' } = await world.summaryOf(messageTs);
    const ask = async (text: string, user: string = USERS.owner) => {
      const id = `R-${Math.random().toString(36).slice(2)}`;
      await sendCommand(bot.url, SECRET, { command: '/numbers', text, user_id: user, channel_id: CHANNEL, response_url: world.fake.responseUrl(id) });
      return world.fake.waitForResponse((response) => response.id === id, 15_000);
    };
    assert.match(JSON.stringify((await ask('help')).body), /status/);
    assert.match(JSON.stringify((await ask(`status ${batchId}`)).body), /waiting for an approval/);
    assert.match(JSON.stringify((await ask('pending')).body), /mixed\.csv/);
    assert.doesNotMatch(JSON.stringify((await ask('pending', USERS.stranger)).body), /mixed\.csv/);
    await ask('export ocp');
    const upload = await world.until(() => world.fake.uploads().some((file) => file.filename === 'numbers-export-ocp.csv'), 'the export').then(() => world.fake.uploads().find((file) => file.filename === 'numbers-export-ocp.csv'));
    assert.match(upload?.content ?? '', /\+14155550120/);
    assert.doesNotMatch(upload?.content ?? '', /\+442079460958/, 'only group ocp');
  });
});

describe('the Slack bot: files it does not take', function () {
  this.timeout(60_000);
  let world!: World;
  eachTestIn(SQLITE_FILE, (started) => (world = started));

  for (const [what, name, content, env, expected] of [
    ['a spreadsheet', 'numbers.xlsx', 'PK\u0003\u0004', {}, /spreadsheet.*CSV UTF-8/],
    ['a file that is not CSV', 'notes.txt', 'hello', {}, /not a \.csv file/],
    ['a file over the size cap', 'big.csv', `NUMBER,OPERATION\n${'+14155550120,Delete\n'.repeat(100)}`, { MAX_FILE_BYTES: '1024' }, /over the bot's cap/],
  ] as const) {
    it(`answers ${what} in its thread, and makes no batch`, async () => {
      const bot = await world.startBot(env);
      const { messageTs } = await world.share(bot, name, content);
      const reply = await world.fake.waitFor('chat.postMessage', (call) => call.args['thread_ts'] === messageTs, 15_000);
      assert.match(String(reply.args['text']), expected);
      assert.equal((await bot.store.listByState('pending')).length, 0);
    });
  }

  it('never sends its token to a host that is not allowed', async () => {
    const bot = await world.startBot({ FILE_HOSTS: 'files.slack.com' });
    const { messageTs } = await world.share(bot, 'mixed.csv', MIXED);
    const reply = await world.fake.waitFor('chat.postMessage', (call) => call.args['thread_ts'] === messageTs, 15_000);
    assert.match(String(reply.args['text']), /127\.0\.0\.1, which is not an allowed file host \(FILE_HOSTS\)/);
    assert.equal(world.fake.downloads().length, 0);
  });

  it('answers GET /healthz', async () => {
    const bot = await world.startBot();
    const response = await fetch(bot.url.replace('/slack/events', '/healthz'));
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { ok: true });
  });
});
