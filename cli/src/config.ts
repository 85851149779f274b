import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '@numbers-csv/shared';
import { CliError, describeFsError, errorCode } from './errors.js';

/** Looked for in the current directory when no --config is given. */
export const DEFAULT_CONFIG_FILE = 'numbers-csv.json';

/**
 * Settings from `--config`, else from ./numbers-csv.json when present, else the defaults. Any
 * problem stops the command: the core would fall back to a default limit, and a limit silently
 * different from the one written is worse than no run at all.
 */
export async function loadSettings(explicit: string | undefined, cwd: string): Promise<Settings> {
  const path = explicit ?? DEFAULT_CONFIG_FILE;
  let text: string;
  try {
    text = await readFile(resolve(cwd, path), 'utf8');
  } catch (error) {
    if (explicit === undefined && errorCode(error) === 'ENOENT') return DEFAULT_SETTINGS;
    throw new CliError(`cannot read config ${path}: ${describeFsError(error)}`);
  }
  let input: unknown;
  try {
    // Notepad saves UTF-8 with a byte order mark, which JSON.parse rejects.
    input = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    throw new CliError(`${path}: invalid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { settings, problems } = parseSettings(input);
  if (problems.length > 0) throw new CliError(problems.flatMap((problem) => problem.split('\n')).map((line) => `${path}: ${line}`));
  return settings;
}
