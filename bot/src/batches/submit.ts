import { decode, validate } from '@numbers-csv/shared';
import { annotatedCsv } from '../blocks/annotated-csv.js';
import { summaryMessage } from '../blocks/summary.js';
import { fetchFile, refusalOf, type SlackFileInfo } from '../files/fetch-file.js';
import { attachCsv, postInThread, type WebClient } from '../slack/messages.js';
import { planJson, type BotDeps } from './deps.js';
import { livePlan } from './live-plan.js';
import { summaryInput } from './summary.js';

/** A file someone shared, as the events tell of it. */
export interface SharedFile {
  fileId: string;
  user: string;
  channel: string;
  /** ts of the message that shared it, when the event says (a `file_share` message does). */
  messageTs?: string;
}

/**
 * Turns a shared file into a batch: downloads it, validates it, plans it against the live numbers and
 * posts the summary in a thread on the message that shared it. A file is handled once, however many
 * events tell of it.
 */
export async function submitFile(deps: BotDeps, client: WebClient, shared: SharedFile): Promise<void> {
  if (!(await deps.store.claim(`file:${shared.fileId}`))) return;
  try {
    await submitClaimed(deps, client, shared);
  } catch (error) {
    // The file is claimed and will not come again: its sharer must hear that it was not taken.
    deps.log.error('submission failed', { file: shared.fileId, error: error instanceof Error ? error.name : 'unknown' });
    await client.chat
      .postMessage({ channel: shared.channel, ...(shared.messageTs ? { thread_ts: shared.messageTs } : {}), text: ':warning: The bot could not take this file as a batch (an error on its side). Share it again in a moment.' })
      .catch(() => undefined);
  }
}

async function submitClaimed(deps: BotDeps, client: WebClient, shared: SharedFile): Promise<void> {
  const info = await client.files.info({ file: shared.fileId });
  const file = info.file as (SlackFileInfo & { shares?: Shares }) | undefined;
  if (!file) return;
  const threadTs = shared.messageTs ?? shareTs(file.shares, shared.channel);
  const reply = async (text: string) => {
    if (threadTs) await client.chat.postMessage({ channel: shared.channel, thread_ts: threadTs, text });
    else await client.chat.postMessage({ channel: shared.channel, text });
  };
  const refusal = refusalOf(file, deps.maxFileBytes);
  if (refusal) return reply(`:warning: ${refusal}`);
  const fetched = await fetchFile(file, { botToken: deps.botToken, allowedHosts: deps.fileHosts, maxBytes: deps.maxFileBytes });
  if (!fetched.ok) return reply(`:warning: ${fetched.reason}`);
  const { text } = decode(fetched.bytes);

  let planned;
  let planUnavailable: string | undefined;
  try {
    planned = await livePlan(deps.numbers, text, deps.settings);
  } catch (error) {
    planUnavailable = `The live numbers could not be read (${error instanceof Error ? error.message : String(error)}). Share the file again once ${deps.environment} answers.`;
    deps.log.warn('live plan failed', { file: shared.fileId, reason: error instanceof Error ? error.name : 'unknown' });
  }
  const root = threadTs ?? (await client.chat.postMessage({ channel: shared.channel, text: `Batch ${file.name}, shared by <@${shared.user}>` })).ts;
  if (!root) return;
  const { batch } = await deps.store.createBatch(
    {
      fileId: shared.fileId,
      fileName: file.name,
      channel: shared.channel,
      threadTs: root,
      submitter: shared.user,
      environment: deps.environment,
      csv: text,
      groups: planned?.plan.groups ?? [],
      planDigest: planned ? planJson(planned.plan) : null,
      expiresAt: new Date(deps.now().getTime() + deps.batchTtlMs),
    },
    shared.user,
  );
  const summary = summaryMessage(summaryInput(deps, batch, planned?.plan, planUnavailable));
  const summaryTs = await postInThread(client, batch.channel, batch.threadTs, summary);
  if (summaryTs) await deps.store.update(batch.id, { summaryTs });
  const issues = (planned?.validation ?? validate(text, deps.settings)).issues.filter((issue) => issue.severity !== 'info');
  if (issues.some((issue) => issue.severity === 'error')) {
    const name = `${file.name.replace(/\.csv$/i, '')}.issues.csv`;
    await attachCsv(client, batch.channel, batch.threadTs, name, annotatedCsv(text, issues), 'Every issue, row by row, in the last column.');
  }
  deps.log.info('batch submitted', { batch: batch.id, file: shared.fileId, rows: planned?.plan.rows.length ?? null, errors: issues.filter((issue) => issue.severity === 'error').length });
}

/** Where `files.info` says a file was shared: `{ public|private: { [channel]: [{ ts }] } }`. */
type Shares = Partial<Record<'public' | 'private', Record<string, { ts?: string }[]>>>;

function shareTs(shares: Shares | undefined, channel: string): string | undefined {
  return shares?.public?.[channel]?.[0]?.ts ?? shares?.private?.[channel]?.[0]?.ts;
}
