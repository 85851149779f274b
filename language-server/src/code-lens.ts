import { countsSummary } from '@numbers-csv/shared';
import type { CodeLens } from 'vscode-languageserver/node.js';
import { COMMANDS } from './commands.js';
import type { ServedDocument } from './documents.js';
import { clientRange } from './positions.js';

/**
 * One lens on the header: rows per operation against their limits. Over a limit, choosing it splits
 * the file; otherwise it only informs (an empty command is shown as plain text).
 */
export function codeLenses(served: ServedDocument): CodeLens[] {
  const { table } = served.document.result;
  const header = table.header;
  if (!header) return [];
  const summary = countsSummary(table, served.settings.core);
  const start = header.record.offset;
  const range = clientRange(start, start, table);
  const command =
    summary.over.length > 0
      ? { title: `${summary.text} · Split into files within the limits`, command: COMMANDS.split, arguments: [{ uri: served.uri }] }
      : { title: summary.text, command: '' };
  return [{ range, command }];
}
