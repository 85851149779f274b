import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { EXPORT_PATH, tokenPath } from '@numbers-csv/shared';
import type { SandboxContext } from './context.js';
import { notFound, sendError } from './http/respond.js';
import type { RequestLog } from './request-log.js';
import { ADMIN_PREFIX, handleAdmin } from './routes/admin.js';
import { handleNumbersCsv } from './routes/api.js';
import { handleToken } from './routes/token.js';

/** The platform's API lives under this path of its host, as `https://<env host>/integrations`. */
export const BASE_PATH = '/integrations';

/** The HTTP server: routes each request, logs it, and turns any handler failure into a 500 answer. */
export function createSandboxServer(ctx: SandboxContext, log: RequestLog): Server {
  const server = createServer((req, res) => {
    void serve(req, res, ctx, log);
  });
  // A request Node cannot even parse gets a bare 400 rather than a silently dropped socket.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  return server;
}

async function serve(req: IncomingMessage, res: ServerResponse, ctx: SandboxContext, log: RequestLog): Promise<void> {
  const path = pathOf(req.url);
  log.record(req.method ?? '', path, res);
  try {
    await route(req, res, path, ctx);
  } catch (error) {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    sendError(res, 500, { error: 'server_error', message: `The sandbox failed: ${message}` });
  }
}

function route(req: IncomingMessage, res: ServerResponse, path: string, ctx: SandboxContext): Promise<void> | void {
  if (path === `${BASE_PATH}${EXPORT_PATH}`) return handleNumbersCsv(req, res, path, ctx);
  if (path === tokenPath(ctx.options.realm)) return handleToken(req, res, path, ctx);
  if (path.startsWith(ADMIN_PREFIX)) return handleAdmin(req, res, path, ctx);
  return notFound(res, path);
}

function pathOf(url: string | undefined): string {
  try {
    return new URL(url ?? '/', 'http://sandbox.invalid').pathname;
  } catch {
    return url ?? '/';
  }
}
