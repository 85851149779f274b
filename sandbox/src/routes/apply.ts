import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApplyResponse, ErrorBody } from '@numbers-csv/shared';
import { runRows } from '../apply.js';
import type { SandboxContext } from '../context.js';
import { decodeUpload } from '../decode.js';
import { discardBody, readBody } from '../http/body.js';
import { uploadedFile } from '../http/multipart.js';
import { sendError, sendJson } from '../http/respond.js';
import { limitsExceeded } from '../limits.js';
import { readOperationsFile, type Reason } from '../operations-file.js';
import { groupsLackingOwner } from '../permissions.js';
import { ownsAnyOf } from '../roles.js';
import type { Caller } from '../users.js';

/** Checks the file as a whole in the contract's order; only a file that passes every check runs. */
export async function handleApply(req: IncomingMessage, res: ServerResponse, caller: Caller, ctx: SandboxContext): Promise<void> {
  const { state, options } = ctx;
  if (!ownsAnyOf(caller, state.groups)) {
    await discardBody(req);
    return sendError(res, 403, { error: 'forbidden', message: 'Applying changes needs the OWNER role, and the caller is OWNER of no group.' });
  }
  const body = await readBody(req, options.maxUploadBytes);
  if (!body.ok) {
    return sendError(res, 413, {
      error: 'too_large',
      message: `The upload is ${body.size} bytes; the limit is ${options.maxUploadBytes} bytes. Split the file.`,
      limit: options.maxUploadBytes,
    });
  }
  const upload = await uploadedFile(body.bytes, req.headers['content-type']);
  if (!upload.ok) return invalidFile(res, [{ message: upload.message }]);
  const decoded = decodeUpload(upload.bytes);
  if (!decoded.ok) return invalidFile(res, [{ message: decoded.message }]);
  const reading = readOperationsFile(decoded.text);
  if (!reading.ok) return invalidFile(res, reading.reasons);
  const { rows } = reading;

  const over = limitsExceeded(rows, options.limits);
  if (over.length > 0) {
    const named = over.map(({ operation, count, limit }) => `${count} ${operation} rows (limit ${limit})`).join(', ');
    return sendError(res, 422, { error: 'limit_exceeded', message: `The file holds ${named}; split it.`, limits: over });
  }
  // From here to running the rows nothing waits, so no other request changes a group in between.
  const lacking = groupsLackingOwner(caller, rows, state);
  if (lacking.length > 0) {
    return sendError(res, 403, {
      error: 'forbidden',
      message: `The file touches numbers of ${lacking.length === 1 ? 'group' : 'groups'} ${lacking.join(', ')}, where the caller is not OWNER.`,
      groups: lacking,
    });
  }
  const results = runRows(state, rows, options.providers);
  const ok = results.filter((result) => result.status === 'OK').length;
  if (ok > 0) await ctx.save();
  if (ctx.faults.takeDrop()) {
    req.socket.destroy();
    return;
  }
  const answer: ApplyResponse = { results, summary: { ok, failed: results.length - ok } };
  sendJson(res, 200, answer);
}

function invalidFile(res: ServerResponse, reasons: Reason[]): void {
  const first = reasons[0]?.message ?? 'The file cannot be run.';
  const body: ErrorBody = {
    error: 'invalid_file',
    message: reasons.length === 1 ? first : `${first} (and ${reasons.length - 1} more)`,
    reasons,
  };
  sendError(res, 400, body);
}
