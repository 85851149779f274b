import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { FAKE_WORKSPACE } from './defaults.js';
import { Journal } from './journal.js';
import { APP_METHODS, isAppToken, METHODS, type Answer } from './methods.js';
import { createSocketModeEndpoint, type FakeSocketMode } from './fake-socket-mode.js';
import type { CallArgs, CompletedUpload, EphemeralMessage, FileDownload, InjectedFailure, PostedMessage, PostedResponse, RecordedCall, SlackFile } from './types.js';
import { decodeApiRequest, readBody, sendJson, sendText, uploadedBytes } from './wire.js';
import { Workspace, type AddFileInput } from './workspace.js';

export type { AddFileInput } from './workspace.js';
export type * from './types.js';
export type * from './fake-socket-mode.js';

export interface FakeSlackOptions {
  botToken?: string;
  teamId?: string;
  botUserId?: string;
  botId?: string;
  /** Usergroup id → member user ids, for `usergroups.users.list`. */
  usergroups?: Record<string, string[]>;
}

export interface FakeSlack {
  /** What the WebClient's `slackApiUrl` (Bolt's `clientOptions.slackApiUrl`) takes: `http://127.0.0.1:PORT/api/`. */
  readonly apiUrl: string;
  readonly origin: string;
  readonly botToken: string;
  readonly teamId: string;
  readonly botUserId: string;
  readonly botId: string;
  /**
   * Socket Mode: `apps.connections.open` (with an `xapp-` token) hands out a `ws://` URL on this port, and each
   * connection the app opens there is driven from here: `hello`, envelopes, acks, `disconnect`, pings.
   */
  readonly socketMode: FakeSocketMode;
  /** Registers a file as if a user had uploaded it; downloadable from its `url_private(_download)` with the bot token. */
  addFile(file: AddFileInput): SlackFile;
  /** Web API calls in arrival order, optionally of one method. */
  calls(method?: string): RecordedCall[];
  /** Resolves with the first call of `method` matching `predicate`, already recorded or still to come. */
  waitFor(method: string, predicate?: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  /** Uploads that completed (`files.completeUploadExternal`), with their bytes. */
  uploads(): CompletedUpload[];
  /** The bot's messages in `channel`, in order, `chat.update`s applied; uploads shared there appear with `files`. */
  messages(channel: string): PostedMessage[];
  /** The replies in the thread of `threadTs` (not the parent itself). */
  thread(channel: string, threadTs: string): PostedMessage[];
  ephemerals(channel?: string): EphemeralMessage[];
  /** A fresh `response_url` served by the fake, to put in a slash command or an action. */
  responseUrl(id?: string): string;
  /** What the bot POSTed to response URLs, optionally to one of them. */
  responses(id?: string): PostedResponse[];
  waitForResponse(predicate?: (response: PostedResponse) => boolean, timeoutMs?: number): Promise<PostedResponse>;
  downloads(fileId?: string): FileDownload[];
  /** The next call of `method` fails this way (once per `failNext`; several queue up). */
  failNext(method: string, failure: InjectedFailure): void;
  /** Forgets calls, messages, files, uploads, responses and queued failures; keeps the port and the identity. */
  reset(): void;
  close(): Promise<void>;
}

/** Slack allows five uses of a response_url. */
const RESPONSE_URL_USES = 5;

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const ws = new Workspace({
    origin,
    botToken: options.botToken ?? FAKE_WORKSPACE.botToken,
    teamId: options.teamId ?? FAKE_WORKSPACE.teamId,
    teamDomain: FAKE_WORKSPACE.teamDomain,
    botUserId: options.botUserId ?? FAKE_WORKSPACE.botUserId,
    botId: options.botId ?? FAKE_WORKSPACE.botId,
    apiAppId: FAKE_WORKSPACE.apiAppId,
    usergroups: options.usergroups ?? {},
  });
  const calls = new Journal<RecordedCall>();
  const responses = new Journal<PostedResponse>();
  const downloads: FileDownload[] = [];
  const failures = new Map<string, InjectedFailure[]>();
  let responseCounter = 0;
  const socketMode = createSocketModeEndpoint({ origin, appId: ws.config.apiAppId });

