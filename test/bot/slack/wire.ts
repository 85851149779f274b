import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallArgs } from './types.js';

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Arguments the WebClient sends JSON-encoded inside a form (it stringifies every non-scalar value).
 * Parsed back so that tests assert on blocks, not on strings of blocks.
 */
const JSON_FIELDS = new Set(['blocks', 'attachments', 'files', 'view', 'metadata', 'unfurls', 'user_auth_blocks']);

function decodeField(key: string, value: string): unknown {
  if (!JSON_FIELDS.has(key)) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value; // Slack would answer invalid_arguments / invalid_blocks; the handler sees the raw string
  }
}

export interface DecodedRequest {
  args: CallArgs;
  /** Bearer token from the Authorization header, else the `token` argument (Slack accepts both for forms). */
  token: string | undefined;
}

/**
 * Decodes a Web API request as Slack does: a form (what @slack/web-api sends), multipart (what it sends when an
 * argument is a Buffer) or JSON (what other clients may send; Slack then takes the token from the header only).
 */
export async function decodeApiRequest(req: IncomingMessage, raw: Buffer): Promise<DecodedRequest> {
  const contentType = (req.headers['content-type'] ?? '').toLowerCase();
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  const args: Record<string, unknown> = {};
  if (contentType.startsWith('application/json')) {
    const parsed: unknown = raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) Object.assign(args, parsed);
    return { args, token: bearer };
  }
  if (contentType.startsWith('multipart/form-data')) {
    const form = await formData(raw, contentType);
    form.forEach((value, key) => {
      if (typeof value === 'string') args[key] = decodeField(key, value);
    });
  } else {
    for (const [key, value] of new URLSearchParams(raw.toString('utf8'))) args[key] = decodeField(key, value);
  }
  const formToken = typeof args.token === 'string' ? args.token : undefined;
  delete args.token; // a secret, and not an argument of the method
  return { args, token: bearer ?? formToken };
}

/** The platform's own multipart parser (undici's), rather than a hand-rolled one. */
export function formData(raw: Buffer, contentType: string): Promise<FormData> {
  return new Response(raw, { headers: { 'content-type': contentType } }).formData();
}

/** The bytes of an upload: the first file part of a multipart body (the WebClient names it `body`), else the raw body. */
export async function uploadedBytes(req: IncomingMessage, raw: Buffer): Promise<Uint8Array> {
  const contentType = req.headers['content-type'] ?? '';
  if (!contentType.toLowerCase().startsWith('multipart/form-data')) return new Uint8Array(raw);
  const form = await formData(raw, contentType);
  for (const [, value] of form) {
    if (typeof value !== 'string') return new Uint8Array(await value.arrayBuffer());
  }
  return new Uint8Array();
}

/** Slack's Web API answers 200 with `ok` in the body, whatever happened (429 aside). */
export function sendJson(res: ServerResponse, body: unknown, status = 200, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, text: string, contentType = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
