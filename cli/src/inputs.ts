import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CliError, UsageError, describeFsError } from './errors.js';
import type { Io } from './io.js';
import type { CommandName } from './usage.js';

export const STDIN_LABEL = '<stdin>';

export type Input =
  | { kind: 'stdin'; label: typeof STDIN_LABEL }
  /** `label` is the path as the user wrote it, `path` the same resolved against the cwd. */
  | { kind: 'file'; label: string; path: string };

/** The files the arguments name, a directory standing for its `*.csv` files (sorted, not recursive). */
export async function expandInputs(args: readonly string[], io: Io, command: CommandName): Promise<Input[]> {
  const inputs: Input[] = [];
  let stdinSeen = false;
  for (const arg of args) {
    if (arg === '-') {
      if (stdinSeen) throw new UsageError('- (standard input) can be given only once', command);
      stdinSeen = true;
      inputs.push({ kind: 'stdin', label: STDIN_LABEL });
      continue;
    }
    const path = resolve(io.cwd, arg);
    const info = await stat(path).catch((error: unknown) => {
      throw new CliError(`cannot read ${arg}: ${describeFsError(error)}`);
    });
    if (!info.isDirectory()) {
      inputs.push({ kind: 'file', label: arg, path });
      continue;
    }
    const names = await csvFilesIn(path).catch((error: unknown) => {
      throw new CliError(`cannot read ${arg}: ${describeFsError(error)}`);
    });
    if (names.length === 0) throw new CliError(`${arg}: no .csv files in this directory`);
    for (const name of names) inputs.push({ kind: 'file', label: join(arg, name), path: join(path, name) });
  }
  return inputs;
}

/** Exactly one file or `-`; a directory is refused, as a command that writes needs one target. */
export async function singleInput(args: readonly string[], io: Io, command: CommandName): Promise<Input> {
  const [arg, ...rest] = args;
  if (arg === undefined) throw new UsageError(`${command} needs a file`, command);
  if (rest.length > 0) throw new UsageError(`${command} takes one file; got ${args.length}`, command);
  if (arg === '-') return { kind: 'stdin', label: STDIN_LABEL };
  const path = resolve(io.cwd, arg);
  const info = await stat(path).catch((error: unknown) => {
    throw new CliError(`cannot read ${arg}: ${describeFsError(error)}`);
  });
  if (info.isDirectory()) throw new CliError(`cannot ${command} ${arg}: it is a directory; name one file`);
  return { kind: 'file', label: arg, path };
}

export async function readInput(input: Input, io: Io): Promise<Uint8Array> {
  if (input.kind === 'stdin') {
    return io.readStdin().catch((error: unknown) => {
      throw new CliError(`cannot read standard input: ${describeFsError(error)}`);
    });
  }
  return readFile(input.path).catch((error: unknown) => {
    throw new CliError(`cannot read ${input.label}: ${describeFsError(error)}`);
  });
}

async function csvFilesIn(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const names: string[] = [];
  for (const entry of entries) {
    // Spreadsheets on Windows save `.CSV` as often as `.csv`.
    if (!entry.name.toLowerCase().endsWith('.csv')) continue;
    if (entry.isFile() || (entry.isSymbolicLink() && (await stat(join(directory, entry.name)).then((info) => info.isFile(), () => false)))) {
      names.push(entry.name);
    }
  }
  // Code-unit order, so that the output is the same on every machine and locale.
  return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
