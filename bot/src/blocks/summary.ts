import { OPERATIONS, type Issue, type Operation, type OperationCounts, type Plan } from '@numbers-csv/shared';
import { COMMAND } from './command.js';
import { ACTION_IDS, BLOCK_IDS, LIMITS, context, divider, fields, header, message, section, type ActionsBlock, type Button, type KnownBlock, type Message } from './kit.js';
import { changeCount, changeLine, effectCounts, failLine, isChange } from './plan-lines.js';
import { boundedLines, escapeMrkdwn, groupList, issueText, literal, mention, plural, slackDate, truncate } from './text.js';

/** Errors and rows listed in a summary; the rest are counted, and the errors are in the annotated CSV. */
export const LISTED = 10;

export interface SummaryInput {
  batchId: string;
  fileName: string;
  /** The numbers API's base URL: where an approval sends the batch. */
  environment: string;
  /** Slack user id of whoever shared the file. */
  submitter: string;
  /** Data rows (blank ones not counted). */
  rows: number;
  counts: OperationCounts;
  limits: Readonly<Record<Operation, number>>;
  /** Every error, in file order; the first ten are shown. */
  errors: readonly Issue[];
  warningsCount: number;
  /** The plan against live data; absent when it could not be made. */
  plan?: Plan;
  /** Why there is no plan (the export could not be read, say), shown in its place. */
  planUnavailable?: string;
  groups: readonly string[];
  /** Who may approve, as `Owners.describe` writes it (mrkdwn with mentions). */
  approvers: string;
  expiresAt: Date;
  /** False when the bot itself cannot offer an approval (no plan, say); errors withhold it anyway. */
  approvable: boolean;
  /** Whether the submitter may approve their own batch (ALLOW_SELF_APPROVAL); default false. */
  allowSelfApproval?: boolean;
}

/**
 * Whether the summary offers Approve: not for a file with errors, nor for one the platform would
 * refuse whole, nor when the caller says it cannot be approved.
 */
export function approveOffered(input: Pick<SummaryInput, 'approvable' | 'errors' | 'plan'>): boolean {
  return input.approvable && input.errors.length === 0 && (input.plan?.blocked.length ?? 0) === 0;
}

/** Rows an approval changes: by the plan, or every row when there is none. */
export function changesToApply(input: Pick<SummaryInput, 'plan' | 'rows'>): number {
  return input.plan ? changeCount(input.plan) : input.rows;
}

/**
 * The summary posted in the file's thread. Buttons: Approve, Reject and Cancel when it can be
 * approved; Cancel alone when not: an approver has nothing to judge in a file with errors, and the
 * submitter fixes it and shares it again (or it expires).
 */
export function summaryMessage(input: SummaryInput): Message {
  const offered = approveOffered(input);
  const blocks: KnownBlock[] = [...summaryBody(input), context([actionsNote(input, offered)], BLOCK_IDS.actionsNote), actions(input, offered)];
  return message(fallback(input, offered), blocks);
}

/** The summary without its buttons and their note: what a decision keeps. */
export function summaryBody(input: SummaryInput): KnownBlock[] {
  return [
    header(`Batch ${input.fileName}`),
    fields([
      ['File', literal(input.fileName, 200)],
      ['Environment', escapeMrkdwn(truncate(input.environment, 500))],
      ['Submitted by', mention(input.submitter)],
      ['Rows', `${plural(input.rows, 'row')}${input.warningsCount > 0 ? ` · ${plural(input.warningsCount, 'warning')}` : ''}`],
      ['Groups', groupList(input.groups)],
    ]),
    section(countsText(input)),
    ...(input.errors.length > 0 ? [section(errorsText(input.errors))] : []),
    divider(),
    ...planBlocks(input),
    divider(),
    section(`*Who may approve* (an OWNER of every group the batch touches)\n${input.approvers}`),
    context([`Batch \`${input.batchId}\` · \`${COMMAND} status ${input.batchId}\` shows where it is`]),
  ];
}

function countsText(input: SummaryInput): string {
  const used = OPERATIONS.filter((operation) => input.counts[operation] > 0);
  if (used.length === 0) return '*Operations*: no row names a known operation';
  const parts = used.map((operation) => {
    const over = input.counts[operation] > input.limits[operation];
    return `${operation} ${input.counts[operation].toLocaleString('en-US')} / ${input.limits[operation].toLocaleString('en-US')}${over ? ' :warning: over the limit' : ''}`;
  });
  return `*Operations* (rows / limit): ${parts.join(' · ')}`;
}

function errorsText(errors: readonly Issue[]): string {
  const where = errors.length > LISTED ? `the first ${LISTED} below; the full list is in the attached annotated CSV` : 'also marked in the attached annotated CSV';
  const heading = `:x: *${plural(errors.length, 'error')}* (${where})`;
  const lines = errors.map((issue) => `• ${escapeMrkdwn(issueText(issue))}`);
  return `${heading}\n${boundedLines(lines, { maxChars: LIMITS.sectionText - heading.length - 1, maxLines: LISTED, noun: 'errors, in the annotated CSV' })}`;
}

