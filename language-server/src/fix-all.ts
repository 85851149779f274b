import { fixAll, LineIndex } from '@numbers-csv/shared';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver/node.js';
import type { ServedDocument } from './documents.js';
import type { EditSupport } from './split-files.js';

export interface FixAllEdit {
  edit: WorkspaceEdit;
  /** Fixes applied, over all passes. */
  applied: number;
}

/**
 * Every safe fix of the document as one edit (the core repeats passes until nothing is left to fix,
 * so the fixes cannot be sent one by one). Only the changed middle of the text is replaced, so that
 * the editor keeps the cursor and folds everywhere else. Undefined when nothing would change.
 */
export function fixAllEdit(served: ServedDocument, support: EditSupport): FixAllEdit | undefined {
  const before = served.document.text;
  const result = fixAll(before, served.settings.core);
  if (result.text === before) return undefined;
  const edit = changedMiddle(before, result.text);
  // Tied to the version it was computed from where the client allows: typing in between makes the
  // client refuse the edit instead of applying it to the wrong places.
  return {
    edit: support.documentChanges ? { documentChanges: [{ textDocument: { uri: served.uri, version: served.version }, edits: [edit] }] } : { changes: { [served.uri]: [edit] } },
    applied: result.applied,
  };
}

/** One edit turning `before` into `after`: the text between their common start and common end. */
export function changedMiddle(before: string, after: string): TextEdit {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  // Never split a surrogate pair or a CRLF: an edit boundary inside one would be a different text.
  while (start > 0 && splitsPair(before, start)) start--;
  while (end > 0 && splitsPair(before, before.length - end)) end--;
  const lines = new LineIndex(before);
  return { range: lines.range(start, before.length - end), newText: after.slice(start, after.length - end) };
}

function splitsPair(text: string, at: number): boolean {
  const previous = text.charCodeAt(at - 1);
  const next = text.charCodeAt(at);
  return (previous === 13 && next === 10) || (previous >= 0xd800 && previous <= 0xdbff && next >= 0xdc00 && next <= 0xdfff);
}
