import assert from 'node:assert/strict';
import { DEFAULT_LIMITS, plan, validate, type Plan } from '@numbers-csv/shared';
import type { Button, KnownBlock, Message, View } from '../../../bot/src/blocks/kit.js';
import type { SummaryInput } from '../../../bot/src/blocks/summary.js';
import { liveSnapshot, type ExportRow } from '../../shared/plan/live-fixtures.js';
import { kit } from './built.js';

const { LIMITS } = kit;

export const BATCH_ID = '7d1f3c52-3a6e-4c0b-9f57-2a5b8a0f9e11';
export const ENVIRONMENT = 'https://numbers.example.com/integrations';
export const SUBMITTER = 'U0SUBMIT1';
export const APPROVER = 'U0APPROVE';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every `text` string anywhere in the blocks, in order: what a reader of the message sees. */
export function textsOf(blocks: readonly unknown[]): string[] {
  const found: string[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (isObject(value)) {
      if (typeof value.text === 'string') found.push(value.text);
      for (const [key, inner] of Object.entries(value)) if (key !== 'text' || typeof inner !== 'string') walk(inner);
    }
  };
  walk(blocks);
  return found;
}

/** All that a message shows, as one string. */
export function shown(message: Message): string {
  return textsOf(message.blocks).join('\n');
}

/** What Slack reads as markup: the fallback text and every mrkdwn text (plain text shows as it is). */
export function mrkdwnOf(message: Message): string {
  const found: string[] = [message.text];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (isObject(value)) {
      if (value.type === 'mrkdwn' && typeof value.text === 'string') found.push(value.text);
      Object.values(value).forEach(walk);
    }
  };
  walk(message.blocks);
  return found.join('\n');
}

export function buttonsOf(blocks: readonly KnownBlock[]): Button[] {
  return blocks.flatMap((block) => (block.type === 'actions' ? block.elements.filter((element): element is Button => element.type === 'button') : []));
}

export function button(message: Message, actionId: string): Button | undefined {
  return buttonsOf(message.blocks).find((element) => element.action_id === actionId);
}

function plainLength(value: unknown): number {
  return isObject(value) && typeof value.text === 'string' ? value.text.length : 0;
}

/** Slack's limits on a message (or a view's blocks): a message over any of them is refused whole. */
export function assertWithinLimits(message: Message | { blocks: readonly KnownBlock[] }, maxBlocks: number = LIMITS.blocks): void {
  const { blocks } = message;
  assert.ok(blocks.length <= maxBlocks, `${blocks.length} blocks, at most ${maxBlocks}`);
  if ('text' in message) assert.ok(message.text.length > 0 && message.text.length <= LIMITS.fallbackText, 'fallback text');
  const actionIds = new Set<string>();
  for (const block of blocks) {
    if (block.type === 'section') {
      if (block.text) assert.ok(block.text.text.length <= LIMITS.sectionText, `section of ${block.text.text.length} characters`);
      assert.ok((block.fields ?? []).length <= LIMITS.sectionFields, 'fields');
      for (const field of block.fields ?? []) assert.ok(field.text.length <= LIMITS.sectionFieldText, 'field text');
      assert.ok(block.text !== undefined || (block.fields ?? []).length > 0, 'a section needs text or fields');
    }
    if (block.type === 'header') assert.ok(block.text.text.length <= LIMITS.headerText, 'header');
    if (block.type === 'context') {
      assert.ok(block.elements.length >= 1 && block.elements.length <= LIMITS.contextElements, 'context elements');
      for (const element of block.elements) assert.ok(plainLength(element) <= LIMITS.contextText, 'context text');
    }
    if (block.type === 'actions') {
      assert.ok(block.elements.length >= 1 && block.elements.length <= 25, 'actions elements');
      for (const element of buttonsOf([block])) {
        assert.ok(element.text.text.length <= LIMITS.buttonText, 'button text');
        assert.ok((element.value ?? '').length <= LIMITS.buttonValue, 'button value');
        assert.ok(element.action_id !== undefined && element.action_id.length <= LIMITS.actionId, 'action id');
        assert.ok(!actionIds.has(element.action_id), `action id ${element.action_id} twice in one message`);
        actionIds.add(element.action_id);
        if (element.confirm) {
          assert.ok(plainLength(element.confirm.title) <= LIMITS.confirmTitle, 'confirm title');
          assert.ok(element.confirm.text.text.length <= LIMITS.confirmText, `confirm text of ${element.confirm.text.text.length}`);
          assert.ok(plainLength(element.confirm.confirm) <= LIMITS.confirmButton, 'confirm button');
          assert.ok(plainLength(element.confirm.deny) <= LIMITS.confirmButton, 'deny button');
        }
      }
    }
  }
  const blockIds = blocks.map((block) => ('block_id' in block ? block.block_id : undefined)).filter((id) => id !== undefined);
  assert.equal(new Set(blockIds).size, blockIds.length, 'block ids are unique');
}

export function assertViewWithinLimits(view: View): void {
  if (view.type === 'modal') {
    assert.ok(view.title.text.length <= LIMITS.modalTitle, 'modal title');
    assert.ok((view.submit?.text.length ?? 0) <= LIMITS.modalButton, 'submit');
    assert.ok((view.close?.text.length ?? 0) <= LIMITS.modalButton, 'close');
    assert.ok((view.private_metadata ?? '').length <= LIMITS.privateMetadata, 'private metadata');
  }
  // Our views hold known blocks only; the View type also admits untyped ones.
  assertWithinLimits({ blocks: view.blocks as KnownBlock[] }, 100);
}

export async function planOf(text: string, rows?: readonly ExportRow[]): Promise<Plan> {
  return plan(text, await liveSnapshot(rows));
}

/** A summary's input for `text` as the bot makes it: the file's errors and counts, the plan given. */
export function summaryOf(text: string, overrides: Partial<SummaryInput> = {}): SummaryInput {
  const { table, issues } = validate(text);
  return {
    batchId: BATCH_ID,
    fileName: 'numbers.csv',
    environment: ENVIRONMENT,
    submitter: SUBMITTER,
    rows: table.dataRows,
    counts: table.counts,
    limits: DEFAULT_LIMITS,
    errors: issues.filter((issue) => issue.severity === 'error'),
    warningsCount: issues.filter((issue) => issue.severity === 'warning').length,
    groups: ['ocp'],
    approvers: '`ocp`: <@U0APPROVE>, <!subteam^S0OWNERS>',
    expiresAt: new Date('2025-03-04T10:00:00Z'),
    approvable: true,
    ...overrides,
  };
}
