import type { ApplyResponse, InvalidFileReason, Outcome, Reconciliation } from '@numbers-csv/shared';
import { LIMITS, context, message, section, type KnownBlock, type Message } from './kit.js';
import { boundedLines, escapeMrkdwn, literal, mention, plural, truncate } from './text.js';

/** Rows listed in a result; the rest are counted (and attached as a CSV). */
export const LISTED = 10;

export interface ApplyResultInput {
  environment: string;
  /** The platform's answer to the apply. */
  response: ApplyResponse;
  /** Who approved it, when known. */
  approvedBy?: string;
  /** Whether a CSV of the failed rows is attached in the thread (see `failedRowsCsv`). */
  failedCsvAttached: boolean;
}

/** The thread reply once the platform has answered: how many rows succeeded, which failed and why. */
export function applyResultMessage(input: ApplyResultInput): Message {
  const { ok, failed } = input.response.summary;
  const failures = input.response.results.filter((result) => result.status === 'FAILED');
  const icon = failed === 0 ? ':white_check_mark:' : ok === 0 ? ':x:' : ':large_orange_circle:';
  const by = input.approvedBy ? ` (approved by ${mention(input.approvedBy)})` : '';
  const headline = `${icon} *Applied to ${escapeMrkdwn(truncate(input.environment, 500))}*${by}: ${plural(ok, 'row')} succeeded, ${plural(failed, 'row')} failed.`;
  const blocks: KnownBlock[] = [section(headline)];
  if (failures.length > 0) {
    const heading = `*Failed rows*${failures.length > LISTED ? ` (the first ${LISTED})` : ''}`;
    const lines = failures.map((result) => `• row ${result.row} ${literal(result.number || '(no number)')} (${escapeMrkdwn(result.operation)}): ${escapeMrkdwn(result.message)}`);
    blocks.push(section(`${heading}\n${boundedLines(lines, { maxChars: LIMITS.sectionText - heading.length - 1, maxLines: LISTED, noun: 'failed rows' })}`));
    if (input.failedCsvAttached) blocks.push(context(['The failed rows are attached as a CSV, with the reason in its last column: fix them and share the file again.']));
  }
  return message(`Applied: ${ok} succeeded, ${failed} failed.`, blocks);
}

export interface ApplyRefusedInput {
  environment: string;
  /** The client's error message: what the platform refused, or why the request never ran. */
  message: string;
  /** Per-row reasons of an `invalid_file` refusal. */
  reasons?: readonly InvalidFileReason[];
}

/** The thread reply when the platform refused the batch, or it never reached it: nothing was applied. */
export function applyRefusedMessage(input: ApplyRefusedInput): Message {
  const headline = `:x: *Nothing was applied to ${escapeMrkdwn(truncate(input.environment, 500))}*: ${escapeMrkdwn(truncate(input.message, 1000))}`;
  const blocks: KnownBlock[] = [section(headline)];
  const reasons = input.reasons ?? [];
  if (reasons.length > 0) {
    const lines = reasons.map((reason) => `• ${reason.row !== undefined ? `row ${reason.row}` : 'file'}${reason.column ? `, ${escapeMrkdwn(reason.column)}` : ''}: ${escapeMrkdwn(reason.message)}`);
    blocks.push(section(boundedLines(lines, { maxChars: LIMITS.sectionText, maxLines: LISTED, noun: 'reasons' })));
  }
  return message(`Nothing was applied: ${truncate(input.message, 500)}`, blocks);
}

const OUTCOME_WORDS: Readonly<Record<Outcome, string>> = { applied: 'applied', 'not-applied': 'not applied', unclear: 'unclear' };

export interface ReconciliationInput {
  environment: string;
  reconciliation: Reconciliation;
  /** Why the outcome had to be found out: `restart` (the bot stopped while applying) or a lost answer. */
  cause: 'restart' | 'lost-answer';
}

/**
 * The thread reply after an apply whose outcome was unknown: what the live data shows, row by row.
 * Rows not applied or unclear are listed first, as they are the ones someone must act on.
 */
export function reconciliationMessage(input: ReconciliationInput): Message {
  const { summary, rows } = input.reconciliation;
  const cause = input.cause === 'restart' ? 'The bot stopped while applying this batch' : 'The answer to the apply was lost';
  const headline = `:mag: *${cause}*, so it read the live data from ${escapeMrkdwn(truncate(input.environment, 500))} instead of sending the batch again: ${plural(summary.applied, 'row')} applied, ${plural(summary['not-applied'], 'row')} not applied, ${plural(summary.unclear, 'row')} unclear.`;
  const blocks: KnownBlock[] = [section(headline)];
  const order: Outcome[] = ['not-applied', 'unclear', 'applied'];
  const listed = [...rows].sort((a, b) => order.indexOf(a.outcome) - order.indexOf(b.outcome) || a.row - b.row);
  if (listed.length > 0) {
    const lines = listed.map((row) => `• row ${row.row} ${literal(row.number || '(no number)')}: *${OUTCOME_WORDS[row.outcome]}*: ${escapeMrkdwn(row.detail)}`);
    blocks.push(section(boundedLines(lines, { maxChars: LIMITS.sectionText, maxLines: LISTED, noun: 'rows' })));
  }
  const advice: string[] = [];
  if (summary['not-applied'] > 0) advice.push('Rows not applied can be shared again in a new file.');
  if (summary.unclear > 0) advice.push('Check the unclear rows in the platform before doing anything else with them.');
  if (advice.length > 0) blocks.push(context([advice.join(' ')]));
  return message(`Checked against live data: ${summary.applied} applied, ${summary['not-applied']} not applied, ${summary.unclear} unclear.`, blocks);
}
