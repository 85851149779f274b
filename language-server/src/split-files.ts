import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { splitByLimits, SplitPartNames } from '@numbers-csv/shared';
import type { CreateFile, DeleteFile, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver/node.js';
import type { ServedDocument } from './documents.js';

/** What the client's workspace edits can hold (`workspace.workspaceEdit`). */
export interface EditSupport {
  /** `documentChanges`: edits for a given version of a document, refused if it has changed since. */
  documentChanges: boolean;
  /** Resource operations. */
  create: boolean;
  delete: boolean;
}

export type SplitEdit =
  | { ok: true; edit: WorkspaceEdit; files: string[] }
  /** No edit: `reason` says why and what to do. */
  | { ok: false; reason: string };

/**
 * The edit that writes the document's rows into part files beside it, each within every limit:
 * `batch.numbers.csv` → `batch.part-1.numbers.csv`, `batch.part-2.numbers.csv`, … The `.numbers.csv`
 * ending keeps the parts in the numbers-csv language. The document itself is left as it is.
 */
export function splitEdit(served: ServedDocument, support: EditSupport): SplitEdit {
  if (!support.documentChanges || !support.create) return { ok: false, reason: 'This editor cannot create files from a workspace edit, so the file cannot be split here. Use `numbers-csv split` instead.' };
  const name = fileName(served.uri);
  if (name === undefined) return { ok: false, reason: 'The document has no file name to name the parts after. Save it first.' };
  // Deletes are never split from the editor: a split Delete batch is easy to apply twice or half.
  const result = splitByLimits(served.document.text, served.settings.core);
  if (!result.ok) return { ok: false, reason: result.reason };
  if (result.parts.length === 0) return { ok: false, reason: 'The file has no data rows; there is nothing to split.' };

  const names = new SplitPartNames(baseName(name), PART_EXTENSION);
  const partUri = (number: number) => new URL(encodeURIComponent(names.name(number)), served.uri).href;
  const changes: (CreateFile | TextDocumentEdit | DeleteFile)[] = [];
  const files: string[] = [];
  result.parts.forEach((part, index) => {
    const uri = partUri(index + 1);
    files.push(names.name(index + 1));
    changes.push({ kind: 'create', uri, options: { overwrite: true } });
    changes.push({ textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: part.text }] });
  });
  // Parts left by an earlier, longer split would be applied with the new ones and run rows twice.
  if (support.delete) {
    for (const number of names.stale(filesBeside(served.uri), result.parts.length)) changes.push({ kind: 'delete', uri: partUri(number), options: { ignoreIfNotExists: true } });
  }
  return { ok: true, edit: { documentChanges: changes }, files };
}

/** The parts keep the `.numbers.csv` ending, and with it the numbers-csv language. */
const PART_EXTENSION = '.numbers.csv';

function fileName(uri: string): string | undefined {
  try {
    const url = new URL(uri);
    const last = url.pathname.split('/').pop();
    // `untitled:Untitled-1` has no folder to put parts in.
    return url.pathname.startsWith('/') && last ? decodeURIComponent(last) : undefined;
  } catch {
    return undefined;
  }
}

function baseName(name: string): string {
  const lower = name.toLowerCase();
  if (lower.endsWith('.numbers.csv')) return name.slice(0, -'.numbers.csv'.length);
  if (lower.endsWith('.csv')) return name.slice(0, -'.csv'.length);
  return name;
}

/** The names of the files beside the document; only `file:` documents can be looked at. */
function filesBeside(uri: string): string[] {
  if (!uri.startsWith('file:')) return [];
  try {
    return readdirSync(fileURLToPath(new URL('.', uri)));
  } catch {
    return [];
  }
}
