import type { IncomingMessage } from 'node:http';
import type { TokenStore } from './tokens.js';
import { callerOfStaticToken, type Caller } from './users.js';

export type Authentication = { ok: true; caller: Caller } | { ok: false; message: string };

/** The caller a request's bearer token stands for: a static token or an unexpired OIDC access token. */
export function authenticate(req: IncomingMessage, tokens: TokenStore): Authentication {
  const header = req.headers.authorization;
  if (header === undefined || header.trim() === '') {
    return { ok: false, message: 'The request carries no token; send Authorization: Bearer <token>.' };
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header.trim());
  if (match?.[1] === undefined) return { ok: false, message: 'The Authorization header is not "Bearer <token>".' };
  const token = match[1];
  const caller = callerOfStaticToken(token);
  if (caller !== undefined) return { ok: true, caller };
  const verdict = tokens.verifyAccess(token);
  if (verdict.ok) return { ok: true, caller: verdict.caller };
  return {
    ok: false,
    message: verdict.reason === 'expired' ? 'The access token has expired; get a new one with the refresh token.' : 'The token is not known.',
  };
}
