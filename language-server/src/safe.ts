import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver/node.js';

/** Where a handler's failure is written: the client's output channel for the server. */
export interface Log {
  error(message: string): void;
  info(message: string): void;
}

export function connectionLog(connection: Connection): Log {
  return {
    // Logging must never be what kills the server: a closed pipe makes the console throw.
    error: (message) => tryOrIgnore(() => connection.console.error(message)),
    info: (message) => tryOrIgnore(() => connection.console.info(message)),
  };
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

/**
 * A request handler that cannot take the server down: a thrown error is logged with its stack and
 * answered as an error response, and the next request is served as usual. A ResponseError thrown on
 * purpose (bad arguments) is the answer itself and is not logged.
 */
export function safeRequest<P, R>(log: Log, method: string, handler: (params: P) => R | Promise<R>): (params: P) => Promise<R | ResponseError<never>> {
  return async (params) => {
    try {
      return await handler(params);
    } catch (error) {
      if (error instanceof ResponseError) return new ResponseError<never>(error.code, error.message);
      log.error(`${method} failed: ${describeError(error)}`);
      return new ResponseError<never>(ErrorCodes.InternalError, `numbers-csv: ${method} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

/** A notification handler whose failure is logged: notifications have no answer to carry it. */
export function safeNotification<P>(log: Log, method: string, handler: (params: P) => void | Promise<void>): (params: P) => void {
  return (params) => {
    try {
      const done = handler(params);
      if (done instanceof Promise) done.catch((error: unknown) => log.error(`${method} failed: ${describeError(error)}`));
    } catch (error) {
      log.error(`${method} failed: ${describeError(error)}`);
    }
  };
}

/** Runs a promise whose failure only needs to be logged (a message shown, an edit applied). */
export function logFailure(log: Log, what: string, promise: Promise<unknown>): void {
  promise.catch((error: unknown) => log.error(`${what} failed: ${describeError(error)}`));
}

function tryOrIgnore(action: () => void): void {
  try {
    action();
  } catch {
    // Nowhere left to report to.
  }
}
