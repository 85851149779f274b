import type { App } from '@slack/bolt';
import type { BotDeps } from '../batches/deps.js';
import { submitFile } from '../batches/submit.js';
import { guarded } from './guard.js';

/**
 * A shared file arrives as a `file_shared` event, as a `message` with subtype `file_share`, or both;
 * `submitFile` handles each file once.
 */
export function listenForFiles(app: App, deps: BotDeps): void {
  app.event('file_shared', async ({ event, client }) => {
    await guarded(deps.log, 'file_shared', () => submitFile(deps, client, { fileId: event.file_id, user: event.user_id, channel: event.channel_id }));
  });
  app.event('message', async ({ event, client }) => {
    if (event.subtype !== 'file_share' || !('files' in event) || !event.files) return;
    for (const file of event.files) {
      await guarded(deps.log, 'file_share', () => submitFile(deps, client, { fileId: file.id, user: event.user, channel: event.channel, messageTs: event.ts }));
    }
  });
}
