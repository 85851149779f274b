import type { types, webApi } from '@slack/bolt';

type KnownBlock = types.KnownBlock;

export type WebClient = webApi.WebClient;

/** A message as the blocks build it: blocks, and the text notifications and screen readers show. */
export interface Message {
  text: string;
  blocks: KnownBlock[];
}

/** Posts in a thread; returns the new message's ts. */
export async function postInThread(client: WebClient, channel: string, threadTs: string, message: Message): Promise<string | undefined> {
  const posted = await client.chat.postMessage({ channel, thread_ts: threadTs, text: message.text, blocks: message.blocks });
  return posted.ts;
}

export async function updateMessage(client: WebClient, channel: string, ts: string, message: Message): Promise<void> {
  await client.chat.update({ channel, ts, text: message.text, blocks: message.blocks });
}

/** Seen only by `user`: why a click was refused is theirs to know, not the channel's. */
export async function tellUser(client: WebClient, channel: string, user: string, text: string, threadTs?: string): Promise<void> {
  await client.chat.postEphemeral({ channel, user, text, ...(threadTs ? { thread_ts: threadTs } : {}) });
}

/** A CSV attached in the thread (files.uploadV2: files.upload is gone). */
export async function attachCsv(client: WebClient, channel: string, threadTs: string, filename: string, content: string, comment: string): Promise<void> {
  await client.files.uploadV2({ channel_id: channel, thread_ts: threadTs, filename, title: filename, content, initial_comment: comment });
}