  const record = (method: string, args: CallArgs, token: string | undefined, error: string | undefined): void =>
    calls.add({ method, args, token, error, at: Date.now() });

  async function api(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    const raw = await readBody(req);
    const { args, token } = await decodeApiRequest(req, raw);
    const failure = failures.get(method)?.shift();
    if (failure !== undefined && 'httpStatus' in failure) {
      record(method, args, token, `http_${failure.httpStatus}`);
      const headers: Record<string, string> = failure.retryAfterSec === undefined ? {} : { 'retry-after': String(failure.retryAfterSec) };
      sendJson(res, { ok: false, error: failure.httpStatus === 429 ? 'ratelimited' : 'fatal_error' }, failure.httpStatus, headers);
      return;
    }
    const appMethod = APP_METHODS[method];
    const answer: Answer =
      token === undefined ? { ok: false, error: 'not_authed' }
      : appMethod !== undefined ? (!isAppToken(token) ? { ok: false, error: 'invalid_auth' } : failure !== undefined ? { ok: false, error: failure.error } : appMethod(args, { token, socketMode }))
      : token !== ws.config.botToken ? { ok: false, error: 'invalid_auth' }
      : failure !== undefined ? { ok: false, error: failure.error }
      : (METHODS[method]?.(args, ws) ?? { ok: false, error: 'unknown_method', req_method: method });
    record(method, args, token, answer.ok ? undefined : answer.error);
    sendJson(res, answer);
  }

  async function upload(req: IncomingMessage, res: ServerResponse, fileId: string): Promise<void> {
    const raw = await readBody(req);
    const bytes = await uploadedBytes(req, raw);
    const pending = ws.pendingUploads.get(fileId);
    record('upload_url', { file_id: fileId, length: bytes.byteLength }, undefined, pending === undefined ? 'unknown_upload' : undefined);
    if (pending === undefined) return sendText(res, 404, 'Not Found');
    pending.bytes = bytes;
    sendText(res, 200, `OK - ${bytes.byteLength}`);
  }

  async function download(req: IncomingMessage, res: ServerResponse, fileId: string): Promise<void> {
    const file = ws.files.get(fileId);
    if (file === undefined) return sendText(res, 404, 'Not Found');
    const authorized = req.headers.authorization === `Bearer ${ws.config.botToken}`;
    downloads.push({ fileId, authorized, at: Date.now() });
    if (file.download.delayMs > 0) await sleep(file.download.delayMs);
    // Slack does not say 401: a request without the token gets its sign-in page, status 200 (SLACK.md).
    if (!authorized) return sendText(res, 200, LOGIN_PAGE, 'text/html; charset=utf-8');
    if (file.download.status !== undefined) return sendText(res, file.download.status, 'Internal Server Error');
    res.writeHead(200, { 'content-type': file.info.mimetype, 'content-length': file.bytes.byteLength });
    res.end(file.bytes);
  }

