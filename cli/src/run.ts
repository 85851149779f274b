import { applyCommand } from './commands/apply.js';
import { check } from './commands/check.js';
import { exportCommand } from './commands/export.js';
import { fix } from './commands/fix.js';
import { planCommand } from './commands/plan.js';
import { sandbox } from './commands/sandbox.js';
import { split } from './commands/split.js';
import { CliError, UsageError } from './errors.js';
import type { Io } from './io.js';
import { fullUsage, isCommandName, shortUsage, type CommandName } from './usage.js';
import { cliVersion } from './version.js';

const COMMANDS: Record<CommandName, (args: string[], io: Io) => Promise<number>> = {
  check,
  fix,
  split,
  export: exportCommand,
  plan: planCommand,
  apply: applyCommand,
  sandbox,
};

/**
 * Runs one command line (the arguments after the program name) and returns the exit status:
 * 0 no errors, 1 errors in the data, 2 usage, config or I/O problems. Never throws.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  try {
    return await dispatch([...argv], io);
  } catch (error) {
    return reportFailure(error, io);
  }
}

async function dispatch(argv: string[], io: Io): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr.write(shortUsage());
    return 2;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    io.stdout.write(fullUsage());
    return 0;
  }
  if (first === '--version' || first === '-v') {
    io.stdout.write(`${await cliVersion()}\n`);
    return 0;
  }
  if (first.startsWith('-')) throw new UsageError(`expected a command first, got ${first}`);
  if (!isCommandName(first)) throw new UsageError(`unknown command "${first}"`);
  return COMMANDS[first](rest, io);
}

function reportFailure(error: unknown, io: Io): number {
  if (error instanceof CliError) {
    for (const line of error.lines) io.stderr.write(`numbers-csv: ${line}\n`);
    if (error instanceof UsageError) io.stderr.write(shortUsage(error.command));
    return 2;
  }
  // A bug of ours: still one line, as a stack trace helps no user; NUMBERS_CSV_DEBUG is for us.
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`numbers-csv: ${message}\n`);
  if (io.env?.NUMBERS_CSV_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return 2;
}
