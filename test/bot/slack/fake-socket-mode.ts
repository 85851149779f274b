import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { Journal } from './journal.js';

/**
 * Slack's Socket Mode, server side, as @slack/socket-mode speaks it:
 * - `apps.connections.open` (see methods.ts) hands out `ws://127.0.0.1:PORT/link/?ticket=…&app_id=…` for an
 *   app-level token; each ticket opens one connection.
 * - The WebSocket handshake and frames are RFC 6455, written here (the SDK's client is undici's WebSocket; no
 *   extension is negotiated, so frames are plain). Client frames must be masked; text messages must be UTF-8.
 * - Client pings are answered with pongs (the SDK drops a connection whose pings go unanswered); the fake can
 *   ping too. A close frame is answered with one, then the fake ends the connection.
 * - Slack speaks first: `hello`, then envelopes `{ envelope_id, type, payload, accepts_response_payload }`
 *   (`events_api` ones also carry `retry_attempt` and `retry_reason`), and `disconnect` when it wants the app to
 *   reconnect. Tests send these through a connection: the fake sends nothing by itself.
 * - The app acks each envelope with `{ envelope_id, payload? }`; anything else it sends is kept as a stray.
 * Not modelled: redelivering unacked envelopes by itself (tests redeliver explicitly), refreshing connections.
 */

