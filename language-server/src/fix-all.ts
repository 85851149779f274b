import { changedMiddle, fixAll, LineIndex } from '@numbers-csv/shared';
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
  const middle = changedMiddle(before, result.text);
  const edit: TextEdit = { range: new LineIndex(before).range(middle.start, middle.end), newText: middle.newText };
  // Tied to the version it was computed from where the client allows: typing in between makes the
  // client refuse the edit instead of applying it to the wrong places.
  return {
    edit: support.documentChanges ? { documentChanges: [{ textDocument: { uri: served.uri, version: served.version }, edits: [edit] }] } : { changes: { [served.uri]: [edit] } },
    applied: result.applied,
  };
}
