import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { App } from '@slack/bolt';
import { recordingLogger, useFakeSlack, type RecordingLogger } from './hooks.js';
import {
  blockAction,
  fileShareMessageEvent,
  fileSharedEvent,
  newTs,
  nowSeconds,
  sendAction,
  sendCommand,
  sendEvent,
  sendViewSubmission,
  viewSubmission,
  type SlackEvent,
} from './signed.js';

const SECRET = 'signing-secret-for-tests';

const mention = (ts: string): SlackEvent => ({
  type: 'app_mention',
  user: 'U0OWNER001',
  text: '<@U0FAKEBOT1> check',
  ts,
  channel: 'C0NUMBERS1',
  event_ts: ts,
});

/** Waits until `condition` holds: listeners run after the HTTP ack, so the reply comes before their effects. */
async function eventually(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('bot/slack: a real Bolt app (HTTP receiver) fed by the signed request helpers', () => {
  const slack = useFakeSlack();
  let app: App;
  let url: string;
  let logger: RecordingLogger;

  beforeEach(async () => {
    logger = recordingLogger();
    // The fake must be up first: with a token, Bolt calls auth.test from its constructor.
    app = new App({ token: slack.fake.botToken, signingSecret: SECRET, logger, clientOptions: { slackApiUrl: slack.fake.apiUrl, retryConfig: { retries: 0 } } });
    // Port 0 = a free port; for the HTTP receiver, start() resolves with the node:http server.
    const server = await app.start({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  });

  afterEach(async () => {
    await app.stop();
  });

  it('takes a signed event, acks 200, and its listener reaches the fake through slackApiUrl', async () => {
    app.event('app_mention', async ({ event, client }) => {
      await client.chat.postMessage({ channel: event.channel, thread_ts: event.ts, text: 'checking…' });
    });
    const ts = newTs();
    const reply = await sendEvent(url, SECRET, mention(ts));

    assert.equal(reply.status, 200);
    const posted = await slack.fake.waitFor('chat.postMessage');
    assert.deepEqual([posted.args.channel, posted.args.thread_ts, posted.token], ['C0NUMBERS1', ts, slack.fake.botToken]);
    assert.equal(slack.fake.calls('auth.test').length, 1, 'Bolt learns its bot user id from auth.test');
  });

  it('answers 401 to a request signed with another secret, and runs no listener', async () => {
    const ran: string[] = [];
    app.event('app_mention', async ({ event }) => {
      ran.push(event.text);
    });
    const forged = await sendEvent(url, SECRET, { ...mention(newTs()), text: 'forged' }, { signWith: 'not-the-secret' });
    const genuine = await sendEvent(url, SECRET, { ...mention(newTs()), text: 'genuine' });

    assert.deepEqual([forged.status, genuine.status], [401, 200]);
    assert.ok(logger.lines.some((l) => l.level === 'warn' && /signature mismatch/.test(l.text)), JSON.stringify(logger.lines));
    // The forged request was refused before any processing; once the genuine one ran, the forged one never will.
    await eventually(() => ran.length > 0);
    assert.deepEqual(ran, ['genuine']);
  });

  it('answers 401 to a correctly signed request older than five minutes (a replay)', async () => {
    const reply = await sendEvent(url, SECRET, mention(newTs()), { timestamp: nowSeconds() - 6 * 60 });

    assert.equal(reply.status, 401);
    assert.ok(logger.lines.some((l) => /stale/.test(l.text)), JSON.stringify(logger.lines));
    const fresh = await sendEvent(url, SECRET, mention(newTs()), { timestamp: nowSeconds() - 4 * 60 });
    assert.equal(fresh.status, 200, 'four minutes old is still inside the window');
  });

  it('passes a redelivery with the same event_id and its retry headers to the listener', async () => {
    const seen: { eventId: unknown; retryNum: number | undefined; retryReason: string | undefined }[] = [];
    app.event('app_mention', async ({ body, context }) => {
      seen.push({ eventId: body.event_id, retryNum: context.retryNum, retryReason: context.retryReason });
    });
    const event = mention(newTs());
    const first = await sendEvent(url, SECRET, event);
    await sendEvent(url, SECRET, event, { eventId: first.eventId, retry: { num: 1, reason: 'http_timeout' } });

    await eventually(() => seen.length === 2);
    assert.deepEqual(seen, [
      { eventId: first.eventId, retryNum: undefined, retryReason: undefined },
      { eventId: first.eventId, retryNum: 1, retryReason: 'http_timeout' },
    ]);
  });

  it('routes both shapes of a shared file, and the file downloads with the token Bolt hands the listener', async () => {
    const file = slack.fake.addFile({ name: 'batch.csv', content: 'number\n+33612345678\n', channel: 'C0NUMBERS1' });
    const fromFileShared: string[] = [];
    const fromMessage: string[] = [];
    app.event('file_shared', async ({ event, client, context }) => {
      const info = await client.files.info({ file: event.file_id });
      const response = await fetch(info.file?.url_private_download ?? '', { headers: { authorization: `Bearer ${context.botToken ?? ''}` } });
      fromFileShared.push(await response.text());
    });
    app.event('message', async ({ event }) => {
      if (event.subtype === 'file_share') fromMessage.push(...(event.files ?? []).map((f) => f.id));
    });

    await sendEvent(url, SECRET, fileShareMessageEvent({ file, user: 'U0OWNER001', channel: 'C0NUMBERS1' }));
    await sendEvent(url, SECRET, fileSharedEvent({ fileId: file.id, user: 'U0OWNER001', channel: 'C0NUMBERS1' }));

    await eventually(() => fromFileShared.length === 1 && fromMessage.length === 1);
    assert.deepEqual(fromFileShared, ['number\n+33612345678\n']);
    assert.deepEqual(fromMessage, [file.id]);
    assert.deepEqual(slack.fake.downloads(file.id).map((d) => d.authorized), [true]);
  });

  it('delivers a button click; respond() posts to the response_url the fake serves', async () => {
    const clicks: { user: string; value: string | undefined; channel: string | undefined }[] = [];
    app.action('approve', async ({ ack, body, action, respond }) => {
      await ack();
      clicks.push({ user: body.user.id, value: action.type === 'button' ? action.value : undefined, channel: body.channel?.id });
      await respond({ text: 'approved', replace_original: false });
    });
    const responseUrl = slack.fake.responseUrl();
    const reply = await sendAction(url, SECRET, blockAction({ actionId: 'approve', value: 'batch-7', user: 'U0OWNER001', channel: 'C0NUMBERS1', messageTs: newTs(), responseUrl }));

    assert.equal(reply.status, 200);
    const response = await slack.fake.waitForResponse();
    assert.deepEqual(response.body, { text: 'approved', replace_original: false });
    assert.deepEqual(clicks, [{ user: 'U0OWNER001', value: 'batch-7', channel: 'C0NUMBERS1' }]);
  });

  it('delivers a slash command: ack() text is the HTTP reply, respond() the delayed answer', async () => {
    app.command('/numbers', async ({ ack, command, respond }) => {
      await ack(`checking ${command.text}`);
      await respond({ response_type: 'ephemeral', text: `${command.user_id}: done` });
    });
    const reply = await sendCommand(url, SECRET, { command: '/numbers', text: 'status 7', user_id: 'U0OWNER001', channel_id: 'C0NUMBERS1', response_url: slack.fake.responseUrl('cmd') });

    assert.equal(reply.status, 200);
    assert.equal(reply.body, 'checking status 7'); // a string ack() goes back as text/plain; Slack shows it to the user
    assert.equal((await slack.fake.waitForResponse()).body.text, 'U0OWNER001: done');
    assert.equal(slack.fake.responses('cmd').length, 1);
  });

  it('delivers a view submission; what ack() is given comes back as the HTTP reply', async () => {
    app.view('reject-reason', async ({ ack, view }) => {
      const reason = view.state.values.reason?.input?.value;
      await ack(reason ? undefined : { response_action: 'errors', errors: { reason: 'Say why the batch is rejected' } });
    });
    const empty = viewSubmission({ callbackId: 'reject-reason', user: 'U0OWNER001', values: { reason: { input: { type: 'plain_text_input', value: null } } } });
    const reply = await sendViewSubmission(url, SECRET, empty);

    assert.equal(reply.status, 200);
    assert.deepEqual(JSON.parse(reply.body), { response_action: 'errors', errors: { reason: 'Say why the batch is rejected' } });
  });
});