const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const OPCODE = { continuation: 0x0, text: 0x1, binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const;
/** Acks are small; a megabyte is plenty and keeps a runaway client from filling memory. */
const MAX_MESSAGE_BYTES = 1 << 20;
/** How long the fake waits for the client's close frame after sending its own. */
const CLOSE_HANDSHAKE_MS = 2000;

export type EnvelopeType = 'events_api' | 'interactive' | 'slash_commands';

export interface SocketEnvelope {
  envelope_id: string;
  type: EnvelopeType;
  payload: unknown;
  accepts_response_payload: boolean;
  /** `events_api` only: 0 for a first delivery, then 1, 2, 3 for Slack's retries. */
  retry_attempt?: number;
  /** `events_api` only: '' for a first delivery, else why Slack retries (`timeout`, …). */
  retry_reason?: string;
}

export interface DeliverOptions {
  /** A redelivery of an `events_api` envelope: Slack sends the same payload (same `event_id`) in a new envelope. */
  retryAttempt?: number;
  retryReason?: string;
  /** Default: true for slash commands, view submissions and block suggestions, false otherwise (as Slack sends). */
  acceptsResponsePayload?: boolean;
  envelopeId?: string;
}

/** One message the app sent over a connection, as text and (when it parses) as JSON. */
export interface ClientMessage {
  connection: number;
  text: string;
  json: unknown;
  at: number;
}

/** The app's acknowledgement of an envelope the fake delivered. */
export interface SocketAck {
  connection: number;
  envelope_id: string;
  /** What `ack(body)` carried: `{}` for a plain ack (the SDK always sends a payload object). */
  payload: unknown;
  at: number;
}

export interface Delivery {
  envelope: SocketEnvelope;
  /** Resolves with the app's ack of this envelope, already received or still to come. */
  acked(timeoutMs?: number): Promise<SocketAck>;
}

export interface Closed {
  /** The status code of the close frame the connection ended with; undefined if it ended without one. */
  code: number | undefined;
  reason: string;
  /** Who sent the first close frame: the app (`client`), the fake (`server`), or neither (the TCP connection dropped). */
  by: 'client' | 'server' | 'network';
}

export interface SocketModeConnection {
  /** 1, 2, … in the order the app connected. */
  readonly id: number;
  /** The app-level token whose `apps.connections.open` issued this connection's URL. */
  readonly appToken: string;
  readonly url: string;
  isOpen(): boolean;
  /** Slack's first message: after it the SDK's `start()` resolves. */
  hello(): void;
  /** Sends an envelope; `acked()` waits for the app's answer. */
  deliver(type: EnvelopeType, payload: unknown, options?: DeliverOptions): Delivery;
  /** `{ type: 'disconnect', reason }`: Slack asks the app to reconnect (`refresh_requested`, `warning`, `link_disabled`). */
  disconnect(reason?: string): void;
  /** Any JSON message, as is. */
  send(message: unknown): void;
  /** A ping frame; resolves with the pong's payload. */
  ping(data?: string, timeoutMs?: number): Promise<string>;
  /** Pings the app sent (each answered with a pong). */
  pingsReceived(): number;
  /** Sends a close frame, waits for the app's, then ends the connection. */
  close(code?: number, reason?: string): Promise<Closed>;
  /** Resolves when the TCP connection has ended. */
  readonly closed: Promise<Closed>;
}

export interface FakeSocketMode {
  /** Connections the app opened, in order, open or not. */
  connections(): SocketModeConnection[];
  /** The first connection matching `predicate`, already open or still to come. */
  waitForConnection(predicate?: (connection: SocketModeConnection) => boolean, timeoutMs?: number): Promise<SocketModeConnection>;
  /** Acks of delivered envelopes, in arrival order, optionally of one envelope. */
  acks(envelopeId?: string): SocketAck[];
  waitForAck(envelopeId: string, timeoutMs?: number): Promise<SocketAck>;
  /** Everything the app sent, in order. */
  received(): ClientMessage[];
  /** What the app sent that is not an ack of an envelope the fake delivered: should stay empty. */
  strays(): ClientMessage[];
}

/** What fake-slack.ts drives: the public face plus URL issuing, the HTTP upgrade and shutdown. */
export interface SocketModeEndpoint extends FakeSocketMode {
  /** A fresh URL for one connection, as `apps.connections.open` answers. */
  issueUrl(appToken: string): string;
  /** For the HTTP server's `upgrade` event. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Forgets what the app sent and the tickets not used yet; open connections stay. */
  reset(): void;
  /**
   * Ends every connection with a close handshake (1001, going away), as a server shutting down does. Dropping the
   * sockets instead would strand @slack/socket-mode's 30 s close-handshake timer in an app that is disconnecting.
   */
  close(): Promise<void>;
}

export function createSocketModeEndpoint(options: { origin: string; appId: string }): SocketModeEndpoint {
  const wsOrigin = options.origin.replace(/^http/, 'ws');
  const tickets = new Map<string, string>(); // ticket → app token
  const links = new Journal<Link>();
  const received = new Journal<ClientMessage>();
  const delivered = new Set<string>();

  const ackOf = (message: ClientMessage): SocketAck | undefined => {
    const json = message.json;
    if (typeof json !== 'object' || json === null || !('envelope_id' in json) || typeof json.envelope_id !== 'string') return undefined;
    if (!delivered.has(json.envelope_id)) return undefined;
    return { connection: message.connection, envelope_id: json.envelope_id, payload: 'payload' in json ? json.payload : undefined, at: message.at };
  };
  const acks = (envelopeId?: string): SocketAck[] =>
    received.all().flatMap((message) => {
      const ack = ackOf(message);
      return ack !== undefined && (envelopeId === undefined || ack.envelope_id === envelopeId) ? [ack] : [];
    });
  const waitForAck = (envelopeId: string, timeoutMs = 5000): Promise<SocketAck> =>
    received
      .waitFor(
        (message) => ackOf(message)?.envelope_id === envelopeId,
        timeoutMs,
        () => `fake Socket Mode: no ack of envelope ${envelopeId} within ${timeoutMs} ms; the app sent: ${received.all().map((m) => m.text).join(' | ') || 'nothing'}`,
      )
      .then((message) => ackOf(message) as SocketAck);

  const context: LinkContext = {
    appId: options.appId,
    openCount: () => links.all().filter((link) => link.isOpen()).length,
    onMessage: (message) => received.add(message),
    onDeliver: (envelopeId) => delivered.add(envelopeId),
    waitForAck,
  };

  function refuse(socket: Duplex, status: string): void {
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  }

  return {
    issueUrl(appToken) {
      const ticket = randomUUID();
      tickets.set(ticket, appToken);
      return `${wsOrigin}/link/?ticket=${ticket}&app_id=${encodeURIComponent(options.appId)}`;
    },
    upgrade(req, socket, head) {
      socket.on('error', () => socket.destroy());
      const url = new URL(req.url ?? '/', options.origin);
      const key = req.headers['sec-websocket-key'];
      const upgrade = (req.headers.upgrade ?? '').toLowerCase();
      if (req.method !== 'GET' || upgrade !== 'websocket' || typeof key !== 'string' || req.headers['sec-websocket-version'] !== '13') return refuse(socket, '400 Bad Request');
      if (url.pathname !== '/link/' && url.pathname !== '/link') return refuse(socket, '404 Not Found');
      const ticket = url.searchParams.get('ticket') ?? '';
      const appToken = tickets.get(ticket);
      if (appToken === undefined) return refuse(socket, '401 Unauthorized');
      tickets.delete(ticket);
      const accept = createHash('sha1').update(key + WEBSOCKET_GUID).digest('base64');
      // No Sec-WebSocket-Extensions: the client's permessage-deflate offer is declined, so frames are uncompressed.
      socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
      const link = new Link(links.all().length + 1, appToken, `${wsOrigin}${url.pathname}${url.search}`, socket, context);
      links.add(link);
      if (head.length > 0) link.receive(head);
    },
    connections: () => links.all(),
    waitForConnection: (predicate = () => true, timeoutMs = 5000) =>
      links.waitFor(predicate, timeoutMs, () => `fake Socket Mode: no matching connection within ${timeoutMs} ms (${links.all().length} so far)`),
    acks,
    waitForAck,
    received: () => received.all(),
    strays: () => received.all().filter((message) => ackOf(message) === undefined),
    reset() {
      received.clear();
      tickets.clear();
    },
    async close() {
      links.cancelWaiters('fake Socket Mode closed');
      received.cancelWaiters('fake Socket Mode closed');
      await Promise.all(links.all().map((link) => link.close(1001, 'going away')));
    },
  };
}

interface LinkContext {
  appId: string;
  openCount(): number;
  onMessage(message: ClientMessage): void;
  onDeliver(envelopeId: string): void;
  waitForAck(envelopeId: string, timeoutMs?: number): Promise<SocketAck>;
}

/** A violation of RFC 6455 by the client: the fake closes with `code`, as a server must. */
class ProtocolError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

interface Frame {
  fin: boolean;
  opcode: number;
  payload: Buffer;
}

/** Server frames: final, unmasked. */
function encodeFrame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  let header: Buffer;
  if (length < 126) {
    header = Buffer.from([0x80 | opcode, length]);
  } else if (length < 0x10000) {
    header = Buffer.alloc(4);
    header.writeUInt8(0x80 | opcode, 0);
    header.writeUInt8(126, 1);
    header.writeUInt16BE(length, 2);
  } else {
    header = Buffer.alloc(10);
    header.writeUInt8(0x80 | opcode, 0);
    header.writeUInt8(127, 1);
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  return Buffer.concat([header, payload]);
}

/** Splits the client's bytes into frames, unmasking them; keeps a partial frame for the next chunk. */
class FrameDecoder {
  #buffer: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Frame[] {
    this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
    const frames: Frame[] = [];
    for (let frame = this.#next(); frame !== undefined; frame = this.#next()) frames.push(frame);
    return frames;
  }

  #next(): Frame | undefined {
    const bytes = this.#buffer;
    if (bytes.length < 2) return undefined;
    const first = bytes.readUInt8(0);
    const second = bytes.readUInt8(1);
    const fin = (first & 0x80) !== 0;
    const opcode = first & 0x0f;
    if ((first & 0x70) !== 0) throw new ProtocolError(1002, 'reserved bits set without a negotiated extension');
    if ((second & 0x80) === 0) throw new ProtocolError(1002, 'client frames must be masked');
    let length = second & 0x7f;
    let offset = 2;
    if (length === 126) {
      if (bytes.length < 4) return undefined;
      length = bytes.readUInt16BE(2);
      offset = 4;
    } else if (length === 127) {
      if (bytes.length < 10) return undefined;
      const long = bytes.readBigUInt64BE(2);
      if (long > BigInt(MAX_MESSAGE_BYTES)) throw new ProtocolError(1009, 'frame too big');
      length = Number(long);
      offset = 10;
    }
    if (opcode >= 0x8 && (length > 125 || !fin)) throw new ProtocolError(1002, 'control frames are final and at most 125 bytes');
    if (length > MAX_MESSAGE_BYTES) throw new ProtocolError(1009, 'frame too big');
    if (bytes.length < offset + 4 + length) return undefined;
    const mask = bytes.subarray(offset, offset + 4);
    const payload = Buffer.from(bytes.subarray(offset + 4, offset + 4 + length));
    for (let i = 0; i < payload.length; i++) payload.writeUInt8(payload.readUInt8(i) ^ mask.readUInt8(i % 4), i);
    this.#buffer = bytes.subarray(offset + 4 + length);
    return { fin, opcode, payload };
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

class Link implements SocketModeConnection {
  readonly closed: Promise<Closed>;
  #state: 'open' | 'closing' | 'closed' = 'open';
  #closeSent = false;
  #closeCode: number | undefined;
  #closeReason = '';
  #closedBy: Closed['by'] = 'network';
  #decoder = new FrameDecoder();
  #fragments: Buffer[] = [];
  #fragmentOpcode: number | undefined;
  #pings = 0;
  #pongWaiters = new Set<{ data: string; resolve: (data: string) => void; reject: (error: Error) => void }>();
  #closeTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly id: number,
    readonly appToken: string,
    readonly url: string,
    private readonly socket: Duplex,
    private readonly context: LinkContext,
  ) {
    this.closed = new Promise<Closed>((resolve) => {
      socket.on('close', () => {
        this.#state = 'closed';
        clearTimeout(this.#closeTimer);
        for (const waiter of this.#pongWaiters) waiter.reject(new Error(`fake Socket Mode: connection ${id} closed before a pong`));
        this.#pongWaiters.clear();
        resolve({ code: this.#closeCode, reason: this.#closeReason, by: this.#closedBy });
      });
    });
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    // The HTTP server keeps sockets half-open: when the app's side ends, end ours too.
    socket.on('end', () => socket.end());
    if ('setNoDelay' in socket && typeof socket.setNoDelay === 'function') socket.setNoDelay(true);
  }

  isOpen(): boolean {
    return this.#state === 'open';
  }

  hello(): void {
    this.send({
      type: 'hello',
      num_connections: this.context.openCount(),
      debug_info: { host: `applink-fake-${this.id}`, build_number: 1, approximate_connection_time: 18060 },
      connection_info: { app_id: this.context.appId },
    });
  }

  deliver(type: EnvelopeType, payload: unknown, options: DeliverOptions = {}): Delivery {
    const payloadType = typeof payload === 'object' && payload !== null && 'type' in payload ? payload.type : undefined;
    const envelope: SocketEnvelope = {
      envelope_id: options.envelopeId ?? randomUUID(),
      type,
      payload,
      accepts_response_payload:
        options.acceptsResponsePayload ?? (type === 'slash_commands' || (type === 'interactive' && (payloadType === 'view_submission' || payloadType === 'block_suggestion'))),
      ...(type === 'events_api' ? { retry_attempt: options.retryAttempt ?? 0, retry_reason: options.retryReason ?? '' } : {}),
    };
    this.context.onDeliver(envelope.envelope_id);
    this.send(envelope);
    return { envelope, acked: (timeoutMs) => this.context.waitForAck(envelope.envelope_id, timeoutMs) };
  }

  disconnect(reason = 'refresh_requested'): void {
    this.send({ type: 'disconnect', reason, debug_info: { host: `applink-fake-${this.id}` } });
  }

  send(message: unknown): void {
    if (this.#state !== 'open') throw new Error(`fake Socket Mode: connection ${this.id} is ${this.#state}`);
    this.#write(OPCODE.text, Buffer.from(JSON.stringify(message), 'utf8'));
  }

  ping(data = `ping ${Date.now()}`, timeoutMs = 5000): Promise<string> {
    if (this.#state !== 'open') return Promise.reject(new Error(`fake Socket Mode: connection ${this.id} is ${this.#state}`));
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pongWaiters.delete(waiter);
        reject(new Error(`fake Socket Mode: no pong within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter = {
        data,
        resolve: (pong: string) => {
          clearTimeout(timer);
          resolve(pong);
        },
        reject: (error: Error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.#pongWaiters.add(waiter);
      this.#write(OPCODE.ping, Buffer.from(data, 'utf8'));
    });
  }

  pingsReceived(): number {
    return this.#pings;
  }

  close(code = 1000, reason = ''): Promise<Closed> {
    if (this.#state === 'open') {
      this.#closedBy = 'server';
      this.#sendClose(code, reason);
      this.#closing();
    }
    return this.closed;
  }

  receive(chunk: Buffer): void {
    if (this.#state === 'closed') return;
    try {
      for (const frame of this.#decoder.push(chunk)) this.#onFrame(frame);
    } catch (error) {
      if (!(error instanceof ProtocolError)) throw error;
      this.#fail(error);
    }
  }

  #onFrame(frame: Frame): void {
    switch (frame.opcode) {
      case OPCODE.ping:
        this.#pings += 1;
        if (this.#state === 'open') this.#write(OPCODE.pong, frame.payload);
        return;
      case OPCODE.pong: {
        const data = frame.payload.toString('utf8');
        for (const waiter of this.#pongWaiters) {
          if (waiter.data === data) {
            this.#pongWaiters.delete(waiter);
            waiter.resolve(data);
          }
        }
        return;
      }
      case OPCODE.close: {
        if (frame.payload.length === 1) throw new ProtocolError(1002, 'a close payload has a two-byte code');
        if (this.#closeCode === undefined && frame.payload.length >= 2) {
          this.#closeCode = frame.payload.readUInt16BE(0);
          this.#closeReason = frame.payload.subarray(2).toString('utf8');
        }
        if (!this.#closeSent) {
          this.#closedBy = 'client';
          // Echo the code, as RFC 6455 says an endpoint usually does.
          this.#sendClose(this.#closeCode, '');
        }
        this.#closing();
        this.socket.end();
        return;
      }
      case OPCODE.text:
      case OPCODE.binary:
        if (this.#fragmentOpcode !== undefined) throw new ProtocolError(1002, 'a new message began inside a fragmented one');
        this.#fragmentOpcode = frame.opcode;
        this.#fragments = [frame.payload];
        break;
      case OPCODE.continuation:
        if (this.#fragmentOpcode === undefined) throw new ProtocolError(1002, 'continuation without a message');
        this.#fragments.push(frame.payload);
        break;
      default:
        throw new ProtocolError(1002, `unknown opcode ${frame.opcode}`);
    }
    if (this.#fragments.reduce((sum, part) => sum + part.length, 0) > MAX_MESSAGE_BYTES) throw new ProtocolError(1009, 'message too big');
    if (!frame.fin) return;
    const opcode = this.#fragmentOpcode;
    const bytes = Buffer.concat(this.#fragments);
    this.#fragmentOpcode = undefined;
    this.#fragments = [];
    if (opcode === OPCODE.binary) throw new ProtocolError(1003, 'Socket Mode messages are JSON text');
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      throw new ProtocolError(1007, 'text message is not UTF-8');
    }
    let json: unknown;
    try {
      json = JSON.parse(text) as unknown;
    } catch {
      json = undefined; // kept as a stray: the SDK only sends JSON
    }
    this.context.onMessage({ connection: this.id, text, json, at: Date.now() });
  }

  #fail(error: ProtocolError): void {
    if (this.#state === 'open') {
      this.#closedBy = 'server';
      this.#sendClose(error.code, error.message.slice(0, 120));
    }
    this.#closing();
    this.socket.end();
  }

  /** Waits a bounded time for the TCP connection to end, then drops it. */
  #closing(): void {
    if (this.#state !== 'open') return;
    this.#state = 'closing';
    this.#closeTimer = setTimeout(() => this.socket.destroy(), CLOSE_HANDSHAKE_MS);
    this.#closeTimer.unref();
  }

  #sendClose(code: number | undefined, reason: string): void {
    this.#closeSent = true;
    if (code === undefined) return this.#write(OPCODE.close, Buffer.alloc(0));
    const payload = Buffer.alloc(2 + Buffer.byteLength(reason));
    payload.writeUInt16BE(code, 0);
    payload.write(reason, 2, 'utf8');
    if (this.#closeCode === undefined) {
      this.#closeCode = code;
      this.#closeReason = reason;
    }
    this.#write(OPCODE.close, payload);
  }

  #write(opcode: number, payload: Buffer): void {
    if (!this.socket.writable) return;
    this.socket.write(encodeFrame(opcode, payload));
  }
}
