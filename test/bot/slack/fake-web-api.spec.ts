import assert from 'node:assert/strict';
import { WebAPIPlatformError, WebClient } from '@slack/web-api';
import { recordingLogger, useFakeSlack, type RecordingLogger } from './hooks.js';
import type { FakeSlack } from './fake-slack.js';

/** The client exactly as Bolt builds it, pointed at the fake; no retries, so a refusal shows at once. */
function clientOf(fake: FakeSlack, token = fake.botToken, logger: RecordingLogger = recordingLogger()): WebClient {
  return new WebClient(token, { slackApiUrl: fake.apiUrl, logger, retryConfig: { retries: 0 } });
}

/** For assert.rejects: a WebAPIPlatformError carrying Slack's `error`. */
const platformError = (error: string) => (thrown: unknown): boolean => {
  assert.ok(thrown instanceof WebAPIPlatformError, `expected a platform error, got ${String(thrown)}`);
  assert.equal(thrown.data.error, error);
  return true;
};

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

describe('bot/slack: the fake Web API speaks the WebClient wire format', () => {
  const slack = useFakeSlack(() => ({ usergroups: { S0OWNERS01: ['U0OWNER001', 'U0OWNER002'] } }));

  it('answers auth.test with the bot identity Bolt caches', async () => {
    const answer = await clientOf(slack.fake).auth.test();
    assert.equal(answer.user_id, slack.fake.botUserId);
    assert.equal(answer.bot_id, slack.fake.botId);
    assert.equal(answer.team_id, slack.fake.teamId);
  });

  it('records chat.postMessage with its form-encoded blocks parsed back, and the token from the header', async () => {
    const blocks = [section('*3 rows* checked'), { type: 'divider' }];
    const posted = await clientOf(slack.fake).chat.postMessage({ channel: 'C0NUMBERS1', text: 'checked', blocks, thread_ts: '1700000000.000100' });

    assert.equal(posted.channel, 'C0NUMBERS1');
    assert.match(posted.ts ?? '', /^\d{10}\.\d{6}$/);
    assert.equal(posted.message?.thread_ts, '1700000000.000100');
    const [call] = slack.fake.calls('chat.postMessage');
    assert.deepEqual(call?.args.blocks, blocks);
    assert.equal(call?.args.text, 'checked');
    assert.equal(call?.token, slack.fake.botToken);
    assert.deepEqual(slack.fake.thread('C0NUMBERS1', '1700000000.000100').map((m) => m.ts), [posted.ts]);
  });

  it('applies chat.update to the recorded message and refuses an unknown ts', async () => {
    const client = clientOf(slack.fake);
    const { ts } = await client.chat.postMessage({ channel: 'C0NUMBERS1', text: 'planning…' });
    await client.chat.update({ channel: 'C0NUMBERS1', ts: ts ?? '', text: 'planned', blocks: [section('*planned*')] });

    const [message] = slack.fake.messages('C0NUMBERS1');
    assert.equal(message?.text, 'planned');
    assert.deepEqual(message?.blocks, [section('*planned*')]);
    assert.equal(message?.edits, 1);
    await assert.rejects(client.chat.update({ channel: 'C0NUMBERS1', ts: '1.000001', text: 'x' }), platformError('message_not_found'));
  });

  it('refuses more than 50 blocks and a section text over 3,000 characters, as Slack does', async () => {
    const logger = recordingLogger();
    const client = clientOf(slack.fake, slack.fake.botToken, logger);
    const many = Array.from({ length: 51 }, (_, i) => section(`row ${i}`));
    await assert.rejects(client.chat.postMessage({ channel: 'C0NUMBERS1', text: 't', blocks: many }), platformError('invalid_blocks'));
    await assert.rejects(client.chat.postMessage({ channel: 'C0NUMBERS1', text: 't', blocks: [section('x'.repeat(3001))] }), platformError('invalid_blocks'));
    assert.deepEqual(slack.fake.messages('C0NUMBERS1'), []);
    // The WebClient logs response_metadata's [ERROR] lines: the fake put the reasons where Slack puts them.
    assert.deepEqual(logger.lines.filter((l) => l.level === 'error').map((l) => l.text), [
      'no more than 50 items allowed [json-pointer:/blocks]',
      'must be less than 3001 characters [json-pointer:/blocks/0/text/text]',
    ]);
  });

  it('answers chat.postEphemeral with a message_ts and keeps it apart from the channel', async () => {
    const answer = await clientOf(slack.fake).chat.postEphemeral({ channel: 'C0NUMBERS1', user: 'U0CLICKER1', text: 'only owners can approve' });
    assert.match(answer.message_ts ?? '', /^\d+\.\d{6}$/);
    assert.deepEqual(slack.fake.ephemerals('C0NUMBERS1').map((m) => [m.user, m.text]), [['U0CLICKER1', 'only owners can approve']]);
    assert.deepEqual(slack.fake.messages('C0NUMBERS1'), []);
  });

  it('lists a usergroup and refuses an unknown one with no_such_subteam', async () => {
    const client = clientOf(slack.fake);
    const answer = await client.usergroups.users.list({ usergroup: 'S0OWNERS01' });
    assert.deepEqual(answer.users, ['U0OWNER001', 'U0OWNER002']);
    await assert.rejects(client.usergroups.users.list({ usergroup: 'S0NOBODY01' }), platformError('no_such_subteam'));
  });

  it('refuses a wrong token with invalid_auth, and records the attempt', async () => {
    await assert.rejects(clientOf(slack.fake, 'xoxb-stolen').chat.postMessage({ channel: 'C0NUMBERS1', text: 'hi' }), platformError('invalid_auth'));
    assert.deepEqual(slack.fake.calls().map((c) => [c.method, c.error, c.token]), [['chat.postMessage', 'invalid_auth', 'xoxb-stolen']]);
    assert.deepEqual(slack.fake.messages('C0NUMBERS1'), []);
  });

  it('answers an unknown method with unknown_method', async () => {
    await assert.rejects(clientOf(slack.fake).apiCall('chat.teleport', { channel: 'C0NUMBERS1' }), platformError('unknown_method'));
  });

  it('opens a view only with a trigger_id, and answers users.info', async () => {
    const client = clientOf(slack.fake);
    const view = { type: 'modal' as const, callback_id: 'reject-reason', title: { type: 'plain_text' as const, text: 'Reject' }, blocks: [] };
    const opened = await client.views.open({ trigger_id: '123.456.abc', view });
    assert.equal(opened.view?.callback_id, 'reject-reason');
    assert.match(opened.view?.id ?? '', /^V/);
    await assert.rejects(client.apiCall('views.open', { view }), platformError('invalid_arguments'));
    const user = await client.users.info({ user: 'U0OWNER001' });
    assert.equal(user.user?.id, 'U0OWNER001');
  });

  it('takes a JSON body with the token in the Authorization header, as Slack allows', async () => {
    const response = await fetch(`${slack.fake.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${slack.fake.botToken}` },
      body: JSON.stringify({ channel: 'C0NUMBERS1', text: 'json', blocks: [section('json')] }),
    });
    assert.equal(((await response.json()) as { ok: boolean }).ok, true);
    assert.deepEqual(slack.fake.calls('chat.postMessage')[0]?.args.blocks, [section('json')]);
  });
});
