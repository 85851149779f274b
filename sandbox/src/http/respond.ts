import type { ServerResponse } from 'node:http';
import type { ErrorBody } from '@numbers-csv/shared';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** A refusal in the contract's shape: `{error, message, ...}`. */
export function sendError(res: ServerResponse, status: number, body: ErrorBody, headers: Record<string, string> = {}): void {
  sendJson(res, status, body, headers);
}

export function notFound(res: ServerResponse, path: string): void {
  sendError(res, 404, { error: 'not_found', message: `Nothing is served at ${path}.` });
}

export function methodNotAllowed(res: ServerResponse, method: string, path: string, allowed: readonly string[]): void {
  sendError(res, 405, { error: 'method_not_allowed', message: `${path} does not take ${method}; it takes ${allowed.join(', ')}.` }, { Allow: allowed.join(', ') });
}
