import { randomBytes } from 'node:crypto';
import { FAKE_WORKSPACE } from './defaults.js';
import type { SlackFile } from './types.js';

/**
 * What Slack sends, shaped as its documentation shows (Events API envelopes, `block_actions` and `view_submission`
 * payloads, slash command forms). Defaults name the fake workspace of defaults.ts.
 */

export type SlackEvent = { type: string; [key: string]: unknown };

export type EventEnvelope = {
  token: string;
  team_id: string;
  api_app_id: string;
  event: SlackEvent;
  type: 'event_callback';
  event_id: string;
  event_time: number;
  authorizations: { enterprise_id: null; team_id: string; user_id: string; is_bot: true; is_enterprise_install: false }[];
  is_ext_shared_channel: boolean;
  event_context: string;
};

export interface EnvelopeOptions {
  /** Keep it to redeliver the same event (Slack retries with the same `event_id`). */
  eventId?: string;
  teamId?: string;
  apiAppId?: string;
  botUserId?: string;
  /** Epoch seconds; default now. */
  eventTime?: number;
}

const upperId = (length: number): string => randomBytes(length).toString('hex').toUpperCase().slice(0, length);

/** A fresh id as Slack writes them: `Ev…` for events. */
export const newEventId = (): string => `Ev0${upperId(9)}`;
/** A trigger id as Slack writes them (`digits.digits.hex`). */
export const newTriggerId = (): string => `${Date.now()}.${Math.floor(Math.random() * 1e10)}.${randomBytes(16).toString('hex')}`;
/** A message `ts` (`seconds.micros`) for now, unique enough for tests. */
export const newTs = (): string => {
  const micros = Date.now() * 1000 + Math.floor(Math.random() * 1000);
  return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
};

export function eventEnvelope(event: SlackEvent, options: EnvelopeOptions = {}): EventEnvelope {
  const teamId = options.teamId ?? FAKE_WORKSPACE.teamId;
  return {
    token: 'legacy-verification-token',
    team_id: teamId,
    api_app_id: options.apiAppId ?? FAKE_WORKSPACE.apiAppId,
    event,
    type: 'event_callback',
    event_id: options.eventId ?? newEventId(),
    event_time: options.eventTime ?? Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: teamId, user_id: options.botUserId ?? FAKE_WORKSPACE.botUserId, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: `4-${randomBytes(12).toString('base64url')}`,
  };
}

export function messageEvent(m: { text: string; user: string; channel: string; ts?: string; threadTs?: string; channelType?: string }): SlackEvent {
  const ts = m.ts ?? newTs();
  return {
    type: 'message',
    client_msg_id: randomBytes(16).toString('hex'),
    text: m.text,
    user: m.user,
    ts,
    ...(m.threadTs === undefined ? {} : { thread_ts: m.threadTs }),
    team: FAKE_WORKSPACE.teamId,
    channel: m.channel,
    event_ts: ts,
    channel_type: m.channelType ?? 'channel',
  };
}

/** `file_shared`: only ids; the bot must call `files.info` to learn more. */
export function fileSharedEvent(f: { fileId: string; user: string; channel: string; eventTs?: string }): SlackEvent {
  return {
    type: 'file_shared',
    channel_id: f.channel,
    file_id: f.fileId,
    user_id: f.user,
    file: { id: f.fileId },
    event_ts: f.eventTs ?? newTs(),
  };
}

/** The `message` event of the same share, subtype `file_share`, with the files themselves in `files`. */
export function fileShareMessageEvent(f: { file: SlackFile; user: string; channel: string; ts?: string; text?: string; threadTs?: string }): SlackEvent {
  const ts = f.ts ?? newTs();
  return {
    type: 'message',
    subtype: 'file_share',
    text: f.text ?? '',
    files: [f.file],
    upload: false,
    user: f.user,
    display_as_bot: false,
    ts,
    ...(f.threadTs === undefined ? {} : { thread_ts: f.threadTs }),
    channel: f.channel,
    event_ts: ts,
    channel_type: f.channel.startsWith('D') ? 'im' : 'channel',
  };
}

export type BlockActionPayload = {
  type: 'block_actions';
  user: { id: string; username: string; name: string; team_id: string };
  api_app_id: string;
  token: string;
  container: { type: 'message'; message_ts: string; channel_id: string; is_ephemeral: boolean; thread_ts?: string };
  trigger_id: string;
  team: { id: string; domain: string };
  enterprise: null;
  is_enterprise_install: false;
  channel: { id: string; name: string };
  message: { type: 'message'; ts: string; thread_ts?: string; text: string; user: string; bot_id: string; blocks: unknown[] };
  state: { values: Record<string, unknown> };
  response_url: string;
  actions: { type: 'button'; action_id: string; block_id: string; text: { type: 'plain_text'; text: string; emoji: boolean }; value: string; action_ts: string }[];
};

export interface BlockActionInput {
  actionId: string;
  value: string;
  /** The user who clicked. */
  user: string;
  channel: string;
  /** The message holding the button. */
  messageTs: string;
  threadTs?: string;
  triggerId?: string;
  blockId?: string;
  /** Where `respond()` posts; use `fake.responseUrl()`. Default: a loopback port nothing listens on. */
  responseUrl?: string;
  /** The blocks of the message that held the button, as Slack echoes them. */
  messageBlocks?: unknown[];
}

