import { OIDC_CLIENT_ID, TokenErrorSchema, TokenResponseSchema, type TokenResponse } from './contract.js';
import { AbortedError, AuthenticationError, ServerError, type ApiErrorDetails } from './errors.js';
import type { TokenSource } from './auth.js';

/**
 * An OpenID Connect session at the platform's token endpoint (docs/numbers-api.md): a password login
 * on first use, then refresh-token grants shortly before the access token expires, and a password
 * login again when the refresh token has expired or is refused. One renewal at a time: concurrent
 * calls wait for the same one.
 */

export interface OidcOptions {
  tokenUrl: string;
  username: string;
  password: string;
  /**
   * The one-time code where two-factor authentication is on. A function is asked again at every
   * password login, since a code is good once: a session that must log in again needs a fresh one.
   */
  totp?: string | (() => string | Promise<string>);
  /** Default `ocp`. */
  clientId?: string;
}

/** The token endpoint's answer, read by the caller's transport (which maps failures to connection errors). */
export interface TokenAnswer {
  status: number;
  text: string;
}

export interface OidcDeps {
  /** POSTs the form to the token endpoint. Throws a typed error when there is no answer. */
  post: (form: URLSearchParams) => Promise<TokenAnswer>;
  now: () => number;
}

interface Session {
  accessToken: string;
  /** When to renew: a little before the access token expires. */
  renewAt: number;
  refreshToken: string | undefined;
  /** When the refresh token is no longer worth trying; undefined when the server gave no lifetime. */
  refreshUntil: number | undefined;
  /** The platform refused the access token (a 401): renew on the next call, whatever the clock says. */
  refused: boolean;
}

/** Renew this long before expiry: 30 s, or a tenth of the lifetime when that is shorter. */
export function renewalMarginMs(lifetimeMs: number): number {
  return Math.min(30_000, lifetimeMs / 10);
}

export class OidcTokenSource implements TokenSource {
  readonly kind = 'oidc';
  readonly #options: OidcOptions;
  readonly #deps: OidcDeps;
  #session: Session | undefined;
  #renewal: Promise<string> | undefined;

  constructor(options: OidcOptions, deps: OidcDeps) {
    this.#options = options;
    this.#deps = deps;
  }

  async token(signal?: AbortSignal): Promise<string> {
    const session = this.#session;
    if (session !== undefined && !session.refused && this.#deps.now() < session.renewAt) return session.accessToken;
    // The renewal is shared, so one caller's signal must not cancel it for the others: each caller
    // stops waiting on its own signal instead.
    this.#renewal ??= this.#renew().finally(() => {
      this.#renewal = undefined;
    });
    return untilAborted(this.#renewal, signal);
  }

  refused(token: string): boolean {
    const session = this.#session;
    // Only the token we hold is marked: a 401 to an older one is already answered by a renewal.
    if (session !== undefined && session.accessToken === token) session.refused = true;
    return true;
  }

  async #renew(): Promise<string> {
    const session = this.#session;
    if (session?.refreshToken !== undefined && (session.refreshUntil === undefined || this.#deps.now() < session.refreshUntil)) {
      const startedAt = this.#deps.now();
      const answer = await this.#deps.post(
        new URLSearchParams({ grant_type: 'refresh_token', refresh_token: session.refreshToken, client_id: this.#clientId() }),
      );
      if (answer.status === 200) return this.#accept(answer, startedAt);
      // 400/401: the refresh token was refused (revoked, expired early, a restarted server): log in again.
      if (answer.status !== 400 && answer.status !== 401) throw this.#failed(answer);
    }
    const form = new URLSearchParams({
      grant_type: 'password',
      client_id: this.#clientId(),
      username: this.#options.username,
      password: this.#options.password,
    });
    const totp = await this.#totp();
    if (totp !== undefined) form.set('totp', totp);
    const startedAt = this.#deps.now();
    const answer = await this.#deps.post(form);
    if (answer.status === 200) return this.#accept(answer, startedAt);
    throw answer.status === 400 || answer.status === 401 ? this.#loginRefused(answer) : this.#failed(answer);
  }

  /** An answer that is neither a token nor a refusal. */
  #failed(answer: TokenAnswer): ServerError | AuthenticationError {
    const details: ApiErrorDetails = { status: answer.status, body: answer.text };
    if (answer.status >= 500) {
      return new ServerError(`The token endpoint failed (${answer.status}). Nothing ran; try again later.`, details, undefined);
    }
    return new AuthenticationError(
      `The token endpoint answered ${answer.status}, which a login does not expect. Check the token URL (${this.#tokenUrlForPeople()}).`,
      details,
      'token-endpoint',
    );
  }

  #accept(answer: TokenAnswer, startedAt: number): string {
    const token = parseTokenResponse(answer.text);
    if (token === undefined) {
      // The body is left out on purpose: a malformed answer may still hold a token.
      throw new AuthenticationError(
        `The token endpoint answered 200, but not with an access token. Check the token URL (${this.#tokenUrlForPeople()}).`,
        { status: 200 },
        'token-endpoint',
      );
    }
    // Lifetimes count from before the request left: the server started them no earlier.
    const accessLifetimeMs = token.expires_in * 1000;
    const refreshLifetimeMs = token.refresh_expires_in !== undefined && token.refresh_expires_in > 0 ? token.refresh_expires_in * 1000 : undefined;
    this.#session = {
      accessToken: token.access_token,
      renewAt: startedAt + accessLifetimeMs - renewalMarginMs(accessLifetimeMs),
      refreshToken: token.refresh_token,
      refreshUntil: refreshLifetimeMs !== undefined ? startedAt + refreshLifetimeMs - renewalMarginMs(refreshLifetimeMs) : undefined,
      refused: false,
    };
    return token.access_token;
  }

  #loginRefused(answer: TokenAnswer): AuthenticationError {
    const parsed = TokenErrorSchema.safeParse(parseJson(answer.text));
    const details: ApiErrorDetails = { status: answer.status, body: answer.text };
    let said = '';
    if (parsed.success) {
      details.serverCode = parsed.data.error;
      if (parsed.data.error_description !== undefined) details.serverMessage = parsed.data.error_description;
      said = ` (${answer.status} ${parsed.data.error}${parsed.data.error_description !== undefined ? `: ${parsed.data.error_description}` : ''})`;
    } else {
      said = ` (${answer.status})`;
    }
    const what = this.#options.totp !== undefined ? 'the user name, the password and the one-time code' : 'the user name and the password';
    return new AuthenticationError(`The login of ${this.#options.username} at the token endpoint was refused${said}. Check ${what}.`, details, 'token-endpoint');
  }

  async #totp(): Promise<string | undefined> {
    const totp = this.#options.totp;
    return typeof totp === 'function' ? await totp() : totp;
  }

  #clientId(): string {
    return this.#options.clientId ?? OIDC_CLIENT_ID;
  }

  #tokenUrlForPeople(): string {
    const url = new URL(this.#options.tokenUrl);
    return `${url.origin}${url.pathname}`;
  }
}

function parseTokenResponse(text: string): TokenResponse | undefined {
  const parsed = TokenResponseSchema.safeParse(parseJson(text));
  return parsed.success && parsed.data.expires_in > 0 ? parsed.data : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  if (signal.aborted) return Promise.reject(abortedLogin());
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortedLogin());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function abortedLogin(): AbortedError {
  return new AbortedError('The call was cancelled while waiting for a login; nothing was sent to the API, so nothing ran.');
}
