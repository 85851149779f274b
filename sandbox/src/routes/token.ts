import type { IncomingMessage, ServerResponse } from 'node:http';
import { OIDC_CLIENT_ID } from '@numbers-csv/shared';
import type { SandboxContext } from '../context.js';
import { readBody } from '../http/body.js';
import { methodNotAllowed, sendJson } from '../http/respond.js';
import { callerOfCredentials } from '../users.js';

/** A token request is a few form fields; anything bigger is not one. */
const MAX_FORM_BYTES = 64 * 1024;

/** The OpenID Connect token endpoint, answering as Keycloak does. */
export async function handleToken(req: IncomingMessage, res: ServerResponse, path: string, ctx: SandboxContext): Promise<void> {
  if (req.method !== 'POST') return methodNotAllowed(res, req.method ?? '', path, ['POST']);
  const body = await readBody(req, MAX_FORM_BYTES);
  if (!body.ok) return tokenError(res, 400, 'invalid_request', 'The token request is too large.');
  if (!/^application\/x-www-form-urlencoded\b/i.test(req.headers['content-type'] ?? '')) {
    return tokenError(res, 400, 'invalid_request', 'The token request must be application/x-www-form-urlencoded.');
  }
  const form = new URLSearchParams(body.bytes.toString('utf8'));
  const grantType = form.get('grant_type');
  if (grantType === null || grantType === '') return tokenError(res, 400, 'invalid_request', 'Missing form parameter: grant_type');
  if (grantType !== 'password' && grantType !== 'refresh_token') {
    return tokenError(res, 400, 'unsupported_grant_type', `Unsupported grant_type ${grantType}; use password or refresh_token.`);
  }
  const clientId = form.get('client_id');
  if (clientId === null || clientId === '') return tokenError(res, 400, 'invalid_request', 'Missing form parameter: client_id');
  if (clientId !== OIDC_CLIENT_ID) return tokenError(res, 401, 'invalid_client', `Unknown client ${clientId}; the client is ${OIDC_CLIENT_ID}.`);

  if (grantType === 'password') {
    // A one-time code (`totp`) is accepted and not checked: the sandbox users have no second factor.
    const caller = callerOfCredentials(form.get('username') ?? '', form.get('password') ?? '');
    if (caller === undefined) return tokenError(res, 401, 'invalid_grant', 'Invalid user credentials');
    return sendJson(res, 200, ctx.tokens.issue(caller), { 'Cache-Control': 'no-store' });
  }
  const refreshToken = form.get('refresh_token');
  if (refreshToken === null || refreshToken === '') return tokenError(res, 400, 'invalid_request', 'Missing form parameter: refresh_token');
  const verdict = ctx.tokens.verifyRefresh(refreshToken);
  if (!verdict.ok) return tokenError(res, 401, 'invalid_grant', verdict.reason === 'expired' ? 'Token is not active' : 'Invalid refresh token');
  return sendJson(res, 200, ctx.tokens.issue(verdict.caller), { 'Cache-Control': 'no-store' });
}

function tokenError(res: ServerResponse, status: 400 | 401, error: string, description: string): void {
  sendJson(res, status, { error, error_description: description });
}