/** A button click. Slack shows a button's `confirm` dialog itself: the app sees only the final click. */
export function blockAction(a: BlockActionInput): BlockActionPayload {
  return {
    type: 'block_actions',
    user: { id: a.user, username: a.user.toLowerCase(), name: a.user.toLowerCase(), team_id: FAKE_WORKSPACE.teamId },
    api_app_id: FAKE_WORKSPACE.apiAppId,
    token: 'legacy-verification-token',
    container: {
      type: 'message',
      message_ts: a.messageTs,
      channel_id: a.channel,
      is_ephemeral: false,
      ...(a.threadTs === undefined ? {} : { thread_ts: a.threadTs }),
    },
    trigger_id: a.triggerId ?? newTriggerId(),
    team: { id: FAKE_WORKSPACE.teamId, domain: FAKE_WORKSPACE.teamDomain },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: a.channel, name: 'numbers' },
    message: {
      type: 'message',
      ts: a.messageTs,
      ...(a.threadTs === undefined ? {} : { thread_ts: a.threadTs }),
      text: '',
      user: FAKE_WORKSPACE.botUserId,
      bot_id: FAKE_WORKSPACE.botId,
      blocks: a.messageBlocks ?? [],
    },
    state: { values: {} },
    response_url: a.responseUrl ?? UNREACHABLE_RESPONSE_URL,
    actions: [
      {
        type: 'button',
        action_id: a.actionId,
        block_id: a.blockId ?? 'actions',
        text: { type: 'plain_text', text: a.actionId, emoji: true },
        value: a.value,
        action_ts: newTs(),
      },
    ],
  };
}

export type ViewSubmissionPayload = {
  type: 'view_submission';
  team: { id: string; domain: string };
  user: { id: string; username: string; name: string; team_id: string };
  api_app_id: string;
  token: string;
  trigger_id: string;
  view: {
    id: string;
    team_id: string;
    type: 'modal';
    callback_id: string;
    private_metadata: string;
    state: { values: Record<string, Record<string, unknown>> };
    hash: string;
    title: { type: 'plain_text'; text: string };
    blocks: unknown[];
    app_id: string;
    bot_id: string;
    root_view_id: string;
    previous_view_id: null;
    external_id: string;
    clear_on_close: boolean;
    notify_on_close: boolean;
  };
  response_urls: unknown[];
  is_enterprise_install: false;
  enterprise: null;
};

export interface ViewSubmissionInput {
  callbackId: string;
  user: string;
  /** `state.values`: block_id → action_id → `{ type, value }` (or `selected_option`, …) as Slack sends them. */
  values?: Record<string, Record<string, unknown>>;
  privateMetadata?: string;
  viewId?: string;
  blocks?: unknown[];
}

export function viewSubmission(v: ViewSubmissionInput): ViewSubmissionPayload {
  const viewId = v.viewId ?? `V0${upperId(9)}`;
  return {
    type: 'view_submission',
    team: { id: FAKE_WORKSPACE.teamId, domain: FAKE_WORKSPACE.teamDomain },
    user: { id: v.user, username: v.user.toLowerCase(), name: v.user.toLowerCase(), team_id: FAKE_WORKSPACE.teamId },
    api_app_id: FAKE_WORKSPACE.apiAppId,
    token: 'legacy-verification-token',
    trigger_id: newTriggerId(),
    view: {
      id: viewId,
      team_id: FAKE_WORKSPACE.teamId,
      type: 'modal',
      callback_id: v.callbackId,
      private_metadata: v.privateMetadata ?? '',
      state: { values: v.values ?? {} },
      hash: `${Math.floor(Date.now() / 1000)}.${upperId(8)}`,
      title: { type: 'plain_text', text: 'numbers-csv' },
      blocks: v.blocks ?? [],
      app_id: FAKE_WORKSPACE.apiAppId,
      bot_id: FAKE_WORKSPACE.botId,
      root_view_id: viewId,
      previous_view_id: null,
      external_id: '',
      clear_on_close: false,
      notify_on_close: false,
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

export interface SlashCommandInput {
  command: string;
  text: string;
  user_id: string;
  channel_id: string;
  /** Where delayed answers go: use `fake.responseUrl()` to capture them. */
  response_url: string;
  trigger_id?: string;
}

/** The form fields of a slash command, all strings as on the wire. */
export function slashCommand(c: SlashCommandInput): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: FAKE_WORKSPACE.teamId,
    team_domain: FAKE_WORKSPACE.teamDomain,
    channel_id: c.channel_id,
    channel_name: 'numbers',
    user_id: c.user_id,
    user_name: c.user_id.toLowerCase(),
    command: c.command,
    text: c.text,
    api_app_id: FAKE_WORKSPACE.apiAppId,
    is_enterprise_install: 'false',
    response_url: c.response_url,
    trigger_id: c.trigger_id ?? newTriggerId(),
  };
}

/** Port 9 (discard) on loopback: nothing listens, so a `respond()` nobody arranged for fails fast. */
const UNREACHABLE_RESPONSE_URL = 'http://127.0.0.1:9/response/unset';
