import { randomBytes } from 'node:crypto';
import type { Caller } from './users.js';

interface Issued {
  caller: Caller;
  /** Milliseconds on the sandbox's clock. */
  expiresAt: number;
}

export interface TokenPair {
  access_token: string;
  expires_in: number;
  refresh_token: string;
  refresh_expires_in: number;
  token_type: 'Bearer';
}

export type Verdict = { ok: true; caller: Caller } | { ok: false; reason: 'unknown' | 'expired' };

/**
 * Opaque access and refresh tokens issued by the OIDC endpoint. A refresh leaves the old refresh
 * token valid until it expires, as Keycloak does unless told to revoke it.
 */
export class TokenStore {
  private readonly access = new Map<string, Issued>();
  private readonly refresh = new Map<string, Issued>();

  constructor(
    private readonly now: () => number,
    private readonly accessTtlSeconds: number,
    private readonly refreshTtlSeconds: number,
  ) {}

  issue(caller: Caller): TokenPair {
    const now = this.now();
    this.forgetExpired(now);
    const accessToken = randomToken();
    const refreshToken = randomToken();
    this.access.set(accessToken, { caller, expiresAt: now + this.accessTtlSeconds * 1000 });
    this.refresh.set(refreshToken, { caller, expiresAt: now + this.refreshTtlSeconds * 1000 });
    return {
      access_token: accessToken,
      expires_in: this.accessTtlSeconds,
      refresh_token: refreshToken,
      refresh_expires_in: this.refreshTtlSeconds,
      token_type: 'Bearer',
    };
  }

  verifyAccess(token: string): Verdict {
    return this.verify(this.access, token);
  }

  verifyRefresh(token: string): Verdict {
    return this.verify(this.refresh, token);
  }

  private verify(tokens: Map<string, Issued>, token: string): Verdict {
    const issued = tokens.get(token);
    if (issued === undefined) return { ok: false, reason: 'unknown' };
    if (this.now() >= issued.expiresAt) return { ok: false, reason: 'expired' };
    return { ok: true, caller: issued.caller };
  }

  /**
   * Expired tokens are kept for one lifetime more so that their callers hear "expired" rather than
   * "unknown"; after that they are dropped so that a long-running sandbox does not grow.
   */
  private forgetExpired(now: number): void {
    const forget = (tokens: Map<string, Issued>, ttlSeconds: number): void => {
      for (const [token, issued] of tokens) if (now >= issued.expiresAt + ttlSeconds * 1000) tokens.delete(token);
    };
    forget(this.access, this.accessTtlSeconds);
    forget(this.refresh, this.refreshTtlSeconds);
  }
}

function randomToken(): string {
  return randomBytes(32).toString('base64url');
}
