import { UsageError } from './errors.js';
import type { CommandName } from './usage.js';

/** Options every command takes. */
export const COMMON_OPTIONS = {
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * Runs a strict `parseArgs` (an unknown option is a usage error, never silently ignored) and turns
 * its failures into usage errors. Takes a closure so that each command keeps parseArgs' precise types.
 */
export function parsingArgs<T>(command: CommandName, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError(describeParseError(error), command);
  }
}

/** Node's messages go on to explain `--`; the first sentence is what the user needs. */
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split(/\.\s/)[0] ?? message;
  return first.charAt(0).toLowerCase() + first.slice(1);
}
