import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { authenticate } from '../auth.js';
import type { SandboxContext } from '../context.js';
import type { FaultRefusal } from '../faults.js';
import { discardBody } from '../http/body.js';
import { methodNotAllowed, sendError } from '../http/respond.js';
import { handleApply } from './apply.js';
import { handleExport } from './export.js';

const METHODS = ['POST', 'PUT'];

/** `/api/numbers/csv`: the export (POST) and the apply (PUT), behind faults and the bearer token. */
export async function handleNumbersCsv(req: IncomingMessage, res: ServerResponse, path: string, ctx: SandboxContext): Promise<void> {
  if (!METHODS.includes(req.method ?? '')) return methodNotAllowed(res, req.method ?? '', path, METHODS);
  const latency = ctx.faults.latencyMs();
  if (latency > 0) await sleep(latency);
  const refusal = ctx.faults.takeRefusal();
  if (refusal !== undefined) {
    await discardBody(req);
    return sendFault(res, refusal);
  }
  const auth = authenticate(req, ctx.tokens);
  if (!auth.ok) {
    await discardBody(req);
    return sendError(res, 401, { error: 'invalid_token', message: auth.message }, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
  }
  if (req.method === 'POST') return handleExport(req, res, auth.caller, ctx);
  return handleApply(req, res, auth.caller, ctx);
}

function sendFault(res: ServerResponse, refusal: FaultRefusal): void {
  const headers: Record<string, string> = refusal.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(refusal.retryAfterSeconds) };
  if (refusal.status === 429) {
    sendError(res, 429, { error: 'rate_limited', message: 'Too many requests; wait as Retry-After says.' }, headers);
  } else if (refusal.status === 503) {
    sendError(res, 503, { error: 'unavailable', message: 'The service is unavailable; nothing ran.' }, headers);
  } else {
    sendError(res, refusal.status, { error: 'server_error', message: `The platform failed (${refusal.status}).` }, headers);
  }
}
