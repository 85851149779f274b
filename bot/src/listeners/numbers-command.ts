import type { App, RespondFn } from '@slack/bolt';
import { rowsInGroup } from '@numbers-csv/shared';
import type { BotDeps } from '../batches/deps.js';
import { COMMAND, helpMessage, pendingMessage, statusMessage, statusUsageMessage, unknownBatchMessage, unknownSubcommandMessage } from '../blocks/command.js';
import type { Message, WebClient } from '../slack/messages.js';
import { guarded } from './guard.js';

/** The export is read whole to be filtered and attached: past this, use the command line. */
const EXPORT_CAP_BYTES = 64 * 1024 * 1024;

/** `/numbers help | status <batch> | pending | export [group]`: answers only the user who asked. */
export function listenForCommand(app: App, deps: BotDeps): void {
  app.command(COMMAND, async ({ ack, command, respond, client }) => {
    await ack();
    const [sub = 'help', ...args] = command.text.trim().split(/\s+/).filter((word) => word !== '');
    const answer = (message: Message) => respond({ response_type: 'ephemeral', text: message.text, blocks: message.blocks });
    await guarded(deps.log, `${COMMAND} ${sub}`, async () => {
      if (sub === 'help') return void (await answer(helpMessage()));
      if (sub === 'status') return status(deps, args[0], answer);
      if (sub === 'pending') return pending(deps, command.user_id, answer);
      if (sub === 'export') return exportNumbers(deps, client, command.channel_id, args[0], respond);
      await answer(unknownSubcommandMessage({ text: command.text }));
    });
  });
}

async function status(deps: BotDeps, batchId: string | undefined, answer: (message: Message) => Promise<unknown>): Promise<void> {
  if (!batchId) return void (await answer(statusUsageMessage()));
  const batch = await deps.store.getBatch(batchId).catch(() => undefined);
  if (!batch) return void (await answer(unknownBatchMessage({ batchId })));
  await answer(statusMessage(batch, await deps.store.history(batch.id)));
}

/** Batches waiting for this user: pending, not expired, touching only groups they are OWNER of. */
async function pending(deps: BotDeps, user: string, answer: (message: Message) => Promise<unknown>): Promise<void> {
  const now = deps.now();
  const waiting = [];
  for (const batch of await deps.store.listByState('pending')) {
    if (batch.expiresAt <= now || (batch.submitter === user && !deps.allowSelfApproval)) continue;
    if ((await deps.owners.check(user, batch.groups)).ok) waiting.push(batch);
  }
  await answer(pendingMessage({ batches: waiting }));
}

async function exportNumbers(deps: BotDeps, client: WebClient, channel: string, group: string | undefined, respond: RespondFn): Promise<void> {
  await respond({ response_type: 'ephemeral', text: `Reading the export of ${deps.environment}${group ? ` (group ${group})` : ''}…` });
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of await deps.numbers.exportNumbers()) {
    size += chunk.byteLength;
    if (size > EXPORT_CAP_BYTES) return void (await respond({ response_type: 'ephemeral', text: 'The export is too large to attach here; use `numbers-csv export` instead.' }));
    chunks.push(chunk);
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks));
  const csv = group === undefined ? text : rowsInGroup(text, group);
  const name = group === undefined ? 'numbers-export.csv' : `numbers-export-${group}.csv`;
  await client.files.uploadV2({ channel_id: channel, filename: name, title: name, content: csv, initial_comment: `The numbers of ${deps.environment}${group ? ` in group ${group}` : ''}.` });
}

