import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { SQLITE_FILE } from '../store/sqlite-engines.js';
import type { SocketModeConnection } from '../slack/fake-socket-mode.js';
import { blockAction, eventEnvelope, fileShareMessageEvent, newTs, type EventEnvelope } from '../slack/payloads.js';
import type { SlackFile } from '../slack/types.js';
import { CHANNEL, USERS, World, buttonsOf, type RunningBot, eachTestIn } from './world.js';

const MIXED = readFileSync(new URL('../../../../examples/mixed.csv', import.meta.url), 'utf8');
const UK = 'NUMBER,OPERATION\n+442079460958,Delete\n';
const APP_TOKEN = 'xapp-1-A0-1-x';
/** An app-level token and no signing secret: the bot runs in Socket Mode. */
const SOCKET_MODE = { SLACK_APP_TOKEN: APP_TOKEN, SLACK_SIGNING_SECRET: undefined };

/**
 * Starts a bot in Socket Mode and plays Slack's side of the start: the bot asks `apps.connections.open` for a URL
 * with its app token, connects, and is started only once Slack has said `hello`.
 */
async function startInSocketMode(world: World): Promise<{ bot: RunningBot; link: SocketModeConnection }> {
  let started = false;
  const starting = world.startBot(SOCKET_MODE).then((bot) => {
    started = true;
    return bot;
  });
  const link = await Promise.race([
    world.fake.socketMode.waitForConnection(undefined, 15_000),
    starting.then(() => {
      throw new Error('the bot started without opening a Socket Mode connection');
    }),
  ]);
  // A round trip on the open socket, and the bot still waits: it is not started before Slack's hello.
  await link.ping();
  assert.equal(started, false, 'the bot started before hello');
  link.hello();
  return { bot: await starting, link };
}

/** A person shares a file in the channel: the `file_share` message event, as the Events API payload to deliver. */
function share(world: World, name: string, content: string): { file: SlackFile; messageTs: string; body: EventEnvelope } {
  const file = world.fake.addFile({ name, content, user: USERS.submitter, channel: CHANNEL });
  const messageTs = newTs();
  const body = eventEnvelope(fileShareMessageEvent({ file, user: USERS.submitter, channel: CHANNEL, ts: messageTs }));
  return { file, messageTs, body };
}

