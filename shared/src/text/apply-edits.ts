import type { TextEdit } from '../issue.js';
import { LineIndex } from './line-index.js';

/**
 * Applies edits that do not overlap. Edits that overlap an earlier one (in document order) are
 * dropped rather than merged, so that two fixes never garble the same field.
 */
export function applyEdits(text: string, edits: readonly TextEdit[], index = new LineIndex(text)): string {
  const spans = edits
    .map((edit, order) => ({ start: index.offsetAt(edit.range.start), end: index.offsetAt(edit.range.end), text: edit.newText, order }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
  const parts: string[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    parts.push(text.slice(at, span.start), span.text);
    at = span.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
