import { readFile } from 'node:fs/promises';
import { createNumbersApiClient, DEFAULT_SETTINGS, parseSettings, type Settings } from '@numbers-csv/shared';
import { createBot } from './app.js';
import { loadApprovers } from './approvers/index.js';
import { readConfig } from './config.js';
import { jsonLog } from './log.js';
import { openStore } from './store/index.js';

/**
 * `numbers-csv-bot`: reads its configuration, opens the store (running its migrations), starts the
 * Bolt app and then settles what a stopped bot left half done. Any problem at start is one line on
 * standard error and exit status 2; never a stack trace.
 */
/** How often pending batches past their time are expired, and orphaned applies recovered. */
const SWEEP_EVERY_MS = 5 * 60_000;

async function main(): Promise<void> {
  const log = jsonLog();
  const config = readConfig(process.env);
  const settings = await readSettings(config.numbersCsvConfig);
  const approvers = await loadApprovers(config.approversFile);
  const store = await openStore(config.databaseUrl);
  await store.migrate();
  const numbers = createNumbersApiClient({ baseUrl: config.numbersApi.baseUrl, auth: config.numbersApi.auth });
  const bot = createBot({ config, store, numbers, approvers, settings, log });
  const { port } = await bot.start();
  log.info('numbers-csv-bot started', { mode: config.slack.mode, port: port ?? null, environment: config.numbersApi.baseUrl });
  await bot.recover();
  const sweep = () => bot.sweep().catch((error: unknown) => log.error('sweep failed', { error: error instanceof Error ? error.message : 'unknown' }));
  await sweep();
  setInterval(() => void sweep(), SWEEP_EVERY_MS).unref();

  const stop = async (signal: string) => {
    log.info('numbers-csv-bot stopping', { signal });
    await bot.stop().catch(() => undefined);
    await numbers.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

async function readSettings(path: string | undefined): Promise<Settings> {
  if (path === undefined) return DEFAULT_SETTINGS;
  const { settings, problems } = parseSettings(JSON.parse(await readFile(path, 'utf8')));
  if (problems.length > 0) throw new Error(`${path}: ${problems.join('; ')}`);
  return settings;
}

main().catch((error: unknown) => {
  process.stderr.write(`numbers-csv-bot: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
