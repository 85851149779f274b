import type { Batch, BatchState, Json, Transition } from '../store/types.js';
import { context, message, section, type KnownBlock, type Message } from './kit.js';
import { boundedLines, escapeMrkdwn, groupList, literal, mention, plural, slackDate, truncate } from './text.js';

/** The slash command as the manifest registers it. */
export const COMMAND = '/numbers';

/** History entries and batches listed; the rest are counted. */
export const LISTED = 20;

export const STATE_WORDS: Readonly<Record<BatchState, string>> = {
  pending: 'waiting for an approval',
  applying: 'being applied',
  applied: 'applied',
  'partially-applied': 'partially applied',
  failed: 'failed',
  'outcome-unknown': 'outcome unknown',
  rejected: 'rejected',
  cancelled: 'cancelled',
  expired: 'expired',
};

export function helpMessage(command = COMMAND): Message {
  const lines = [
    `*${command}*: bulk phone-number changes, written as CSV, approved in Slack`,
    '• Share a `.csv` file in a channel with the bot (or in a direct message): it checks the file, plans it against live data and posts a summary in a thread, with Approve, Reject and Cancel.',
    '• An OWNER of every group the batch touches approves it (not whoever shared it); it is then applied once, and the result is posted in the thread.',
    `• \`${command} status <batch>\`: where a batch is, and everything that happened to it`,
    `• \`${command} pending\`: batches waiting for your approval`,
    `• \`${command} export [group]\`: the live numbers as a CSV file (of one group)`,
    `• \`${command} help\`: this text`,
  ];
  return message(`${command} help: share a CSV to start a batch; ${command} status <batch>, ${command} pending, ${command} export [group].`, [section(lines.join('\n'))]);
}

/** `/numbers status <batch>`: the batch, and its audit history (the latest entries when it is long). */
export function statusMessage(batch: Batch, history: readonly Transition[]): Message {
  const facts = [
    `*Batch* ${literal(batch.fileName, 200)} (\`${batch.id}\`): *${STATE_WORDS[batch.state]}*`,
    `Shared by ${mention(batch.submitter)} in <#${batch.channel}> ${slackDate(batch.createdAt)}`,
    `Environment: ${escapeMrkdwn(truncate(batch.environment, 500))}`,
    `Groups: ${groupList(batch.groups)}`,
    batch.state === 'pending' ? `Expires ${slackDate(batch.expiresAt)}` : batch.decidedBy ? `Decided by ${mention(batch.decidedBy)}${batch.decidedAt ? ` ${slackDate(batch.decidedAt)}` : ''}` : '',
  ].filter(Boolean);
  const blocks: KnownBlock[] = [section(facts.join('\n'))];
  if (history.length > 0) {
    const shown = history.slice(-LISTED);
    const earlier = history.length - shown.length;
    const lines = shown.map(historyLine);
    const heading = `*History*${earlier > 0 ? ` (the latest ${shown.length}; ${earlier} earlier not shown)` : ''}`;
    blocks.push(section(`${heading}\n${boundedLines(lines, { maxChars: 3000 - heading.length - 1, noun: 'entries' })}`));
  }
  return message(`Batch ${batch.fileName}: ${STATE_WORDS[batch.state]}.`, blocks);
}

function historyLine(transition: Transition): string {
  const actor = transition.actor === 'bot' ? 'the bot' : mention(transition.actor);
  const from = transition.from === null ? 'created' : `${STATE_WORDS[transition.from]} →`;
  const detail = detailText(transition.detail);
  return `• ${slackDate(transition.at)}: ${from} *${STATE_WORDS[transition.to]}*, by ${actor}${detail ? `: ${detail}` : ''}`;
}

/** An audit record's detail, briefly: its `reason` when it has one, else its JSON. */
function detailText(detail: Json): string {
  if (detail === null) return '';
  if (typeof detail === 'object' && !Array.isArray(detail) && typeof detail.reason === 'string') return `“${escapeMrkdwn(truncate(detail.reason, 200))}”`;
  if (typeof detail === 'string') return escapeMrkdwn(truncate(detail, 200));
  return `\`${escapeMrkdwn(truncate(JSON.stringify(detail), 200).replaceAll('`', "'"))}\``;
}

/** `/numbers pending`: the batches waiting for this user's approval (the caller picks them). */
export function pendingMessage(input: { batches: readonly Batch[]; command?: string }): Message {
  const command = input.command ?? COMMAND;
  if (input.batches.length === 0) return message('No batch is waiting for your approval.', [section('No batch is waiting for your approval.')]);
  const lines = input.batches.map(
    (batch) => `• ${literal(batch.fileName, 100)} from ${mention(batch.submitter)} in <#${batch.channel}>, groups ${groupList(batch.groups)}, expires ${slackDate(batch.expiresAt)}: \`${command} status ${batch.id}\``,
  );
  const heading = `*${input.batches.length === 1 ? '1 batch is' : `${input.batches.length} batches are`} waiting for your approval*`;
  return message(`${plural(input.batches.length, 'batch', 'batches')} waiting for your approval.`, [
    section(`${heading}\n${boundedLines(lines, { maxChars: 3000 - heading.length - 1, maxLines: LISTED, noun: 'batches' })}`),
    context(['Open the batch’s thread to see its summary and approve it there.']),
  ]);
}

export function unknownSubcommandMessage(input: { text: string; command?: string }): Message {
  const command = input.command ?? COMMAND;
  const word = input.text.trim().split(/\s+/)[0] ?? '';
  const what = word === '' ? 'needs a subcommand' : `has no subcommand ${literal(word, 40)}`;
  return message(`${command} ${word ? `has no subcommand "${truncate(word, 40)}"` : 'needs a subcommand'}; try ${command} help.`, [
    section(`${command} ${what}. Try \`${command} help\`, \`${command} status <batch>\`, \`${command} pending\` or \`${command} export [group]\`.`),
  ]);
}

/** `status` without a batch id. */
export function statusUsageMessage(command = COMMAND): Message {
  return message(`${command} status needs a batch id.`, [section(`\`${command} status\` needs a batch id: \`${command} status <batch>\`. \`${command} pending\` lists the batches waiting for you, with their ids.`)]);
}

export function unknownBatchMessage(input: { batchId: string; command?: string }): Message {
  const command = input.command ?? COMMAND;
  return message(`No batch ${truncate(input.batchId, 80)}.`, [
    section(`There is no batch ${literal(input.batchId, 80)}. Each summary shows its batch id at the bottom, and \`${command} pending\` lists the ones waiting for you; check for a typo.`),
  ]);
}
