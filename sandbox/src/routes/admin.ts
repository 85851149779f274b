import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { SandboxContext } from '../context.js';
import { FaultsSchema } from '../faults.js';
import { readBody } from '../http/body.js';
import { methodNotAllowed, notFound, sendError, sendJson } from '../http/respond.js';

export const ADMIN_PREFIX = '/_sandbox/';

const MAX_ADMIN_BYTES = 64 * 1024;

/**
 * Switches for whoever runs the sandbox from outside (the command line, a demo script). They need no
 * token, so they answer loopback clients only, whatever address the sandbox listens on.
 */
export async function handleAdmin(req: IncomingMessage, res: ServerResponse, path: string, ctx: SandboxContext): Promise<void> {
  if (!isLoopback(req.socket.remoteAddress)) {
    return sendError(res, 403, { error: 'forbidden', message: 'The sandbox admin endpoints answer loopback clients only.' });
  }
  const method = req.method ?? '';
  if (path === `${ADMIN_PREFIX}state`) {
    if (method !== 'GET') return methodNotAllowed(res, method, path, ['GET']);
    return sendJson(res, 200, { numbers: ctx.state.rows() });
  }
  if (path === `${ADMIN_PREFIX}faults`) {
    if (method === 'GET') return sendJson(res, 200, { faults: ctx.faults.snapshot() });
    if (method === 'DELETE') {
      ctx.faults.clear();
      return sendJson(res, 200, { faults: ctx.faults.snapshot() });
    }
    if (method === 'PUT') return putFaults(req, res, ctx);
    return methodNotAllowed(res, method, path, ['GET', 'PUT', 'DELETE']);
  }
  return notFound(res, path);
}

async function putFaults(req: IncomingMessage, res: ServerResponse, ctx: SandboxContext): Promise<void> {
  const body = await readBody(req, MAX_ADMIN_BYTES);
  if (!body.ok) return sendError(res, 413, { error: 'too_large', message: 'A faults body is a small JSON object.', limit: MAX_ADMIN_BYTES });
  let json: unknown;
  try {
    json = JSON.parse(body.bytes.toString('utf8'));
  } catch {
    return sendError(res, 400, { error: 'invalid_faults', message: 'The body is not JSON; send a Faults object such as {"rateLimit":{"times":1,"retryAfterSeconds":2}}.' });
  }
  const parsed = FaultsSchema.safeParse(json);
  if (!parsed.success) return sendError(res, 400, { error: 'invalid_faults', message: z.prettifyError(parsed.error) });
  ctx.faults.set(parsed.data);
  sendJson(res, 200, { faults: ctx.faults.snapshot() });
}

function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}
