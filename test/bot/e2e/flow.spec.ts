import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { POSTGRES } from '../store/postgres-engine.js';
import { SQLITE_FILE } from '../store/sqlite-engines.js';
import type { TestEngine } from '../store/test-database.js';
import { CHANNEL, SECRET, USERS, World, buttonsOf, eachTestIn } from './world.js';
import { fileSharedEvent } from '../slack/payloads.js';
import { sendEvent } from '../slack/signed.js';

const MIXED = readFileSync(new URL('../../../../examples/mixed.csv', import.meta.url), 'utf8');
const WITH_ERRORS = 'NUMBER,OPERATION\n+14155550120,Remove\n+14155550121,Delete\n';
const UK = 'NUMBER,OPERATION\n+442079460958,Delete\n';

for (const engine of [SQLITE_FILE, POSTGRES] as TestEngine[]) {
  describe(`the Slack bot end to end, on ${engine.name}`, function () {
    this.timeout(60_000);
    let world!: World;
    eachTestIn(engine, (started) => (world = started));

    it('answers a shared CSV with a summary in its thread, with Approve, Reject and Cancel', async () => {
      const bot = await world.startBot();
      const { messageTs } = await world.share(bot, 'mixed.csv', MIXED);
      const summary = await world.summaryOf(messageTs);
      assert.deepEqual(summary.actions, ['batch_approve', 'batch_reject', 'batch_cancel']);
      assert.equal(summary.call.args['channel'], CHANNEL);
      const batch = await bot.store.getBatch(summary.batchId ?? '');
      assert.equal(batch?.state, 'pending');
      assert.deepEqual(batch?.groups, ['ocp']);
      assert.equal(world.puts(), 0);
    });

    it('offers no Approve for a file with errors, and attaches every issue as an annotated CSV', async () => {
      const bot = await world.startBot();
      const { messageTs } = await world.share(bot, 'broken.csv', WITH_ERRORS);
      const summary = await world.summaryOf(messageTs);
      assert.ok(!summary.actions.includes('batch_approve'), `actions: ${summary.actions.join(', ')}`);
      const upload = await world.until(() => world.fake.uploads().length > 0, 'the annotated CSV').then(() => world.fake.uploads()[0]);
      assert.equal(upload?.thread_ts, messageTs);
      assert.match(upload?.content ?? '', /ISSUES/);
      assert.match(upload?.content ?? '', /unknown-operation/);
    });

    it('handles a file once, however many times Slack tells of it', async () => {
      const bot = await world.startBot();
      const { fileId, messageTs } = await world.share(bot, 'mixed.csv', MIXED, { times: 3, both: true });
      await world.summaryOf(messageTs);
      await sendEvent(bot.url, SECRET, fileSharedEvent({ fileId, user: USERS.submitter, channel: CHANNEL }));
      await new Promise((resolve) => setTimeout(resolve, 500));
      const summaries = world.fake.calls('chat.postMessage').filter((call) => buttonsOf(call.args['blocks']).length > 0);
      assert.equal(summaries.length, 1);
    });

    it('refuses a stranger, an OWNER of another group, and the submitter; nothing is applied', async () => {
      const bot = await world.startBot();
      const { messageTs } = await world.share(bot, 'mixed.csv', MIXED);
      const { batchId = '' } = await world.summaryOf(messageTs);
      for (const user of [USERS.stranger, USERS.ukOwner, USERS.submitter]) {
        await world.click(bot, 'batch_approve', batchId, user);
        await world.fake.waitFor('chat.postEphemeral', (call) => call.args['user'] === user, 15_000);
      }
      const ephemerals = world.fake.calls('chat.postEphemeral').map((call) => String(call.args['text']));
      assert.match(ephemerals[0] ?? '', /OWNER/);
      assert.match(ephemerals[1] ?? '', /ocp/);
      assert.match(ephemerals[2] ?? '', /you shared this file, so you cannot approve it/i);
      assert.equal(world.puts(), 0);
      assert.equal((await bot.store.getBatch(batchId))?.state, 'pending');
    });

    it('refuses an expired batch, and says so on the summary', async () => {
      const bot = await world.startBot();
      const { messageTs } = await world.share(bot, 'mixed.csv', MIXED);
      const { batchId = '' } = await world.summaryOf(messageTs);
      world.clock.advance(25 * 3_600_000);
      await world.click(bot, 'batch_approve', batchId, USERS.owner);
      await world.fake.waitFor('chat.postEphemeral', (call) => call.args['user'] === USERS.owner, 15_000);
      assert.equal((await bot.store.getBatch(batchId))?.state, 'expired');
      assert.equal(world.puts(), 0);
    });

    it('expires a batch past its time on its own, and takes the buttons off its summary', async () => {
      const bot = await world.startBot();
      const { messageTs } = await world.share(bot, 'mixed.csv', MIXED);
      const { batchId = '' } = await world.summaryOf(messageTs);
      await world.until(async () => Boolean((await bot.store.getBatch(batchId))?.summaryTs), 'the summary to be recorded');
      await bot.bot.sweep();
      assert.equal((await bot.store.getBatch(batchId))?.state, 'pending', 'not yet');
      world.clock.advance(24 * 3_600_000 + 1);
      await bot.bot.sweep();
      const batch = await bot.store.getBatch(batchId);
      assert.equal(batch?.state, 'expired');
      const update = world.fake.calls('chat.update').find((call) => call.args['ts'] === batch?.summaryTs);
      assert.ok(update, 'the summary was updated');
      assert.deepEqual(buttonsOf(update.args['blocks']), []);
    });

    it('applies once when an OWNER approves, and posts each row’s result', async () => {
      const bot = await world.startBot();
      const { messageTs } = await world.share(bot, 'mixed.csv', MIXED);
      const { batchId = '' } = await world.summaryOf(messageTs);
      await world.click(bot, 'batch_approve', batchId, USERS.groupie);
      await world.until(async () => (await bot.store.getBatch(batchId))?.state === 'applied', 'the batch to be applied');
      assert.equal(world.puts(), 1);
      const history = await bot.store.history(batchId);
      assert.deepEqual(history.map((transition) => transition.to), ['pending', 'applying', 'applied']);
      assert.equal(history[1]?.actor, USERS.groupie);
      const result = await world.fake.waitFor('chat.postMessage', (call) => call.args['thread_ts'] === messageTs && /^Applied:/.test(String(call.args['text'])), 15_000);
      assert.equal(result.args['text'], 'Applied: 5 succeeded, 0 failed.');
    });

    it('twenty clicks at once through two replicas apply exactly once', async () => {
      const first = await world.startBot();
      const second = await world.startBot();
      const { messageTs } = await world.share(first, 'mixed.csv', MIXED);
      const { batchId = '' } = await world.summaryOf(messageTs);
      await Promise.all(Array.from({ length: 20 }, (_, i) => world.click(i % 2 === 0 ? first : second, 'batch_approve', batchId, i % 3 === 0 ? USERS.groupie : USERS.owner)));
      await world.until(async () => (await first.store.getBatch(batchId))?.state === 'applied', 'the batch to be applied');
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.equal(world.puts(), 1);
      const applying = (await first.store.history(batchId)).filter((transition) => transition.to === 'applying');
      assert.equal(applying.length, 1);
    });

    it('refuses a request with a bad signature or an old timestamp', async () => {
      const bot = await world.startBot();
      const { messageTs } = await world.share(bot, 'mixed.csv', MIXED);
      const { batchId = '' } = await world.summaryOf(messageTs);
      const forged = await world.click(bot, 'batch_approve', batchId, USERS.owner, '1.000001', { signWith: 'not-the-secret' });
      const stale = await world.click(bot, 'batch_approve', batchId, USERS.owner, '1.000001', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
      assert.equal(forged.status, 401);
      assert.equal(stale.status, 401);
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(world.puts(), 0);
      assert.equal((await bot.store.getBatch(batchId))?.state, 'pending');
    });

    it('lets the submitter cancel, and nobody else', async () => {
      const bot = await world.startBot();
      const { messageTs } = await world.share(bot, 'uk.csv', UK);
      const { batchId = '' } = await world.summaryOf(messageTs);
      await world.click(bot, 'batch_cancel', batchId, USERS.ukOwner);
      await world.fake.waitFor('chat.postEphemeral', (call) => call.args['user'] === USERS.ukOwner, 15_000);
      assert.equal((await bot.store.getBatch(batchId))?.state, 'pending');
      await world.click(bot, 'batch_cancel', batchId, USERS.submitter);
      await world.until(async () => (await bot.store.getBatch(batchId))?.state === 'cancelled', 'the cancellation');
      assert.equal(world.puts(), 0);
    });
  });
}
