import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { COMMON_OPTIONS, parsingArgs } from '../args.js';
import { apiClient, apiFailure } from '../api.js';
import { CONNECTION_OPTIONS, readConnection } from '../connection.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { commandUsage } from '../usage.js';
import { streamToFile } from '../write.js';

export async function exportCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parsingArgs('export', () =>
    parseArgs({ args, options: { help: COMMON_OPTIONS.help, ...CONNECTION_OPTIONS, out: { type: 'string', short: 'o' } }, allowPositionals: true, strict: true }),
  );
  if (values.help) {
    io.stdout.write(commandUsage('export'));
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`export takes no file; write to one with --out ${positionals[0]}`, 'export');
  const client = apiClient(readConnection(values, io));
  const chunks = await client.exportNumbers().catch(apiFailure('export'));
  if (values.out === undefined) {
    await io.pipeStdout(chunks).catch(apiFailure('export'));
    return 0;
  }
  await streamToFile(resolve(io.cwd, values.out), values.out, chunks).catch(apiFailure('export'));
  io.stderr.write(`${values.out}: written\n`);
  return 0;
}
