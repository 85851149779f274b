import type { CompletedUpload, EphemeralMessage, PostedMessage, SlackFile } from './types.js';

export interface WorkspaceConfig {
  origin: string;
  botToken: string;
  teamId: string;
  teamDomain: string;
  botUserId: string;
  botId: string;
  apiAppId: string;
  usergroups: Record<string, string[]>;
}

export interface AddFileInput {
  id?: string;
  name: string;
  content: string | Uint8Array;
  title?: string;
  filetype?: string;
  mimetype?: string;
  /** Who shared it; default a user `U0SHARER01`. */
  user?: string;
  channel?: string;
  /** How the download behaves: a delay before answering, or an HTTP status instead of the bytes. */
  download?: { delayMs?: number; status?: number };
}

export interface StoredFile {
  info: SlackFile;
  bytes: Uint8Array;
  download: { delayMs: number; status: number | undefined };
}

interface PendingUpload {
  filename: string;
  length: number;
  bytes: Uint8Array | undefined;
}

const KNOWN_TYPES: Record<string, { filetype: string; mimetype: string; pretty: string }> = {
  csv: { filetype: 'csv', mimetype: 'text/csv', pretty: 'CSV' },
  txt: { filetype: 'text', mimetype: 'text/plain', pretty: 'Plain Text' },
  json: { filetype: 'json', mimetype: 'application/json', pretty: 'JSON' },
  md: { filetype: 'markdown', mimetype: 'text/markdown', pretty: 'Markdown (raw)' },
  yaml: { filetype: 'yaml', mimetype: 'text/yaml', pretty: 'YAML' },
  xlsx: { filetype: 'xlsx', mimetype: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', pretty: 'Excel Spreadsheet' },
};

function typeOf(name: string): { filetype: string; mimetype: string; pretty: string } {
  const extension = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  return KNOWN_TYPES[extension] ?? { filetype: extension || 'binary', mimetype: 'application/octet-stream', pretty: extension.toUpperCase() || 'Binary' };
}

/** The state behind the fake's answers: files, messages, uploads in flight. Plain data, no HTTP. */
export class Workspace {
  readonly files = new Map<string, StoredFile>();
  readonly messages: PostedMessage[] = [];
  readonly ephemerals: EphemeralMessage[] = [];
  readonly uploads: CompletedUpload[] = [];
  readonly pendingUploads = new Map<string, PendingUpload>();
  #counter = 0;
  #lastTsMicros = 0;

  constructor(readonly config: WorkspaceConfig) {}

  /** Slack-looking ids: a type letter then upper-case alphanumerics (`F…` files, `V…` views). */
  nextId(prefix: string): string {
    this.#counter += 1;
    return `${prefix}0${this.#counter.toString(36).toUpperCase().padStart(8, '0')}`;
  }

  /** Message timestamps are `seconds.micros` and unique per channel; here unique and increasing everywhere. */
  nextTs(): string {
    this.#lastTsMicros = Math.max(Date.now() * 1000, this.#lastTsMicros + 1);
    const micros = this.#lastTsMicros;
    return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
  }

  addFile(input: AddFileInput): SlackFile {
    const id = input.id ?? this.nextId('F');
    const bytes = typeof input.content === 'string' ? new TextEncoder().encode(input.content) : input.content;
    const known = typeOf(input.name);
    const now = Math.floor(Date.now() / 1000);
    const path = `${this.config.origin}/files/${id}`;
    const name = encodeURIComponent(input.name);
    const info: SlackFile = {
      id,
      created: now,
      timestamp: now,
      name: input.name,
      title: input.title ?? input.name,
      mimetype: input.mimetype ?? known.mimetype,
      filetype: input.filetype ?? known.filetype,
      pretty_type: known.pretty,
      user: input.user ?? 'U0SHARER01',
      user_team: this.config.teamId,
      editable: false,
      size: bytes.byteLength,
      mode: 'hosted',
      is_external: false,
      external_type: '',
      is_public: input.channel?.startsWith('C') ?? false,
      public_url_shared: false,
      display_as_bot: false,
      username: '',
      url_private: `${path}/${name}`,
      url_private_download: `${path}/download/${name}`,
      permalink: `https://${this.config.teamDomain}.slack.com/files/${input.user ?? 'U0SHARER01'}/${id}/${name}`,
      channels: input.channel?.startsWith('C') ? [input.channel] : [],
      groups: input.channel?.startsWith('G') ? [input.channel] : [],
      ims: input.channel?.startsWith('D') ? [input.channel] : [],
      comments_count: 0,
    };
    this.files.set(id, {
      info,
      bytes,
      download: { delayMs: input.download?.delayMs ?? 0, status: input.download?.status },
    });
    return structuredClone(info);
  }

  message(channel: string, ts: string): PostedMessage | undefined {
    return this.messages.find((m) => m.channel === channel && m.ts === ts);
  }

  clear(): void {
    this.files.clear();
    this.messages.length = 0;
    this.ephemerals.length = 0;
    this.uploads.length = 0;
    this.pendingUploads.clear();
  }
}
