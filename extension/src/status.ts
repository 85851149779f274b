import type { DroppedParams, StatusParams } from '@numbers-csv/language-server';
import { NotificationType } from 'vscode-languageclient/node';

// Only the type comes from the server package: a value import would bundle the server into the client.
export type { DroppedParams, StatusParams };
export type Operation = keyof StatusParams['counts'];

/** In the order the platform documents them, which is the order the status bar lists them in. */
export const OPERATIONS = ['Create', 'Update', 'Attach', 'Detach', 'Delete'] as const satisfies readonly Operation[];

/** Sent by the server after each validation of a document it serves; never for other documents. */
export const StatusNotification = new NotificationType<StatusParams>('numbersCsv/status');

/** Sent when the server stops serving a document, e.g. a CSV whose header lost NUMBER or OPERATION. */
export const DroppedNotification = new NotificationType<DroppedParams>('numbersCsv/dropped');
