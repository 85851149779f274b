import { DEFAULT_CONFIG_FILE } from './config.js';

export type CommandName = 'check' | 'fix' | 'split' | 'export' | 'plan' | 'apply' | 'sandbox';

const SYNOPSIS: Record<CommandName, string> = {
  check: 'numbers-csv check <file...|dir|-> [--format text|json|sarif] [--config <file>]',
  fix: 'numbers-csv fix <file|-> [--write] [--config <file>]',
  split: 'numbers-csv split <file> --out-dir <dir> [--allow-delete-split] [--config <file>]',
  export: 'numbers-csv export [--out <file>] [connection options]',
  plan: 'numbers-csv plan <file> [--owner-of <groups>] [--config <file>] [connection options]',
  apply: 'numbers-csv apply <file> [--yes] [--owner-of <groups>] [--config <file>] [connection options]',
  sandbox: 'numbers-csv sandbox [--port <n>] [--seed <file>] [--state <file>] [--empty]',
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
  export: `Downloads every number you can see from the numbers API, as CSV.
  (default)        to standard output
  --out <file>     to a file, written whole or not at all`,
  plan: `Shows what each row of a file will do against the live numbers (the export is read, and
only the numbers the file names are kept): created, updated (each field before -> after),
attached, detached, deleted, no change, or why it will fail. Exit 1 if any row will fail.
  --owner-of <groups>  the groups you are OWNER of, comma-separated: rows in other groups are
                       reported (group-not-owned) before the platform refuses the file`,
  apply: `Applies a file through the numbers API: checks it, shows the plan, asks to go on, uploads it
once, and prints each row's result. Failed rows are written to <name>.failed.csv next to the file.
Exit 1 if any row failed or the file was refused. If the platform does not answer after the
upload, the file is NOT sent again: the export is read again to find out which rows took effect.
  --yes                apply without asking (for scripts; the plan is still printed)
  --owner-of <groups>  as for plan`,
  sandbox: `Runs a local numbers API (see docs/numbers-api.md) until Ctrl+C, and prints how to point
the other commands at it. Tokens: sandbox-owner, sandbox-owner-ocp, sandbox-viewer.
  --port <n>       the port (default: a free one)
  --seed <file>    export-shaped CSV to start from (default: examples/export.csv)
  --empty          start with no numbers
  --state <file>   keep the state in this JSON file, so that it survives restarts`,
};

const CONNECTION = `Connection options (export, plan, apply); secrets come from the environment only:
  --base-url <url>     or NUMBERS_API_BASE_URL, e.g. https://<env host>/integrations
  NUMBERS_API_TOKEN    a personal access token; or log in with OpenID Connect:
  --token-url <url>    or NUMBERS_API_OIDC_TOKEN_URL, {host}/auth/realms/{realm}/protocol/openid-connect/token
  --username <name>    or NUMBERS_API_USERNAME, with NUMBERS_API_PASSWORD (and NUMBERS_API_TOTP when
                       two-factor authentication is on)`;

const COMMON = `Options for every command:
  --config <file>  settings (limits, providers, ...); default ./${DEFAULT_CONFIG_FILE} when present
  -h, --help       this help

Exit status: 0 no errors, 1 errors in a file (a split or an apply refused, a row that failed or will fail),
2 usage, config, connection or I/O problem.`;

export function fullUsage(): string {
  const commands = (Object.keys(SYNOPSIS) as CommandName[]).map((name) => `  ${SYNOPSIS[name]}`).join('\n');
  const details = (Object.keys(DETAILS) as CommandName[]).map((name) => `${name}: ${DETAILS[name]}`).join('\n\n');
  return `Usage:\n${commands}\n  numbers-csv --version\n\n${details}\n\n${CONNECTION}\n\n${COMMON}\n`;
}

const NEEDS_CONNECTION: readonly CommandName[] = ['export', 'plan', 'apply'];

export function commandUsage(command: CommandName): string {
  const connection = NEEDS_CONNECTION.includes(command) ? `${CONNECTION}\n\n` : '';
  return `Usage: ${SYNOPSIS[command]}\n\n${DETAILS[command]}\n\n${connection}${COMMON}\n`;
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
