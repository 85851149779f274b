/**
 * The Block Kit limits Slack enforces on what a bot posts (see shared/docs/SLACK.md). The fake refuses as Slack
 * does, `invalid_blocks` with one message per problem, so a bot that would fail in production fails in tests.
 */
export const MAX_MESSAGE_BLOCKS = 50;
export const MAX_VIEW_BLOCKS = 100;
export const MAX_SECTION_TEXT = 3000;
/** Longer message text is not refused but cut. */
export const MAX_MESSAGE_TEXT = 40_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function textOf(value: unknown): string | undefined {
  return isRecord(value) && typeof value.text === 'string' ? value.text : undefined;
}

/** Problems with `blocks`, worded like Slack's `response_metadata.messages`; empty when they would be accepted. */
export function blockProblems(blocks: unknown, maxBlocks: number): string[] {
  if (!Array.isArray(blocks)) return ['must be an array [json-pointer:/blocks]'];
  const problems: string[] = [];
  if (blocks.length > maxBlocks) problems.push(`no more than ${maxBlocks} items allowed [json-pointer:/blocks]`);
  blocks.forEach((block: unknown, index) => {
    if (!isRecord(block) || typeof block.type !== 'string') {
      problems.push(`missing required field: type [json-pointer:/blocks/${index}]`);
      return;
    }
    if (block.type !== 'section') return;
    const text = textOf(block.text);
    if (text !== undefined && text.length > MAX_SECTION_TEXT) {
      problems.push(`must be less than ${MAX_SECTION_TEXT + 1} characters [json-pointer:/blocks/${index}/text/text]`);
    }
    if (Array.isArray(block.fields)) {
      block.fields.forEach((field: unknown, f) => {
        const fieldText = textOf(field);
        if (fieldText !== undefined && fieldText.length > 2000) {
          problems.push(`must be less than 2001 characters [json-pointer:/blocks/${index}/fields/${f}/text]`);
        }
      });
    }
  });
  return problems;
}
