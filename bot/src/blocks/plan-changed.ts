import type { Plan } from '@numbers-csv/shared';
import { BLOCK_IDS, LIMITS, message, section, type KnownBlock, type Message } from './kit.js';
import type { DigestRow, PlanDifferences } from './plan-digest.js';
import { changesText } from './plan-lines.js';
import { approveButton, changesToApply } from './summary.js';
import { boundedLines, groupList, literal, plural } from './text.js';

/** Rows listed; the rest are counted. */
export const LISTED = 10;

export interface PlanChangedInput {
  batchId: string;
  environment: string;
  /** The plan as it is now: what approving again applies. */
  plan: Plan;
  differences: PlanDifferences;
}

/**
 * Ephemeral, to the approver whose click found the plan changed since the summary: which rows now
 * do something else (before → now), and an Approve button for the plan as it is now. Nothing was applied.
 */
export function planChangedMessage(input: PlanChangedInput): Message {
  const { differences } = input;
  const heading = ':warning: *The plan changed since the summary*: the live data moved on, so nothing was applied. Look at what differs and approve again if it is still right.';
  const blocks: KnownBlock[] = [section(heading)];
  if (differences.rows.length > 0) {
    const title = `*${plural(differences.rows.length, 'row')} differ* (before → now)`;
    const lines = differences.rows.map((difference) => `• row ${difference.row} ${literal(difference.number || '(no number)')}: ${rowText(difference.before)} → ${rowText(difference.after)}`);
    blocks.push(section(`${title}\n${boundedLines(lines, { maxChars: LIMITS.sectionText - title.length - 1, maxLines: LISTED, noun: 'rows' })}`));
  }
  if (differences.groups) {
    blocks.push(section(`*Groups* it touches: ${groupList(differences.groups.before)} → ${groupList(differences.groups.after)}; an approval needs an OWNER of each of the new ones.`));
  }
  blocks.push({ type: 'actions', block_id: BLOCK_IDS.planChangedActions, elements: [approveButton({ batchId: input.batchId, environment: input.environment, plan: input.plan, rows: input.plan.rows.length })] });
  const changes = changesToApply({ plan: input.plan, rows: input.plan.rows.length });
  return message(`The plan changed since the summary (${plural(differences.rows.length, 'row')} differ); approve again to apply ${plural(changes, 'change')}.`, blocks);
}

/** A digest row in words: `update: NOTE \`a\` → \`b\``, `will fail [number-not-found]`, `absent`. */
function rowText(row: DigestRow | undefined): string {
  if (!row) return '_(not in the plan)_';
  const what = changesText({ effect: row.effect, changes: row.changes.map(([column, before, after]) => ({ column, before, after })) });
  const reason = row.reason ? ` [${row.reason}]` : '';
  return row.effect === 'update' || row.effect === 'attach' || row.effect === 'detach' ? `${row.effect} ${what}${reason}` : `${what}${reason}`;
}
