import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tokenPath } from '@numbers-csv/shared';
import type { SandboxContext } from './context.js';
import { FaultSwitches, type Faults } from './faults.js';
import { resolveOptions, type ResolvedOptions, type SandboxOptions } from './options.js';
import { RequestLog, type LoggedRequest } from './request-log.js';
import { DEFAULT_SEED_FILE, stateFromSeed } from './seed.js';
import { BASE_PATH, createSandboxServer } from './server.js';
import { loadStateFile, StateFileWriter } from './state-file.js';
import type { LiveRow, NumbersState } from './state.js';
import { TokenStore } from './tokens.js';

export interface Sandbox {
  /** e.g. `http://127.0.0.1:PORT/integrations`; API paths are relative to it. */
  baseUrl: string;
  origin: string;
  tokenUrl: string;
  /** Replaces the current fault switches. */
  setFaults(faults: Faults): void;
  clearFaults(): void;
  /** Every number as an export row, in export order. */
  numbers(): LiveRow[];
  /** Every request received (API, token and admin), in order. */
  requests(): LoggedRequest[];
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const resolved = resolveOptions(options);
  const writer = resolved.stateFile === undefined ? undefined : new StateFileWriter(resolved.stateFile);
  const saved = resolved.stateFile === undefined ? undefined : await loadStateFile(resolved.stateFile);
  const state = saved ?? (await seededState(resolved));
  // A state file exists from the start, so that a restart finds the same numbers even before a change.
  if (writer !== undefined && saved === undefined) await writer.save(state);

  const faults = new FaultSwitches();
  const ctx: SandboxContext = {
    options: resolved,
    state,
    tokens: new TokenStore(resolved.now, resolved.accessTokenTtlSeconds, resolved.refreshTokenTtlSeconds),
    faults,
    save: () => writer?.save(state) ?? Promise.resolve(),
  };
  const log = new RequestLog();
  const server = createSandboxServer(ctx, log);
  server.listen(resolved.port, resolved.host);
  await Promise.race([once(server, 'listening'), once(server, 'error').then(([error]) => Promise.reject(error as Error))]);
  const { port } = server.address() as AddressInfo;
  const origin = `http://${resolved.host.includes(':') ? `[${resolved.host}]` : resolved.host}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    baseUrl: `${origin}${BASE_PATH}`,
    origin,
    tokenUrl: `${origin}${tokenPath(resolved.realm)}`,
    setFaults: (next) => faults.set(next),
    clearFaults: () => faults.clear(),
    numbers: () => state.rows().map((row) => ({ ...row })),
    requests: () => log.list(),
    close: () => {
      closing ??= (async () => {
        const closed = once(server, 'close');
        server.close();
        server.closeAllConnections();
        await closed;
        await writer?.settled();
      })();
      return closing;
    },
  };
}

/** The seed's state; without a seed, the repository's example export. `empty` keeps everything but the numbers. */
async function seededState(options: ResolvedOptions): Promise<NumbersState> {
  const text = options.seed ?? (await readFile(DEFAULT_SEED_FILE, 'utf8'));
  return stateFromSeed(text, { numbers: !options.empty });
}
