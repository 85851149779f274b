import type { OffsetEdit } from '../parse/findings.js';

/**
 * One edit turning `before` into `after`: the text between their common start and common end. An
 * editor given it keeps the cursor and folds everywhere else, where replacing the whole text would not.
 */
export function changedMiddle(before: string, after: string): OffsetEdit {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  // Never split a surrogate pair or a CRLF: an edit boundary inside one would be a different text.
  while (start > 0 && splitsPair(before, start)) start--;
  while (end > 0 && splitsPair(before, before.length - end)) end--;
  return { start, end: before.length - end, newText: after.slice(start, after.length - end) };
}

function splitsPair(text: string, at: number): boolean {
  const previous = text.charCodeAt(at - 1);
  const next = text.charCodeAt(at);
  return (previous === 13 && next === 10) || (previous >= 0xd800 && previous <= 0xdbff && next >= 0xdc00 && next <= 0xdfff);
}
