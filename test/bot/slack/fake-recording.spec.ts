import assert from 'node:assert/strict';
import { WebAPIPlatformError, WebAPIRateLimitedError, WebClient } from '@slack/web-api';
import { recordingLogger, useFakeSlack } from './hooks.js';
import type { FakeSlack } from './fake-slack.js';

function clientOf(fake: FakeSlack, rejectRateLimitedCalls = false): WebClient {
  return new WebClient(fake.botToken, { slackApiUrl: fake.apiUrl, logger: recordingLogger(), retryConfig: { retries: 0 }, rejectRateLimitedCalls });
}

describe('bot/slack: what the fake records, and how a test waits for it', () => {
  const slack = useFakeSlack();

  it('waitFor resolves on a call made later, and on one already made', async () => {
    const client = clientOf(slack.fake);
    const waiting = slack.fake.waitFor('chat.postMessage', (c) => c.args.text === 'second');
    await client.chat.postMessage({ channel: 'C0NUMBERS1', text: 'first' });
    await client.chat.postMessage({ channel: 'C0NUMBERS1', text: 'second' });
    assert.equal((await waiting).args.text, 'second');
    assert.equal((await slack.fake.waitFor('chat.postMessage')).args.text, 'first');
  });

  it('waitFor rejects on timeout naming what was called instead', async () => {
    await clientOf(slack.fake).auth.test();
    await assert.rejects(slack.fake.waitFor('chat.update', undefined, 50), /no chat\.update call within 50 ms; calls were: auth\.test/);
  });

  it('failNext answers the next call of a method with an error, once', async () => {
    const client = clientOf(slack.fake);
    slack.fake.failNext('chat.postMessage', { error: 'channel_not_found' });
    await assert.rejects(client.chat.postMessage({ channel: 'C0GONE0001', text: 'x' }), (e: unknown) => e instanceof WebAPIPlatformError && e.data.error === 'channel_not_found');
    await client.chat.postMessage({ channel: 'C0NUMBERS1', text: 'y' });
    assert.deepEqual(slack.fake.calls('chat.postMessage').map((c) => c.error), ['channel_not_found', undefined]);
  });

  it('failNext can rate-limit with 429 and Retry-After, which the WebClient reads', async () => {
    slack.fake.failNext('chat.postMessage', { httpStatus: 429, retryAfterSec: 7 });
    await assert.rejects(clientOf(slack.fake, true).chat.postMessage({ channel: 'C0NUMBERS1', text: 'x' }), (e: unknown) => e instanceof WebAPIRateLimitedError && e.retryAfter === 7);
  });

  it('records JSON posted to a response_url, and refuses a sixth use as Slack does', async () => {
    const url = slack.fake.responseUrl('cmd-1');
    const post = (text: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text, replace_original: true }) });
    for (let i = 1; i <= 5; i += 1) assert.equal((await post(`step ${i}`)).status, 200);
    assert.equal((await post('step 6')).status, 404);

    assert.deepEqual(slack.fake.responses('cmd-1').map((r) => [r.body.text, r.accepted]), [
      ['step 1', true], ['step 2', true], ['step 3', true], ['step 4', true], ['step 5', true], ['step 6', false],
    ]);
    assert.equal((await slack.fake.waitForResponse((r) => r.body.text === 'step 2')).body.replace_original, true);
  });

  it('reset forgets calls, messages, files and responses but keeps serving', async () => {
    const client = clientOf(slack.fake);
    await client.chat.postMessage({ channel: 'C0NUMBERS1', text: 'x' });
    const file = slack.fake.addFile({ name: 'a.csv', content: 'a' });
    slack.fake.reset();
    assert.deepEqual([slack.fake.calls(), slack.fake.messages('C0NUMBERS1'), slack.fake.uploads(), slack.fake.responses()], [[], [], [], []]);
    await assert.rejects(client.files.info({ file: file.id }), (e: unknown) => e instanceof WebAPIPlatformError && e.data.error === 'file_not_found');
  });
});