  async function respond(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const raw = await readBody(req);
    let body: CallArgs = {};
    try {
      const parsed: unknown = JSON.parse(raw.toString('utf8'));
      if (typeof parsed === 'object' && parsed !== null) body = parsed as CallArgs;
    } catch {
      return sendText(res, 400, 'invalid_payload');
    }
    const accepted = responses.all().filter((r) => r.id === id && r.accepted).length < RESPONSE_URL_USES;
    responses.add({ id, body, accepted, at: Date.now() });
    if (!accepted) return sendText(res, 404, 'used_url');
    sendJson(res, { ok: true });
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', origin).pathname;
    const route = routeOf(req.method ?? 'GET', path);
    const handled =
      route?.kind === 'api' ? api(req, res, route.key)
      : route?.kind === 'upload' ? upload(req, res, route.key)
      : route?.kind === 'download' ? download(req, res, route.key)
      : route?.kind === 'response' ? respond(req, res, route.key)
      : Promise.resolve(sendText(res, 404, 'Not Found'));
    handled.catch((error: unknown) => {
      // A bug in the fake must show in the test, not hang it: answer 500 and say why.
      if (!res.headersSent) sendText(res, 500, `fake Slack failed: ${String(error)}`);
    });
  });

  // Only Socket Mode upgrades; without this listener Node drops every upgrade request, as before.
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => socketMode.upgrade(req, socket, head));

  const describeCalls = (): string =>
    calls.all().map((c) => `${c.method}${c.error === undefined ? '' : ` (${c.error})`}`).join(', ') || 'nothing';

  return {
    apiUrl: `${origin}/api/`,
    origin,
    botToken: ws.config.botToken,
    teamId: ws.config.teamId,
    botUserId: ws.config.botUserId,
    botId: ws.config.botId,
    socketMode,
    addFile: (file) => ws.addFile(file),
    calls: (method) => calls.all().filter((c) => method === undefined || c.method === method),
    waitFor: (method, predicate, timeoutMs = 5000) =>
      calls.waitFor(
        (c) => c.method === method && (predicate?.(c) ?? true),
        timeoutMs,
        () => `fake Slack: no ${method} call${predicate === undefined ? '' : ' matching the predicate'} within ${timeoutMs} ms; calls were: ${describeCalls()}`,
      ),
    uploads: () => [...ws.uploads],
    messages: (channel) => ws.messages.filter((m) => m.channel === channel).map((m) => structuredClone(m)),
    thread: (channel, threadTs) =>
      ws.messages.filter((m) => m.channel === channel && m.thread_ts === threadTs && m.ts !== threadTs).map((m) => structuredClone(m)),
    ephemerals: (channel) => ws.ephemerals.filter((m) => channel === undefined || m.channel === channel),
    responseUrl: (id) => `${origin}/response/${encodeURIComponent(id ?? `R${++responseCounter}`)}`,
    responses: (id) => responses.all().filter((r) => id === undefined || r.id === id),
    waitForResponse: (predicate = () => true, timeoutMs = 5000) =>
      responses.waitFor(predicate, timeoutMs, () => `fake Slack: no matching response_url POST within ${timeoutMs} ms; got ${responses.all().length}`),
    downloads: (fileId) => downloads.filter((d) => fileId === undefined || d.fileId === fileId),
    failNext: (method, failure) => failures.set(method, [...(failures.get(method) ?? []), failure]),
    reset: () => {
      calls.clear();
      responses.clear();
      downloads.length = 0;
      failures.clear();
      ws.clear();
      socketMode.reset();
    },
    close: async () => {
      calls.cancelWaiters('fake Slack closed');
      responses.cancelWaiters('fake Slack closed');
      await socketMode.close(); // upgraded sockets are no longer the HTTP server's to close
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

type Route = { kind: 'api' | 'upload' | 'download' | 'response'; key: string };

function routeOf(method: string, path: string): Route | undefined {
  const parts = path.split('/').filter((p) => p !== '').map(decodeURIComponent);
  const [first, second, third] = parts;
  if (method === 'POST' && first === 'api' && second !== undefined && parts.length === 2) return { kind: 'api', key: second };
  if (method === 'POST' && first === 'upload' && second === 'v1' && third !== undefined) return { kind: 'upload', key: third };
  if (method === 'POST' && first === 'response' && second !== undefined) return { kind: 'response', key: second };
  // url_private is /files/<id>/<name>, url_private_download is /files/<id>/download/<name>
  if (method === 'GET' && first === 'files' && second !== undefined && parts.length >= 3) return { kind: 'download', key: second };
  return undefined;
}

const LOGIN_PAGE = `<!DOCTYPE html>
<html lang="en-US"><head><meta charset="utf-8"><title>Slack</title></head>
<body><h1>Sign in to your workspace</h1><form action="/signin" method="post"><input name="email"></form></body></html>
`;
