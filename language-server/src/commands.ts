import { ErrorCodes, MessageType, ResponseError, ShowMessageNotification, type Connection, type ExecuteCommandParams } from 'vscode-languageserver/node.js';
import type { Documents } from './documents.js';
import { logFailure, type Log } from './safe.js';
import { fixAllEdit } from './fix-all.js';
import { splitEdit, type EditSupport } from './split-files.js';

/** Commands the server runs (`workspace/executeCommand`), each with one argument `{ uri }`. */
export const COMMANDS = {
  fixAll: 'numbersCsv.server.fixAll',
  split: 'numbersCsv.server.split',
} as const;

export interface CommandContext {
  connection: Connection;
  documents: Documents;
  support: EditSupport;
  log: Log;
}

/**
 * Runs a command on an open document and answers with what happened, in a sentence. The edit goes
 * through `workspace/applyEdit`, so the user can undo it; when there is nothing to do, the user is
 * told so as well, since a command that does nothing visible looks broken.
 */
export async function executeCommand(params: ExecuteCommandParams, context: CommandContext): Promise<string> {
  if (!(Object.values(COMMANDS) as string[]).includes(params.command)) {
    throw new ResponseError(ErrorCodes.InvalidParams, `Unknown command ${params.command}; this server runs ${Object.values(COMMANDS).join(' and ')}.`);
  }
  const uri = uriArgument(params.arguments);
  const served = await context.documents.get(uri);
  if (!served) return tell(context, MessageType.Info, `${uri} is not open as a numbers CSV file (its header needs NUMBER and OPERATION).`);
  switch (params.command) {
    case COMMANDS.fixAll: {
      const fixed = fixAllEdit(served, context.support);
      if (!fixed) return tell(context, MessageType.Info, 'No safe fixes to apply.');
      const applied = await context.connection.workspace.applyEdit({ label: 'Fix all safe problems', edit: fixed.edit });
      if (!applied.applied) return tell(context, MessageType.Warning, `The fixes were not applied${applied.failureReason ? `: ${applied.failureReason}` : '.'}`);
      return `Applied ${fixed.applied} fix${fixed.applied === 1 ? '' : 'es'}.`;
    }
    case COMMANDS.split: {
      const split = splitEdit(served, context.support);
      if (!split.ok) return tell(context, MessageType.Warning, `Not split. ${split.reason}`);
      const applied = await context.connection.workspace.applyEdit({ label: 'Split into files within the limits', edit: split.edit });
      if (!applied.applied) return tell(context, MessageType.Warning, `The parts were not written${applied.failureReason ? `: ${applied.failureReason}` : '.'}`);
      return `Split into ${split.files.length} file${split.files.length === 1 ? '' : 's'}: ${split.files.join(', ')}.`;
    }
    default:
      throw new ResponseError(ErrorCodes.InvalidParams, `Unknown command ${params.command}.`);
  }
}

function uriArgument(args: unknown[] | undefined): string {
  const first = args?.[0];
  if (typeof first === 'object' && first !== null && 'uri' in first && typeof first.uri === 'string') return first.uri;
  throw new ResponseError(ErrorCodes.InvalidParams, 'Expected one argument { uri }, the document to run the command on.');
}

function tell(context: CommandContext, type: MessageType, message: string): string {
  logFailure(context.log, 'window/showMessage', context.connection.sendNotification(ShowMessageNotification.type, { type, message }));
  return message;
}
