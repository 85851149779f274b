import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxContext } from '../context.js';
import { streamExport } from '../export.js';
import { canSee } from '../roles.js';
import type { Caller } from '../users.js';

export async function handleExport(req: IncomingMessage, res: ServerResponse, caller: Caller, ctx: SandboxContext): Promise<void> {
  // The export takes no body; drop any that came so the connection stays usable.
  req.resume();
  const { state, faults } = ctx;
  const rows = state.rows().filter((row) => canSee(caller, row.GROUP_ID, state.groups));
  await streamExport(res, rows, () => faults.chunkDelayMs());
}
