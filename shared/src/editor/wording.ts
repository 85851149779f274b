/** "A", "A and B", "A, B and C" (or "A, B or C"). */
export function listOf(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1] as string}`;
}

/** Longer values are cut: a hover line should stay one line. */
const MAX_SHOWN = 60;

/**
 * A cell's value as a Markdown code span, so that `*`, `_` or `<` in it show as written. Line breaks
 * become spaces, as a code span would show them anyway; a backtick in the value gets a longer fence.
 */
export function code(value: string): string {
  const oneLine = value.replace(/\r\n|\r|\n/g, ' ');
  const shown = oneLine.length > MAX_SHOWN ? `${oneLine.slice(0, MAX_SHOWN - 1)}…` : oneLine;
  const longestRun = Math.max(0, ...(shown.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = shown.startsWith('`') || shown.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${shown}${pad}${fence}`;
}