function planBlocks(input: SummaryInput): KnownBlock[] {
  const plan = input.plan;
  if (!plan) return [section(`*Plan*: not available${input.planUnavailable ? `: ${escapeMrkdwn(input.planUnavailable)}` : ''}. Approving sends all ${plural(input.rows, 'row')} as they are.`)];
  const blocks: KnownBlock[] = [section(`*What it will do* against live data: ${effectCounts(plan)}`)];
  if (plan.blocked.length > 0) {
    const heading = ':no_entry: *The platform would refuse the whole file:*';
    const lines = plan.blocked.map((issue) => `• ${escapeMrkdwn(issueText(issue))}`);
    blocks.push(section(`${heading}\n${boundedLines(lines, { maxChars: LIMITS.sectionText - heading.length - 1, maxLines: LISTED, noun: 'reasons' })}`));
    return blocks;
  }
  const changing = plan.rows.filter((row) => isChange(row.effect));
  if (changing.length > 0) blocks.push(listSection(`*Changes*${changing.length > LISTED ? ` (the first ${LISTED})` : ''}`, changing.map(changeLine), 'rows with changes'));
  const failing = plan.rows.filter((row) => row.effect === 'fail');
  if (failing.length > 0) blocks.push(listSection(`:warning: *${plural(failing.length, 'row')} will fail*`, failing.map(failLine), 'failing rows'));
  return blocks;
}

function listSection(heading: string, lines: readonly string[], noun: string): KnownBlock {
  return section(`${heading}\n${boundedLines(lines, { maxChars: LIMITS.sectionText - heading.length - 1, maxLines: LISTED, noun })}`);
}

function actionsNote(input: SummaryInput, offered: boolean): string {
  const cancel = `Only ${mention(input.submitter)}, who shared the file, can cancel it.`;
  if (!offered) {
    const why = input.errors.length > 0 || (input.plan?.blocked.length ?? 0) > 0 ? 'Fix the errors and share the file again.' : 'It cannot be approved as it is.';
    return `${why} ${cancel}`;
  }
  const self = input.allowSelfApproval ? '' : ` ${mention(input.submitter)} cannot approve their own batch.`;
  return `Waiting for an approval until ${slackDate(input.expiresAt)}.${self} ${cancel}`;
}

function actions(input: SummaryInput, offered: boolean): ActionsBlock {
  const cancel: Button = { type: 'button', action_id: ACTION_IDS.cancel, text: { type: 'plain_text', text: 'Cancel' }, value: input.batchId };
  if (!offered) return { type: 'actions', block_id: BLOCK_IDS.actions, elements: [cancel] };
  return { type: 'actions', block_id: BLOCK_IDS.actions, elements: [approveButton(input), rejectButton(input.batchId), cancel] };
}

/** Approve, with a dialog that says how many changes go where: the last look before it is applied. */
export function approveButton(input: Pick<SummaryInput, 'batchId' | 'environment' | 'plan' | 'rows'>): Button {
  return {
    type: 'button',
    action_id: ACTION_IDS.approve,
    text: { type: 'plain_text', text: 'Approve' },
    style: 'primary',
    value: input.batchId,
    confirm: {
      title: { type: 'plain_text', text: 'Apply this batch?' },
      text: { type: 'plain_text', text: confirmText(input) },
      confirm: { type: 'plain_text', text: 'Apply' },
      deny: { type: 'plain_text', text: 'Not yet' },
    },
  };
}

/** `Apply 12 changes to https://…/integrations? 2 rows will fail.` Plain text, at most 300 characters. */
export function confirmText(input: Pick<SummaryInput, 'environment' | 'plan' | 'rows'>): string {
  const changes = changesToApply(input);
  const failing = input.plan?.summary.effects.fail ?? 0;
  const unknown = input.plan?.summary.effects.unknown ?? 0;
  const after = [failing > 0 ? `${plural(failing, 'row')} will fail.` : '', unknown > 0 ? `${plural(unknown, 'row')} could not be checked.` : ''].filter(Boolean).join(' ');
  const fixed = `Apply ${plural(changes, 'change')} to ? ${after}`.trimEnd();
  const environment = truncate(input.environment, LIMITS.confirmText - fixed.length);
  return truncate(`Apply ${plural(changes, 'change')} to ${environment}?${after ? ` ${after}` : ''}`, LIMITS.confirmText);
}

export function rejectButton(batchId: string): Button {
  return { type: 'button', action_id: ACTION_IDS.reject, text: { type: 'plain_text', text: 'Reject' }, style: 'danger', value: batchId };
}

function fallback(input: SummaryInput, offered: boolean): string {
  const errors = input.errors.length > 0 ? `, ${plural(input.errors.length, 'error')}` : '';
  const state = offered ? `waiting for an OWNER of ${input.groups.join(', ') || 'its groups'} to approve` : 'cannot be approved as it is';
  return `Batch ${input.fileName}: ${plural(input.rows, 'row')}${errors}; ${state}.`;
}
