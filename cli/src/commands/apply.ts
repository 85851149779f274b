import { basename, dirname, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { OutcomeUnknownError, reconcile, rowsAsBatch, type ApplyOutcome, type NumbersApiClient, type Plan } from '@numbers-csv/shared';
import { apiClient, apiFailure, batchSnapshot, describeApiError, isRefusal } from '../api.js';
import { COMMON_OPTIONS, parsingArgs } from '../args.js';
import { loadSettings } from '../config.js';
import { CONNECTION_OPTIONS, readConnection } from '../connection.js';
import { CliError, UsageError } from '../errors.js';
import { ansi, plain, type Paint } from '../format/colour.js';
import { formatPlan, formatReconciliation, formatResults } from '../format/plan.js';
import { issueLines, plural } from '../format/text.js';
import { singleInput, type Input } from '../inputs.js';
import { wantsColour, type Io } from '../io.js';
import { PLANNING_OPTIONS, planFile } from '../planning.js';
import { locate } from '../positions.js';
import { commandUsage } from '../usage.js';
import { writeFilesTogether } from '../write.js';

export async function applyCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parsingArgs('apply', () =>
    parseArgs({ args, options: { ...COMMON_OPTIONS, ...CONNECTION_OPTIONS, ...PLANNING_OPTIONS, yes: { type: 'boolean', short: 'y' } }, allowPositionals: true, strict: true }),
  );
  if (values.help) {
    io.stdout.write(commandUsage('apply'));
    return 0;
  }
  const input = await singleInput(positionals, io, 'apply');
  // The failed rows are written next to the file; standard input has no "next to".
  if (input.kind === 'stdin') throw new UsageError('apply needs a file, not standard input', 'apply');
  const settings = await loadSettings(values.config, io.cwd);
  const connection = readConnection(values, io);
  const client = apiClient(connection);
  const paint = wantsColour(io) ? ansi : plain;
  try {
    const { text, plan, warnings } = await planFile(input, io, settings, client, values['owner-of']);
    io.stdout.write(`${input.label}: what each row will do, against the numbers at ${connection.baseUrl}\n\n${formatPlan(plan, paint)}`);
    if (warnings.length > 0) io.stdout.write(`\n${issueLines(input.label, warnings, locate, paint)}`);
    if (plan.blocked.length > 0) {
      io.stderr.write(`${input.label}: not applied: the platform would refuse the whole file. Fix the errors above (numbers-csv check shows them all).\n`);
      return 1;
    }
    if (!(await confirmed(plan, values.yes === true, connection.baseUrl, io))) {
      io.stderr.write(`${input.label}: not applied.\n`);
      return 1;
    }
    io.stderr.write(`Uploading ${input.label} (${plural(plan.rows.length, 'row')}); the platform runs every row before it answers...\n`);
    let outcome: ApplyOutcome;
    try {
      outcome = await client.applyCsv(text, { filename: basename(input.label) });
    } catch (error) {
      if (error instanceof OutcomeUnknownError) return await reconcileUnknown(error, plan, text, client, input, io, paint);
      if (!isRefusal(error)) return apiFailure('apply')(error);
      // The file is what to change: an exit of 1, like a file with errors.
      io.stderr.write(`${input.label}: refused by the platform; no row ran.\n${describeApiError('apply', error).map((line) => `${line}\n`).join('')}`);
      return 1;
    }
    if (outcome.kind === 'unexpected-answer') {
      io.stdout.write(`\nThe platform answered ${outcome.status}, but not in the shape we know:\n${outcome.body}${outcome.truncated ? '\n(cut short)' : ''}\n`);
      return await reconcileUnknown(undefined, plan, text, client, input, io, paint);
    }
    const { results, summary } = outcome.response;
    io.stdout.write(`\n${formatResults(results, paint)}\n${summary.ok} OK, ${summary.failed} failed.\n`);
    const failed = results.filter((result) => result.status === 'FAILED').map((result) => result.row);
    if (failed.length === 0) return 0;
    await writeFailedRows(input, text, failed, 'failed', io);
    return 1;
  } finally {
    await client.close();
  }
}

async function confirmed(plan: Plan, yes: boolean, baseUrl: string, io: Io): Promise<boolean> {
  if (yes) return true;
  const failing = plan.summary.failingRows.length;
  const question = `\nApply ${plural(plan.rows.length - failing, 'row')} to ${baseUrl}${failing > 0 ? ` (${failing} more will fail)` : ''}? Type yes to go on: `;
  const answer = await io.ask(question);
  if (answer === undefined) throw new CliError('not applied: there is no terminal to confirm on; add --yes to apply without asking');
  return /^y(es)?$/i.test(answer.trim());
}

/**
 * The upload may have run: never send it again. A fresh export says which rows took effect; the rows
 * that did not go to a file of their own, to be looked at and applied again.
 */
async function reconcileUnknown(error: OutcomeUnknownError | undefined, plan: Plan, text: string, client: NumbersApiClient, input: Input, io: Io, paint: Paint): Promise<number> {
  if (error) io.stderr.write(`\n${error.message}\n`);
  io.stderr.write('Reading the export again to find out which rows took effect...\n');
  const after = await batchSnapshot(client, text);
  const reconciliation = reconcile(plan, after);
  io.stdout.write(`\n${formatReconciliation(reconciliation, paint)}`);
  const notApplied = reconciliation.rows.filter((row) => row.outcome === 'not-applied').map((row) => row.row);
  if (notApplied.length > 0) await writeFailedRows(input, text, notApplied, 'not-applied', io);
  if (reconciliation.summary.unclear > 0) io.stderr.write('Check the unclear rows in the export before applying anything again.\n');
  return 1;
}

async function writeFailedRows(input: Input, text: string, rows: readonly number[], what: 'failed' | 'not-applied', io: Io): Promise<void> {
  if (input.kind !== 'file') return;
  const extension = extname(input.label);
  const name = `${basename(input.label, extension)}.${what}${extension || '.csv'}`;
  const label = input.label.slice(0, input.label.length - basename(input.label).length) + name;
  try {
    await writeFilesTogether(dirname(input.path), dirname(input.label), [{ name, text: rowsAsBatch(text, rows) }]);
  } catch (error) {
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return;
  }
  io.stderr.write(`${label}: the ${plural(rows.length, 'row')} that ${what === 'failed' ? 'failed' : 'did not take effect'}, to fix and apply again\n`);
}
