import { completionsAt, type CompletionKind } from '@numbers-csv/shared';
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver/node.js';
import type { ServedDocument } from './documents.js';
import { clientRange, tableOffset } from './positions.js';

/** Characters after which the client asks at once: a new field starts, or a quoted one opens. */
export const TRIGGER_CHARACTERS = [',', '"'];

const KINDS: Record<CompletionKind, CompletionItemKind> = {
  column: CompletionItemKind.Field,
  operation: CompletionItemKind.EnumMember,
  provider: CompletionItemKind.Value,
  locale: CompletionItemKind.Value,
  country: CompletionItemKind.Value,
  null: CompletionItemKind.Constant,
};

/**
 * The core's completions for the field under the cursor. Each item replaces the whole field the
 * core names (`start..end`), so that completing inside `"Cre|ate"` gives one value, not two.
 */
export function completion(served: ServedDocument, position: Position): CompletionList | null {
  const result = served.document.result;
  const found = completionsAt(result, tableOffset(position, result.table), served.settings.core);
  if (!found) return null;
  const range = clientRange(found.start, found.end, result.table);
  const items = found.items.map((item, index): CompletionItem => {
    const newText = item.insertText ?? item.label;
    return {
      label: item.label,
      kind: KINDS[item.kind],
      ...(item.detail !== undefined ? { detail: item.detail } : {}),
      ...(item.documentation !== undefined ? { documentation: { kind: MarkupKind.Markdown, value: item.documentation } } : {}),
      // Clients filter on the text the range covers; when the item writes quotes, so does that text.
      ...(newText !== item.label ? { filterText: newText } : {}),
      // The core's order (required columns first, …), not the client's alphabetical one.
      sortText: String(index).padStart(5, '0'),
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: { range, newText },
    };
  });
  return { isIncomplete: false, items };
}