describe('the Slack bot end to end in Socket Mode, on SQLite (a file)', function () {
  this.timeout(60_000);
  let world!: World;
  eachTestIn(SQLITE_FILE, (started) => (world = started));

  it('connects with its app token, answers a shared CSV over the socket, and applies once when an OWNER approves', async () => {
    const { bot, link } = await startInSocketMode(world);
    const opens = world.fake.calls('apps.connections.open');
    assert.deepEqual(opens.map((call) => [call.token, call.error]), [[APP_TOKEN, undefined]]);
    assert.equal(link.appToken, APP_TOKEN);

    const { messageTs, body } = share(world, 'mixed.csv', MIXED);
    const shared = link.deliver('events_api', body);
    const sharedAck = await shared.acked();
    assert.equal(sharedAck.connection, link.id);
    assert.deepEqual(sharedAck.payload, {}, 'an event is acked with no response payload');

    const summary = await world.summaryOf(messageTs);
    assert.deepEqual(summary.actions, ['batch_approve', 'batch_reject', 'batch_cancel']);
    assert.equal(summary.call.args['channel'], CHANNEL);
    assert.equal(summary.call.args['thread_ts'], messageTs);
    assert.equal(summary.call.token, world.fake.botToken, 'Web API calls carry the bot token, not the app token');
    const batchId = summary.batchId ?? '';
    assert.equal((await bot.store.getBatch(batchId))?.state, 'pending');
    const summaryMessage = world.fake.thread(CHANNEL, messageTs).find((message) => buttonsOf(message.blocks).length > 0);
    assert.ok(summaryMessage, 'the summary is in the file’s thread');

    const click = link.deliver(
      'interactive',
      blockAction({ actionId: 'batch_approve', value: batchId, user: USERS.owner, channel: CHANNEL, messageTs: summaryMessage.ts, threadTs: messageTs, messageBlocks: summaryMessage.blocks }),
    );
    assert.equal(click.envelope.accepts_response_payload, false);
    const clickAck = await click.acked();
    assert.deepEqual(clickAck.payload, {});

    await world.until(async () => (await bot.store.getBatch(batchId))?.state === 'applied', 'the batch to be applied');
    const result = await world.fake.waitFor('chat.postMessage', (call) => call.args['thread_ts'] === messageTs && /^Applied:/.test(String(call.args['text'])), 15_000);
    assert.equal(result.args['text'], 'Applied: 5 succeeded, 0 failed.');
    assert.equal(world.puts(), 1);
    const history = await bot.store.history(batchId);
    assert.deepEqual(history.map((transition) => transition.to), ['pending', 'applying', 'applied']);
    assert.equal(history[1]?.actor, USERS.owner);

    assert.deepEqual(world.fake.socketMode.acks().map((ack) => ack.envelope_id), [shared.envelope.envelope_id, click.envelope.envelope_id]);
    assert.deepEqual(world.fake.socketMode.strays(), [], 'the bot sends only acks over the socket');
  });

  it('handles a redelivered event once: both envelopes acked, one summary', async () => {
    const { link } = await startInSocketMode(world);
    const { file, messageTs, body } = share(world, 'mixed.csv', MIXED);
    // Slack redelivers in a new envelope with the same payload, event_id included, while the first is in flight.
    const first = link.deliver('events_api', body);
    const again = link.deliver('events_api', body, { retryAttempt: 1, retryReason: 'timeout' });
    assert.notEqual(again.envelope.envelope_id, first.envelope.envelope_id);
    await first.acked();
    await again.acked(); // unacked, Slack would deliver it yet again
    await world.summaryOf(messageTs);

    // Instead of sleeping: another file, delivered after the redelivery on the same socket, handled to its summary.
    const later = share(world, 'uk.csv', UK);
    await link.deliver('events_api', later.body).acked();
    await world.summaryOf(later.messageTs);

    const summaries = world.fake.calls('chat.postMessage').filter((call) => call.args['thread_ts'] === messageTs && buttonsOf(call.args['blocks']).length > 0);
    assert.equal(summaries.length, 1);
    assert.equal(world.fake.calls('files.info').filter((call) => call.args['file'] === file.id).length, 1);
    assert.equal(world.fake.downloads(file.id).length, 1);
    assert.deepEqual(world.fake.socketMode.strays(), []);
  });

  it('reconnects when Slack asks it to, with a new URL, and goes on answering there', async () => {
    const { link } = await startInSocketMode(world);
    // The bot keeps the link alive with pings (every 5/3 s) and drops it if they go unanswered: the fake answers.
    await world.until(() => link.pingsReceived() > 0, 'a ping from the bot', 5000);
    assert.equal(link.isOpen(), true);
    link.disconnect('refresh_requested');
    const closed = await link.closed;
    assert.deepEqual([closed.by, closed.code], ['client', 1000], 'the bot closes the old connection itself');

    // The SDK waits its ping timeout (5 s) before reconnecting.
    const next = await world.fake.socketMode.waitForConnection((connection) => connection.id === 2, 20_000);
    next.hello();
    assert.deepEqual(world.fake.calls('apps.connections.open').map((call) => [call.token, call.error]), [[APP_TOKEN, undefined], [APP_TOKEN, undefined]]);
    assert.notEqual(next.url, link.url, 'each connection has a URL of its own');

    const { messageTs, body } = share(world, 'mixed.csv', MIXED);
    const ack = await next.deliver('events_api', body).acked();
    assert.equal(ack.connection, next.id);
    const summary = await world.summaryOf(messageTs);
    assert.deepEqual(summary.actions, ['batch_approve', 'batch_reject', 'batch_cancel']);
  });

  it('hands out a Socket Mode URL only for an app-level token, each good for one connection', async () => {
    const open = async (token?: string): Promise<{ ok: boolean; error?: string; url?: string }> => {
      const response = await fetch(`${world.fake.apiUrl}apps.connections.open`, { method: 'POST', headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });
      return (await response.json()) as { ok: boolean; error?: string; url?: string };
    };
    assert.deepEqual(await open(), { ok: false, error: 'not_authed' });
    assert.deepEqual(await open(world.fake.botToken), { ok: false, error: 'invalid_auth' });
    const opened = await open(APP_TOKEN);
    assert.equal(opened.ok, true);
    assert.match(opened.url ?? '', /^ws:\/\/127\.0\.0\.1:\d+\/link\/\?ticket=[\w-]+&app_id=\w+$/);

    /** The status of a WebSocket handshake on `url`: 101 when the fake upgrades. */
    const handshake = (url: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(url.replace(/^ws/, 'http'), {
          headers: { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': Buffer.from('0123456789abcdef').toString('base64') },
        });
        req.on('upgrade', (response, socket) => {
          socket.destroy();
          resolve(response.statusCode ?? 0);
        });
        req.on('response', (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    assert.equal(await handshake(opened.url ?? ''), 101);
    assert.equal(await handshake(opened.url ?? ''), 401, 'a used ticket');
    assert.equal(await handshake((opened.url ?? '').replace(/ticket=[\w-]+/, 'ticket=made-up')), 401);
  });
});
