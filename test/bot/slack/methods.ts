import { blockProblems, MAX_MESSAGE_BLOCKS, MAX_MESSAGE_TEXT, MAX_VIEW_BLOCKS } from './limits.js';
import type { CallArgs, CompletedUpload, PostedMessage } from './types.js';
import type { Workspace } from './workspace.js';

/** A Web API answer: `{ ok: true, … }` or `{ ok: false, error, … }`, always with HTTP 200. */
export type Answer = { ok: boolean; error?: string } & Record<string, unknown>;
type Handler = (args: CallArgs, ws: Workspace) => Answer;

const fail = (error: string, extra: Record<string, unknown> = {}): Answer => ({ ok: false, error, ...extra });

function str(args: CallArgs, key: string): string | undefined {
  const value = args[key];
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function blocksOf(args: CallArgs): unknown[] | undefined {
  return Array.isArray(args.blocks) ? (args.blocks as unknown[]) : undefined;
}

/** Refuses blocks Slack would refuse; the problems go where Slack puts them. */
function invalidBlocks(args: CallArgs, max: number): Answer | undefined {
  if (args.blocks === undefined) return undefined;
  const problems = blockProblems(args.blocks, max);
  return problems.length === 0 ? undefined : fail('invalid_blocks', { errors: problems, response_metadata: { messages: problems.map((p) => `[ERROR] ${p}`) } });
}

function messageJson(ws: Workspace, message: PostedMessage): Record<string, unknown> {
  return {
    type: 'message',
    user: message.user,
    bot_id: ws.config.botId,
    app_id: ws.config.apiAppId,
    team: ws.config.teamId,
    text: message.text,
    ts: message.ts,
    ...(message.thread_ts === undefined ? {} : { thread_ts: message.thread_ts }),
    ...(message.blocks === undefined ? {} : { blocks: message.blocks }),
    ...(message.files.length === 0 ? {} : { files: message.files.map((id) => ws.files.get(id)?.info ?? { id }) }),
  };
}

const postMessage: Handler = (args, ws) => {
  const channel = str(args, 'channel');
  if (channel === undefined) return fail('channel_not_found');
  const text = str(args, 'text');
  if (text === undefined && args.blocks === undefined && args.attachments === undefined) return fail('no_text');
  const refused = invalidBlocks(args, MAX_MESSAGE_BLOCKS);
  if (refused !== undefined) return refused;
  const message: PostedMessage = {
    channel,
    ts: ws.nextTs(),
    thread_ts: str(args, 'thread_ts'),
    text: (text ?? '').slice(0, MAX_MESSAGE_TEXT),
    blocks: blocksOf(args),
    user: ws.config.botUserId,
    files: [],
    edits: 0,
  };
  ws.messages.push(message);
  return { ok: true, channel, ts: message.ts, message: messageJson(ws, message) };
};

const update: Handler = (args, ws) => {
  const channel = str(args, 'channel');
  const ts = str(args, 'ts');
  if (channel === undefined) return fail('channel_not_found');
  const message = ts === undefined ? undefined : ws.message(channel, ts);
  if (message === undefined) return fail('message_not_found');
  if (message.user !== ws.config.botUserId) return fail('cant_update_message');
  const refused = invalidBlocks(args, MAX_MESSAGE_BLOCKS);
  if (refused !== undefined) return refused;
  const text = str(args, 'text');
  if (text !== undefined) message.text = text.slice(0, MAX_MESSAGE_TEXT);
  if (args.blocks !== undefined) message.blocks = blocksOf(args);
  message.edits += 1;
  return { ok: true, channel, ts: message.ts, text: message.text, message: messageJson(ws, message) };
};

const postEphemeral: Handler = (args, ws) => {
  const channel = str(args, 'channel');
  const user = str(args, 'user');
  if (channel === undefined) return fail('channel_not_found');
  if (user === undefined) return fail('user_not_in_channel');
  const text = str(args, 'text');
  if (text === undefined && args.blocks === undefined && args.attachments === undefined) return fail('no_text');
  const refused = invalidBlocks(args, MAX_MESSAGE_BLOCKS);
  if (refused !== undefined) return refused;
  const messageTs = ws.nextTs();
  ws.ephemerals.push({ channel, user, message_ts: messageTs, thread_ts: str(args, 'thread_ts'), text: text ?? '', blocks: blocksOf(args) });
  return { ok: true, message_ts: messageTs };
};

const filesInfo: Handler = (args, ws) => {
  const file = ws.files.get(str(args, 'file') ?? '');
  if (file === undefined) return fail('file_not_found');
  return { ok: true, file: structuredClone(file.info), comments: [], response_metadata: { next_cursor: '' } };
};

const getUploadUrl: Handler = (args, ws) => {
  const filename = str(args, 'filename');
  const length = Number(str(args, 'length'));
  if (filename === undefined || !Number.isInteger(length) || length < 0) return fail('invalid_arguments');
  const fileId = ws.nextId('F');
  ws.pendingUploads.set(fileId, { filename, length, bytes: undefined });
  return { ok: true, upload_url: `${ws.config.origin}/upload/v1/${fileId}`, file_id: fileId };
};

const completeUpload: Handler = (args, ws) => {
  const files = args.files;
  if (!Array.isArray(files) || files.length === 0) return fail('invalid_arguments');
  // `channels` is the legacy comma-separated form; the WebClient sends `channel_id`.
  const channel = str(args, 'channel_id') ?? str(args, 'channels')?.split(',')[0];
  const threadTs = channel === undefined ? undefined : str(args, 'thread_ts');
  const comment = str(args, 'initial_comment');
  const wanted: { id: string; title: string | undefined }[] = [];
  for (const entry of files as unknown[]) {
    if (typeof entry !== 'object' || entry === null || !('id' in entry) || typeof entry.id !== 'string') return fail('invalid_arguments');
    const title = 'title' in entry && typeof entry.title === 'string' ? entry.title : undefined;
    // Slack knows only files whose URL it handed out and whose bytes it then received.
    if (ws.pendingUploads.get(entry.id)?.bytes === undefined) return fail('file_not_found');
    wanted.push({ id: entry.id, title });
  }
  const shared = wanted.map(({ id, title }) => {
    const pending = ws.pendingUploads.get(id);
    if (pending?.bytes === undefined) throw new Error('checked above');
    ws.pendingUploads.delete(id);
    const upload: CompletedUpload = {
      file_id: id,
      filename: pending.filename,
      title,
      content: new TextDecoder().decode(pending.bytes),
      bytes: pending.bytes,
      channel_id: channel,
      thread_ts: threadTs,
      initial_comment: comment,
    };
    ws.uploads.push(upload);
    return ws.addFile({ id, name: pending.filename, title, content: pending.bytes, user: ws.config.botUserId, channel });
  });
  if (channel !== undefined) {
    // Sharing into a channel posts a message carrying the files; with initial_comment, Slack ignores blocks.
    ws.messages.push({
      channel,
      ts: ws.nextTs(),
      thread_ts: threadTs,
      text: comment ?? '',
      blocks: comment === undefined ? blocksOf(args) : undefined,
      user: ws.config.botUserId,
      files: shared.map((f) => f.id),
      edits: 0,
    });
  }
  return { ok: true, files: shared };
};

const usergroupUsers: Handler = (args, ws) => {
  const users = ws.config.usergroups[str(args, 'usergroup') ?? ''];
  return users === undefined ? fail('no_such_subteam') : { ok: true, users: [...users] };
};

const viewsOpen: Handler = (args, ws) => {
  const view = args.view;
  if (str(args, 'trigger_id') === undefined) return fail('invalid_arguments');
  if (typeof view !== 'object' || view === null || Array.isArray(view)) return fail('invalid_arguments');
  const blocks = 'blocks' in view ? view.blocks : [];
  const problems = blockProblems(blocks, MAX_VIEW_BLOCKS);
  if (problems.length > 0) return fail('invalid_blocks', { errors: problems, response_metadata: { messages: problems.map((p) => `[ERROR] ${p}`) } });
  const id = ws.nextId('V');
  return {
    ok: true,
    view: {
      id,
      team_id: ws.config.teamId,
      app_id: ws.config.apiAppId,
      bot_id: ws.config.botId,
      root_view_id: id,
      previous_view_id: null,
      hash: `${Date.now()}.fakehash`,
      state: { values: {} },
      private_metadata: '',
      callback_id: '',
      external_id: '',
      ...view,
    },
  };
};

const usersInfo: Handler = (args, ws) => {
  const id = str(args, 'user');
  if (id === undefined || !/^[UW][A-Z0-9]+$/.test(id)) return fail('user_not_found');
  const name = id === ws.config.botUserId ? 'numbers-csv-bot' : `user-${id.toLowerCase()}`;
  return {
    ok: true,
    user: {
      id,
      team_id: ws.config.teamId,
      name,
      real_name: name,
      deleted: false,
      is_bot: id === ws.config.botUserId,
      tz: 'Europe/Paris',
      profile: { real_name: name, display_name: name },
    },
  };
};

const authTest: Handler = (_args, ws) => ({
  ok: true,
  url: `https://${ws.config.teamDomain}.slack.com/`,
  team: 'Fake Workspace',
  user: 'numbers-csv-bot',
  team_id: ws.config.teamId,
  user_id: ws.config.botUserId,
  bot_id: ws.config.botId,
  is_enterprise_install: false,
});

export const METHODS: Readonly<Record<string, Handler>> = {
  'auth.test': authTest,
  'chat.postMessage': postMessage,
  'chat.update': update,
  'chat.postEphemeral': postEphemeral,
  'files.info': filesInfo,
  'files.getUploadURLExternal': getUploadUrl,
  'files.completeUploadExternal': completeUpload,
  'usergroups.users.list': usergroupUsers,
  'views.open': viewsOpen,
  'users.info': usersInfo,
};

/** What a method called with the app-level token sees: that token, and the Socket Mode endpoint. */
export interface AppCall {
  token: string;
  socketMode: { issueUrl(appToken: string): string };
}
type AppHandler = (args: CallArgs, call: AppCall) => Answer;

/** An app-level token, as Slack issues them (Basic Information → App-Level Tokens). */
export const isAppToken = (token: string): boolean => token.startsWith('xapp-');

/** `apps.connections.open`: a fresh WebSocket URL for Socket Mode (fake-socket-mode.ts serves it). */
const connectionsOpen: AppHandler = (_args, call) => ({ ok: true, url: call.socketMode.issueUrl(call.token) });

/** Methods that take the app-level token (`xapp-…`) rather than the bot token. */
export const APP_METHODS: Readonly<Record<string, AppHandler>> = {
  'apps.connections.open': connectionsOpen,
};
