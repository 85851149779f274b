import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { createNumbersApiClient, EXPORT_COLUMNS, type NumbersApiClient, type NumbersApiClientOptions, type RequestEvent } from '@numbers-csv/shared';
import { SANDBOX_TOKENS, startSandbox, type Sandbox, type SandboxOptions } from '@numbers-csv/sandbox';

/** A sandbox per test, closed after it; `options` may depend on the test (a clock, a seed). */
export function useSandbox(options: () => SandboxOptions = () => ({})): { readonly sandbox: Sandbox } {
  let current: Sandbox | undefined;
  beforeEach(async () => {
    current = await startSandbox(options());
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return {
    get sandbox(): Sandbox {
      if (current === undefined) throw new Error('the sandbox runs inside a test only');
      return current;
    },
  };
}

/** Waits nothing, and remembers what it was asked to wait. */
export interface RecordingSleep {
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  waits: number[];
}

export function recordingSleep(): RecordingSleep {
  const waits: number[] = [];
  return {
    waits,
    sleep: async (ms, signal) => {
      waits.push(ms);
      signal?.throwIfAborted();
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

export interface TestClient {
  client: NumbersApiClient;
  waits: number[];
  events: RequestEvent[];
}

/** A client of `baseUrl` with the owner's token, a sleep that does not wait, and its requests recorded. */
export function testClient(baseUrl: string, overrides: Partial<NumbersApiClientOptions> = {}): TestClient {
  const { sleep, waits } = recordingSleep();
  const events: RequestEvent[] = [];
  const client = createNumbersApiClient({
    baseUrl,
    auth: { token: SANDBOX_TOKENS.owner },
    sleep,
    onRequest: (event) => events.push(event),
    ...overrides,
  });
  return { client, waits, events };
}

/** Closes the clients a test made, after it. */
export function useClients(): (client: TestClient) => TestClient {
  const made: TestClient[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map(({ client }) => client.close()));
  });
  return (client) => {
    made.push(client);
    return client;
  };
}

/** Resolves with what the promise rejects with; fails the test when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, and it succeeded');
}

/** The requests the sandbox received with this method on the numbers path. */
export function apiRequests(sandbox: Sandbox, method: 'PUT' | 'POST'): { status: number }[] {
  return sandbox.requests().filter((request) => request.method === method && request.path.endsWith('/api/numbers/csv'));
}

export function tokenRequests(sandbox: Sandbox): { status: number }[] {
  return sandbox.requests().filter((request) => request.path.includes('/protocol/openid-connect/token'));
}

/** How many of the sandbox's numbers are `number`: 0 or 1, unless something went very wrong. */
export function countOf(sandbox: Sandbox, number: string): number {
  return sandbox.numbers().filter((row) => row.NUMBER === number).length;
}

export const NEW_NUMBER = '+14155550177';
/** One Create: run twice, the second run fails, so it shows how often an upload ran. */
export const CREATE_ONE = `NUMBER,OPERATION,GROUP_ID,PROVIDER\n${NEW_NUMBER},Create,ocp,twilio\n`;

/** An export-shaped seed of `count` numbers in group ocp. */
export function seedOf(count: number): string {
  const lines = [EXPORT_COLUMNS.join(',')];
  for (let i = 0; i < count; i++) {
    const row: Record<string, string> = { COUNTRY: 'US', GROUP_ID: 'ocp', LOCALE: 'en-US', NUMBER: `+1415600${String(i).padStart(4, '0')}`, PHONE_NUMBER_SET_ID: 'testSetId' };
    lines.push(EXPORT_COLUMNS.map((column) => row[column] ?? '').join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** A port nothing listens on: bound, then released. */
export async function closedPort(): Promise<number> {
  const server = createTcpServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

export interface StubRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export interface Stub {
  origin: string;
  baseUrl: string;
  requests: StubRequest[];
  close(): Promise<void>;
}

/** A tiny HTTP server for answers the sandbox never gives; `answer` sees each request with its body read. */
export async function startStub(answer: (request: StubRequest, res: ServerResponse, index: number) => void): Promise<Stub> {
  const requests: StubRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: StubRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) };
      requests.push(request);
      answer(request, res, requests.length - 1);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    baseUrl: `${origin}/integrations`,
    requests,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** Reads an export stream whole, as text. */
export async function readAll(stream: AsyncIterable<Uint8Array>): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** A sandbox with its own options for one test, closed after `body`. */
export async function withSandbox<T>(options: SandboxOptions, body: (sandbox: Sandbox) => Promise<T>): Promise<T> {
  const sandbox = await startSandbox(options);
  try {
    return await body(sandbox);
  } finally {
    await sandbox.close();
  }
}
