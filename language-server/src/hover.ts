import { hoverAt } from '@numbers-csv/shared';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver/node.js';
import type { ServedDocument } from './documents.js';
import { clientRange, tableOffset } from './positions.js';

/** The core's hover for the field under the cursor: a column's documentation, or what a value means. */
export function hover(served: ServedDocument, position: Position): Hover | null {
  const result = served.document.result;
  const found = hoverAt(result, tableOffset(position, result.table), served.settings.core);
  if (!found) return null;
  return { contents: { kind: MarkupKind.Markdown, value: found.markdown }, range: clientRange(found.start, found.end, result.table) };
}
