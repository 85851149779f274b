import type { types } from '@slack/bolt';
import { escapeMrkdwn, truncate } from './text.js';

/*
 * Block Kit building blocks and Slack's limits. The types come through @slack/bolt, the bot's own
 * dependency, rather than @slack/types, which only happens to be installed beside it.
 */

export type KnownBlock = types.KnownBlock;
export type View = types.View;
export type ModalView = types.ModalView;
export type Button = types.Button;
export type SectionBlock = types.SectionBlock;
export type ContextBlock = types.ContextBlock;
export type ActionsBlock = types.ActionsBlock;

/** A message as `chat.postMessage`, `chat.update` and `chat.postEphemeral` take it. */
export interface Message {
  /** What notifications and screen readers show; Slack also shows it where blocks cannot be. */
  text: string;
  blocks: KnownBlock[];
}

/** Slack's limits (docs.slack.dev, Block Kit reference); a message over any of them is refused whole. */
export const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  sectionFieldText: 2000,
  sectionFields: 10,
  headerText: 150,
  contextElements: 10,
  contextText: 3000,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  inputLabel: 2000,
  /**
   * Ours, not Slack's (which cuts at 40,000): the fallback text is what a notification shows, so it
   * says what happened in a sentence or two.
   */
  fallbackText: 3000,
} as const;

/** Action ids of the batch buttons; the listeners register these exact ids. */
export const ACTION_IDS = { approve: 'batch_approve', reject: 'batch_reject', cancel: 'batch_cancel' } as const;

/**
 * Block ids of the parts of a summary that a decision removes: a message updated after a decision
 * keeps everything else, whether rebuilt or taken from the click's payload.
 */
export const BLOCK_IDS = { actions: 'batch_actions', actionsNote: 'batch_actions_note', decision: 'batch_decision', planChangedActions: 'plan_changed_actions' } as const;

export function section(mrkdwn: string, blockId?: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(mrkdwn, LIMITS.sectionText) }, ...(blockId ? { block_id: blockId } : {}) };
}

/** A section of label/value pairs, shown in two columns. */
export function fields(pairs: readonly (readonly [label: string, mrkdwn: string])[]): SectionBlock {
  return {
    type: 'section',
    fields: pairs.slice(0, LIMITS.sectionFields).map(([label, value]) => ({ type: 'mrkdwn', text: truncate(`*${label}*\n${value}`, LIMITS.sectionFieldText) })),
  };
}

export function header(plainText: string): KnownBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncate(plainText, LIMITS.headerText), emoji: true } };
}

export function context(mrkdwn: readonly string[], blockId?: string): ContextBlock {
  return {
    type: 'context',
    elements: mrkdwn.slice(0, LIMITS.contextElements).map((text) => ({ type: 'mrkdwn', text: truncate(text, LIMITS.contextText) })),
    ...(blockId ? { block_id: blockId } : {}),
  };
}

export function divider(): KnownBlock {
  return { type: 'divider' };
}

/**
 * The message, within Slack's limits whatever the content: the fallback text cut to length, and
 * blocks past the fiftieth dropped from the middle, so that the last one (the buttons) stays.
 * The fallback text is plain words, escaped whole: Slack reads markup in it too, and it often holds
 * a file name or a reason someone typed.
 */
export function message(text: string, blocks: readonly KnownBlock[]): Message {
  return { text: truncate(escapeMrkdwn(text), LIMITS.fallbackText), blocks: fitBlocks(blocks) };
}

function fitBlocks(blocks: readonly KnownBlock[]): KnownBlock[] {
  if (blocks.length <= LIMITS.blocks) return [...blocks];
  const last = blocks[blocks.length - 1] as KnownBlock;
  const kept = blocks.slice(0, LIMITS.blocks - 2);
  const dropped = blocks.length - kept.length - 1;
  return [...kept, context([`… and ${dropped} more parts left out (Slack shows at most ${LIMITS.blocks})`]), last];
}
