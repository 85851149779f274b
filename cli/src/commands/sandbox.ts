import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SEED_FILE, SANDBOX_TOKENS, SANDBOX_USERS, startSandbox, type Sandbox } from '@numbers-csv/sandbox';
import { COMMON_OPTIONS, parsingArgs } from '../args.js';
import { CONNECTION_ENV } from '../connection.js';
import { CliError, UsageError, describeFsError } from '../errors.js';
import type { Io } from '../io.js';
import { commandUsage } from '../usage.js';

export async function sandbox(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parsingArgs('sandbox', () =>
    parseArgs({
      args,
      options: { help: COMMON_OPTIONS.help, port: { type: 'string', short: 'p' }, seed: { type: 'string' }, state: { type: 'string' }, empty: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (values.help) {
    io.stdout.write(commandUsage('sandbox'));
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`sandbox takes no file; got ${positionals.join(' ')}`, 'sandbox');
  const port = values.port === undefined ? 0 : parsePort(values.port);
  const seed = values.seed === undefined ? undefined : await readSeed(resolve(io.cwd, values.seed), values.seed);
  let running: Sandbox;
  try {
    running = await startSandbox({
      port,
      ...(seed !== undefined ? { seed } : {}),
      ...(values.empty ? { empty: true } : {}),
      ...(values.state !== undefined ? { stateFile: resolve(io.cwd, values.state) } : {}),
    });
  } catch (error) {
    throw new CliError(`cannot start the sandbox: ${describeFsError(error)}`);
  }
  io.stdout.write(banner(running, values.seed ?? (values.empty ? undefined : relative(io.cwd, DEFAULT_SEED_FILE)), values.state));
  await io.untilStopped();
  await running.close();
  io.stderr.write('numbers-csv sandbox: stopped\n');
  return 0;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535 (0 picks a free one), not ${value}`, 'sandbox');
  return port;
}

async function readSeed(path: string, label: string): Promise<string> {
  return readFile(path, 'utf8').catch((error: unknown) => {
    throw new CliError(`cannot read seed ${label}: ${describeFsError(error)}`);
  });
}

/** What to paste into another shell to use it, first; then what else it offers. */
function banner(running: Sandbox, seed: string | undefined, state: string | undefined): string {
  const from = [seed ? `seeded from ${seed}` : 'empty', state ? `state kept in ${state}` : 'state kept in memory'].join(', ');
  const owner = SANDBOX_USERS.find((user) => user.token === SANDBOX_TOKENS.owner);
  return [
    `numbers-csv sandbox: the numbers API at ${running.baseUrl} (${from})`,
    '',
    'Use it from another shell:',
    `  export ${CONNECTION_ENV.baseUrl}=${running.baseUrl}`,
    `  export ${CONNECTION_ENV.token}=${SANDBOX_TOKENS.owner}`,
    '',
    `Tokens: ${SANDBOX_TOKENS.owner} (OWNER of every group), ${SANDBOX_TOKENS.ownerOcp} (OWNER of ocp only), ${SANDBOX_TOKENS.viewer} (no OWNER role)`,
    `OpenID Connect: ${CONNECTION_ENV.tokenUrl}=${running.tokenUrl}${owner ? ` with ${CONNECTION_ENV.username}=${owner.username} ${CONNECTION_ENV.password}=${owner.password}` : ''}`,
    `Faults: curl -X PUT ${running.origin}/_sandbox/faults -H 'content-type: application/json' -d '{"rateLimit":{"times":1,"retryAfterSeconds":2}}'`,
    '',
    'Stop it with Ctrl+C.',
    '',
  ].join('\n');
}
