import assert from 'node:assert/strict';
import { WebAPIPlatformError, WebClient } from '@slack/web-api';
import { recordingLogger, useFakeSlack } from './hooks.js';
import type { FakeSlack } from './fake-slack.js';

function clientOf(fake: FakeSlack): WebClient {
  return new WebClient(fake.botToken, { slackApiUrl: fake.apiUrl, logger: recordingLogger(), retryConfig: { retries: 0 } });
}

const CSV = 'number,action\n+33612345678,activate\n+33698765432,suspend\n';

describe('bot/slack: files on the fake, as the WebClient and a bot fetch them', () => {
  const slack = useFakeSlack();

  it('completes files.uploadV2 in its three steps and keeps the bytes, the thread and the comment', async () => {
    const content = 'row,issue\n4,duplicate-number ✗\n'; // non-ASCII: length is in bytes, not characters
    const answer = await clientOf(slack.fake).files.uploadV2({
      channel_id: 'C0NUMBERS1',
      thread_ts: '1700000000.000100',
      filename: 'issues.csv',
      title: 'Issues',
      content,
      initial_comment: '40 issues: see the file',
    });

    assert.deepEqual(slack.fake.calls().map((c) => c.method), ['files.getUploadURLExternal', 'upload_url', 'files.completeUploadExternal']);
    assert.equal(slack.fake.calls('files.getUploadURLExternal')[0]?.args.length, String(Buffer.byteLength(content)));
    const [upload] = slack.fake.uploads();
    assert.deepEqual(
      { ...upload, bytes: undefined, file_id: undefined },
      { file_id: undefined, bytes: undefined, filename: 'issues.csv', title: 'Issues', content, channel_id: 'C0NUMBERS1', thread_ts: '1700000000.000100', initial_comment: '40 issues: see the file' },
    );
    assert.equal(answer.ok, true);
    // The shared file lands in the thread as a message carrying it, and files.info knows it.
    const [reply] = slack.fake.thread('C0NUMBERS1', '1700000000.000100');
    assert.deepEqual(reply?.files, [upload?.file_id]);
    assert.equal(reply?.text, '40 issues: see the file');
    const info = await clientOf(slack.fake).files.info({ file: upload?.file_id ?? '' });
    assert.equal(info.file?.size, Buffer.byteLength(content));
    assert.deepEqual(info.file?.channels, ['C0NUMBERS1']);
  });

  it('refuses to complete an upload whose bytes never arrived', async () => {
    const client = clientOf(slack.fake);
    const { file_id } = await client.files.getUploadURLExternal({ filename: 'a.csv', length: 3 });
    await assert.rejects(
      client.files.completeUploadExternal({ files: [{ id: file_id ?? '' }], channel_id: 'C0NUMBERS1' }),
      (e: unknown) => e instanceof WebAPIPlatformError && e.data.error === 'file_not_found',
    );
    assert.deepEqual(slack.fake.uploads(), []);
  });

  it('describes an added file as files.info does, with download URLs on the fake', async () => {
    const file = slack.fake.addFile({ name: 'batch.csv', content: CSV, user: 'U0SHARER01', channel: 'C0NUMBERS1' });
    const info = await clientOf(slack.fake).files.info({ file: file.id });

    assert.deepEqual(info.file, file);
    assert.equal(file.filetype, 'csv');
    assert.equal(file.mimetype, 'text/csv');
    assert.equal(file.size, Buffer.byteLength(CSV));
    assert.ok(file.url_private_download.startsWith(`${slack.fake.origin}/files/${file.id}/`));
    await assert.rejects(clientOf(slack.fake).files.info({ file: 'F0MISSING1' }), (e: unknown) => e instanceof WebAPIPlatformError && e.data.error === 'file_not_found');
  });

  it('serves the bytes only with the bot token; without it, a 200 sign-in page as Slack does', async () => {
    const file = slack.fake.addFile({ name: 'batch.csv', content: CSV });

    const authorized = await fetch(file.url_private_download, { headers: { authorization: `Bearer ${slack.fake.botToken}` } });
    assert.equal(authorized.status, 200);
    assert.equal(authorized.headers.get('content-type'), 'text/csv');
    assert.equal(await authorized.text(), CSV);

    const anonymous = await fetch(file.url_private_download);
    assert.equal(anonymous.status, 200); // the status says nothing: only the content tells
    assert.match(anonymous.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(await anonymous.text(), /Sign in/);
    const wrong = await fetch(file.url_private, { headers: { authorization: 'Bearer xoxb-other' } });
    assert.doesNotMatch(await wrong.text(), /number,action/);

    assert.deepEqual(slack.fake.downloads(file.id).map((d) => d.authorized), [true, false, false]);
  });

  it('delays or fails a download on request', async () => {
    const slow = slack.fake.addFile({ name: 'slow.csv', content: CSV, download: { delayMs: 150 } });
    const broken = slack.fake.addFile({ name: 'broken.csv', content: CSV, download: { status: 503 } });
    const headers = { authorization: `Bearer ${slack.fake.botToken}` };

    const started = Date.now();
    assert.equal(await (await fetch(slow.url_private_download, { headers })).text(), CSV);
    assert.ok(Date.now() - started >= 140, `answered after ${Date.now() - started} ms`);
    assert.equal((await fetch(broken.url_private_download, { headers })).status, 503);
  });
});
