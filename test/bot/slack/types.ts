/** What the fake records and answers: the shapes tests assert on. */

/** Decoded arguments of one Web API call: form fields stay strings (that is the wire), JSON fields are parsed. */
export type CallArgs = Readonly<Record<string, unknown>>;

export interface RecordedCall {
  /** `chat.postMessage`, …; the bytes posted to an upload URL are recorded as `upload_url`. */
  method: string;
  args: CallArgs;
  /** The token the call carried (Authorization header, or the `token` form field). */
  token: string | undefined;
  /** The `error` the fake answered with, if it refused the call. */
  error: string | undefined;
  /** Epoch milliseconds. */
  at: number;
}

/** A file as `files.info` returns it (the fields a bot reads; Slack sends many more). */
export type SlackFile = {
  id: string;
  created: number;
  timestamp: number;
  name: string;
  title: string;
  mimetype: string;
  filetype: string;
  pretty_type: string;
  user: string;
  user_team: string;
  editable: boolean;
  size: number;
  mode: 'hosted';
  is_external: boolean;
  external_type: string;
  is_public: boolean;
  public_url_shared: boolean;
  display_as_bot: boolean;
  username: string;
  url_private: string;
  url_private_download: string;
  permalink: string;
  channels: string[];
  groups: string[];
  ims: string[];
  comments_count: number;
};

/** A message the bot posted, with later `chat.update`s applied. */
export interface PostedMessage {
  channel: string;
  ts: string;
  thread_ts: string | undefined;
  text: string;
  blocks: unknown[] | undefined;
  user: string;
  /** Ids of files shared with this message (an upload completed into the channel). */
  files: string[];
  /** How many times `chat.update` changed it. */
  edits: number;
}

export interface EphemeralMessage {
  channel: string;
  user: string;
  message_ts: string;
  thread_ts: string | undefined;
  text: string;
  blocks: unknown[] | undefined;
}

/** A `files.uploadV2` that went all the way: URL asked, bytes posted, upload completed. */
export interface CompletedUpload {
  file_id: string;
  filename: string;
  title: string | undefined;
  /** The bytes as UTF-8 text; `bytes` has them raw. */
  content: string;
  bytes: Uint8Array;
  channel_id: string | undefined;
  thread_ts: string | undefined;
  initial_comment: string | undefined;
}

/** What the bot POSTed to a `response_url`. */
export interface PostedResponse {
  id: string;
  body: CallArgs;
  /** False when the URL had already been used five times and the fake refused it, as Slack does. */
  accepted: boolean;
  at: number;
}

export interface FileDownload {
  fileId: string;
  /** Whether the request carried the bot token (else it got the login page). */
  authorized: boolean;
  at: number;
}

/** A refusal to serve on the next call of a method. */
export type InjectedFailure =
  | { error: string }
  /** An HTTP status instead of a JSON answer; with 429, `retryAfterSec` becomes `Retry-After`. */
  | { httpStatus: number; retryAfterSec?: number };
