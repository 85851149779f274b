import type { BatchState } from '../store/types.js';
import { BLOCK_IDS, message, section, type KnownBlock, type Message } from './kit.js';
import { summaryBody, type SummaryInput } from './summary.js';
import { escapeMrkdwn, mention, plural, slackDate, truncate, utcText } from './text.js';

/** What became of a batch, as its summary shows it once decided. `by` and `at`: who decided, when. */
export type Decision =
  | { state: 'applying'; by: string; at: Date }
  | { state: 'applied'; by: string; at: Date; succeeded: number }
  | { state: 'partially-applied'; by: string; at: Date; succeeded: number; failed: number }
  /** Every row failed (`failed` of them), or the platform refused the file (`reason`). */
  | { state: 'failed'; by: string; at: Date; failed?: number; reason?: string }
  | { state: 'outcome-unknown'; by: string; at: Date; reason?: string }
  | { state: 'rejected'; by: string; at: Date; reason: string }
  | { state: 'cancelled'; by: string; at: Date }
  | { state: 'expired'; at: Date };

// Every state but `pending` has its wording: a state added to the store fails to compile here until it has one.
type Unworded = Exclude<Exclude<BatchState, 'pending'>, Decision['state']>;
const EVERY_STATE_WORDED: [Unworded] extends [never] ? true : false = true;

/**
 * The summary, updated after a decision: the same content without the buttons, and a line saying what
 * was decided. `summary` is the summary's input, or the blocks of the message as Slack sent them with
 * the click: the buttons and any earlier decision are taken out by their block ids.
 */
export function decisionMessage(summary: SummaryInput | readonly KnownBlock[], decision: Decision): Message {
  const body = isBlocks(summary) ? summary.filter((block) => !isDecisionPart(block)) : summaryBody(summary);
  const name = isBlocks(summary) ? undefined : summary.fileName;
  return message(`${name ? `Batch ${name}: ` : ''}${decisionFallback(decision)}`, [...body, section(decisionText(decision), BLOCK_IDS.decision)]);
}

function isBlocks(summary: SummaryInput | readonly KnownBlock[]): summary is readonly KnownBlock[] {
  return Array.isArray(summary);
}

const REMOVED: ReadonlySet<string> = new Set([BLOCK_IDS.actions, BLOCK_IDS.actionsNote, BLOCK_IDS.decision]);

function isDecisionPart(block: KnownBlock): boolean {
  // Slack gives blocks without an id one of its own; ours keep theirs.
  return 'block_id' in block && typeof block.block_id === 'string' && REMOVED.has(block.block_id);
}

/** The decision in mrkdwn, with Slack dates and mentions. */
export function decisionText(decision: Decision): string {
  const when = slackDate(decision.at);
  switch (decision.state) {
    case 'applying':
      return `:hourglass_flowing_sand: Approved by ${mention(decision.by)} ${when}; applying now.`;
    case 'applied':
      return `:white_check_mark: Approved by ${mention(decision.by)} ${when}. *Applied*: ${plural(decision.succeeded, 'row')} succeeded.`;
    case 'partially-applied':
      return `:large_orange_circle: Approved by ${mention(decision.by)} ${when}. *Partially applied*: ${plural(decision.succeeded, 'row')} succeeded, ${plural(decision.failed, 'row')} failed (see the thread).`;
    case 'failed':
      return `:x: Approved by ${mention(decision.by)} ${when}. *Failed*: ${failure(decision)}`;
    case 'outcome-unknown':
      return `:grey_question: Approved by ${mention(decision.by)} ${when}. *Outcome unknown*${decision.reason ? `: ${escapeMrkdwn(truncate(decision.reason, 500))}` : ''}. The bot checks the live data rather than sending it again, and reports in the thread.`;
    case 'rejected':
      return `:no_entry_sign: *Rejected* by ${mention(decision.by)} ${when}: “${escapeMrkdwn(truncate(decision.reason, 1500))}”`;
    case 'cancelled':
      return `:heavy_multiplication_x: *Cancelled* by ${mention(decision.by)} ${when}.`;
    case 'expired':
      return `:hourglass: *Expired* ${when} without an approval. Share the file again to start over.`;
  }
}

function failure(decision: Extract<Decision, { state: 'failed' }>): string {
  const parts = [decision.failed !== undefined ? `${plural(decision.failed, 'row')} failed` : '', decision.reason ? escapeMrkdwn(truncate(decision.reason, 1500)) : ''].filter(Boolean);
  return `${parts.join('; ') || 'nothing was applied'} (see the thread).`;
}

/** For notifications, where mentions and dates are not rendered. */
function decisionFallback(decision: Decision): string {
  const when = utcText(decision.at);
  switch (decision.state) {
    case 'applying':
      return `approved ${when}, applying`;
    case 'applied':
      return `applied: ${plural(decision.succeeded, 'row')} succeeded`;
    case 'partially-applied':
      return `partially applied: ${decision.succeeded} succeeded, ${decision.failed} failed`;
    case 'failed':
      return `failed${decision.failed !== undefined ? `: ${plural(decision.failed, 'row')} failed` : ''}`;
    case 'outcome-unknown':
      return 'outcome unknown, checking the live data';
    case 'rejected':
      return `rejected ${when}: ${truncate(decision.reason, 200)}`;
    case 'cancelled':
      return `cancelled ${when}`;
    case 'expired':
      return `expired ${when}`;
  }
}
