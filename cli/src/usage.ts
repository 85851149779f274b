import { DEFAULT_CONFIG_FILE } from './config.js';

export type CommandName = 'check' | 'fix' | 'split';

const SYNOPSIS: Record<CommandName, string> = {
  check: 'numbers-csv check <file...|dir|-> [--format text|json|sarif] [--config <file>]',
  fix: 'numbers-csv fix <file|-> [--write] [--config <file>]',
  split: 'numbers-csv split <file> --out-dir <dir> [--allow-delete-split] [--config <file>]',
};

const DETAILS: Record<CommandName, string> = {
  check: `Validates numbers CSV files. A directory means every *.csv file in it (not its subdirectories);
- reads standard input.
  --format text    (default) one line per issue, path:line:column: severity: message [code],
                   then a summary per file with the rows per operation against the limits
  --format json    one JSON document:
                   {"files":[{"path","encoding","rows","counts":{"Create",...},"issues":[{"code",
                   "severity","message","line","column","endLine","endColumn","row","field"}]}]}
                   line and column are 1-based, the end column is exclusive; row is the data row
                   (1-based, the header not counted) and field the column name, or null when the
                   issue belongs to no row or no column
  --format sarif   SARIF 2.1.0, for code scanning in CI`,
  fix: `Applies every safe fix (the ones that only restore what was evidently meant).
  (default)        prints the fixed text to standard output
  --write          rewrites the file in place, as UTF-8 (a byte order mark is kept)
A summary, and the errors that remain, go to standard error.`,
  split: `Splits a file over the limits into <name>.part-1.csv, <name>.part-2.csv, ... in the out dir,
each within every limit. Refuses a file with other errors. Delete rows over the limit are
split only with --allow-delete-split: review them first.
  --out-dir <dir>        where the parts go (created when missing)
  --allow-delete-split   allow Delete rows to be spread over several files`,
};

const COMMON = `Options for every command:
  --config <file>  settings (limits, providers, ...); default ./${DEFAULT_CONFIG_FILE} when present
  -h, --help       this help

Exit status: 0 no errors, 1 errors in a file (or a split refused), 2 usage, config or I/O problem.`;

export function fullUsage(): string {
  const commands = (Object.keys(SYNOPSIS) as CommandName[]).map((name) => `  ${SYNOPSIS[name]}`).join('\n');
  const details = (Object.keys(DETAILS) as CommandName[]).map((name) => `${name}: ${DETAILS[name]}`).join('\n\n');
  return `Usage:\n${commands}\n  numbers-csv --version\n\n${details}\n\n${COMMON}\n`;
}

export function commandUsage(command: CommandName): string {
  return `Usage: ${SYNOPSIS[command]}\n\n${DETAILS[command]}\n\n${COMMON}\n`;
}

/** What follows a usage error: enough to correct the line, and where to find the rest. */
export function shortUsage(command?: CommandName): string {
  const lines = command ? [SYNOPSIS[command]] : (Object.keys(SYNOPSIS) as CommandName[]).map((name) => SYNOPSIS[name]);
  const more = command ? `numbers-csv ${command} --help` : 'numbers-csv --help';
  return `Usage: ${lines.join('\n       ')}\nMore: ${more}\n`;
}

export function isCommandName(value: string): value is CommandName {
  return Object.hasOwn(SYNOPSIS, value);
}
