import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { POSTGRES } from '../store/postgres-engine.js';
import { USERS, World, eachTestIn } from './world.js';

const MIXED = readFileSync(new URL('../../../../examples/mixed.csv', import.meta.url), 'utf8');

describe('the Slack bot with several replicas on PostgreSQL', function () {
  this.timeout(60_000);
  let world!: World;
  eachTestIn(POSTGRES, (started) => (world = started));

  it('a replica that starts leaves alone a batch another one is applying', async () => {
    const first = await world.startBot();
    const { messageTs } = await world.share(first, 'mixed.csv', MIXED);
    const { batchId = '' } = await world.summaryOf(messageTs);
    world.sandbox.setFaults({ latencyMs: 3_000 });
    await world.click(first, 'batch_approve', batchId, USERS.owner);
    await world.until(async () => (await first.store.getBatch(batchId))?.state === 'applying', 'the apply to start');
    const second = await world.startBot();
    await second.bot.recover();
    await second.bot.sweep();
    const during = await second.store.getBatch(batchId);
    assert.equal(during?.state, 'applying', `untouched while the first applies it; puts ${world.puts()}`);
    await world.until(async () => (await first.store.getBatch(batchId))?.state === 'applied', 'the first replica to finish');
    assert.equal(world.puts(), 1);
    assert.equal(world.fake.calls('chat.postMessage').filter((call) => /^Checked against live data/.test(String(call.args['text']))).length, 0, 'no reconciliation');
  });

  it('recovers a batch left applying by a replica that stopped, once no apply can still be running', async () => {
    const bot = await world.startBot();
    const { messageTs } = await world.share(bot, 'mixed.csv', MIXED);
    const { batchId = '' } = await world.summaryOf(messageTs);
    // A replica took the batch and stopped before its upload left.
    const batch = await bot.store.getBatch(batchId);
    await bot.store.transition(batchId, ['pending'], 'applying', USERS.owner, null, { decidedBy: USERS.owner, decidedAt: world.clock.now(), planDigest: batch?.planDigest ?? null });
    await bot.bot.sweep();
    assert.equal((await bot.store.getBatch(batchId))?.state, 'applying', 'too young to be orphaned');
    world.clock.advance(11 * 60_000);
    await bot.bot.sweep();
    assert.equal((await bot.store.getBatch(batchId))?.state, 'failed', 'nothing had run');
    const said = await world.fake.waitFor('chat.postMessage', (call) => call.args['thread_ts'] === messageTs && /^Checked against live data/.test(String(call.args['text'])), 15_000);
    assert.equal(said.args['text'], 'Checked against live data: 0 applied, 5 not applied, 0 unclear.');
    assert.equal(world.puts(), 0);
  });
});
