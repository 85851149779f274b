import type { Issue } from '@numbers-csv/shared';

/*
 * Text for Slack's mrkdwn: escaping, cutting to length, lists that say how much they left out, dates
 * each reader sees in their own time zone.
 */

/**
 * Escapes what Slack reads as markup: without it a cell holding `<!channel>` or `<@U123>` in a
 * shared file would notify people when the summary is posted.
 */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** At most `max` characters, ending in `…` when cut; never splits a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/**
 * The lines, one per line, as many as fit in `maxChars` and at most `maxLines`, followed by
 * `… and N more <noun>` for the rest: a list cut short says so, rather than failing the message.
 */
export function boundedLines(lines: readonly string[], options: { maxChars: number; maxLines?: number; noun: string }): string {
  const maxLines = options.maxLines ?? lines.length;
  // Room for the "… and N more" line, whatever N.
  const reserve = `\n… and ${lines.length} more ${options.noun}`.length;
  // One very long line (a long message) is cut rather than pushing every line after it out.
  const maxLine = Math.max(1, Math.min(500, options.maxChars - reserve));
  const kept: string[] = [];
  let length = 0;
  for (const [index, whole] of lines.entries()) {
    if (index >= maxLines) break;
    const line = truncate(whole, maxLine);
    const isLast = index === lines.length - 1;
    const added = (kept.length > 0 ? 1 : 0) + line.length;
    if (length + added > options.maxChars - (isLast ? 0 : reserve)) break;
    kept.push(line);
    length += added;
  }
  const rest = lines.length - kept.length;
  if (rest > 0) kept.push(`… and ${rest} more ${options.noun}`);
  return kept.join('\n');
}

/** A value from the file or the live data, shown as it is: in code, escaped, cut; an empty one says so. */
export function literal(value: string, max = 80): string {
  if (value === '') return '_(empty)_';
  // A backtick would end the code span early; none of the platform's values hold one legitimately.
  return `\`${escapeMrkdwn(truncate(value, max).replaceAll('`', "'"))}\``;
}

export function mention(user: string): string {
  return `<@${user}>`;
}

/**
 * A date each reader sees in their own time zone; the fallback (UTC) is for clients that cannot,
 * and for notifications.
 */
export function slackDate(date: Date, tokens = '{date_short_pretty} {time}'): string {
  return `<!date^${Math.floor(date.getTime() / 1000)}^${tokens}|${utcText(date)}>`;
}

/** `2024-05-01 14:03 UTC`: for fallback texts, where Slack's date markup is not read. */
export function utcText(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `1 row`, `2 rows`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

export function groupList(groups: readonly string[]): string {
  return groups.length === 0 ? '_(none)_' : groups.map((group) => literal(group, 60)).join(', ');
}

/**
 * Where an issue is and what it says: `row 3, LOCALE: message [code]`. Issues of no row (the header,
 * the whole file) name their line instead.
 */
export function issueText(issue: Issue): string {
  const where = issue.row !== undefined ? `row ${issue.row}` : `line ${issue.range.start.line + 1}`;
  const column = issue.column !== undefined ? `, ${issue.column}` : '';
  return `${where}${column}: ${issue.message} [${issue.code}]`;
}
