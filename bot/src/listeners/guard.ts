import type { Log } from '../log.js';

/**
 * Runs a listener's work after its acknowledgement: a failure is logged in one line (never a token
 * or a file's content) and the bot goes on serving.
 */
export async function guarded(log: Log, what: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    log.error(`${what} failed`, { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
}
