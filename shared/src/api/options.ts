import type { Dispatcher } from 'undici';
import type { RequestEvent } from './http.js';
import type { OidcOptions } from './oidc.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry.js';

export type ApiAuth = { token: string } | { oidc: OidcOptions };

export interface ApiTimeouts {
  /** To open the connection (TCP and TLS). Applies only to the client's own dispatcher. Default 10 s. */
  connectMs?: number;
  /**
   * From sending to the answer's headers. The platform answers an apply after running every row, and
   * a timeout there leaves the outcome unknown, so this is generous. Default 120 s.
   */
  headersMs?: number;
  /** Longest pause between two chunks of a body (the export streams). Default 120 s. */
  bodyMs?: number;
}

export const DEFAULT_TIMEOUTS: Required<ApiTimeouts> = { connectMs: 10_000, headersMs: 120_000, bodyMs: 120_000 };

export interface NumbersApiClientOptions {
  /** `https://<environment host>/integrations`; the paths of the contract are appended. */
  baseUrl: string;
  auth: ApiAuth;
  timeouts?: ApiTimeouts;
  /** Defaults: 3 attempts, a Retry-After of at most 60 s. */
  retry?: Partial<RetryPolicy>;
  /** An undici dispatcher (a proxy, a mock). The client's connect timeout does not apply to it, and `close()` leaves it open. */
  dispatcher?: Dispatcher;
  /** Waits between attempts; for tests. Rejects when the signal aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** The clock for Retry-After dates and token lifetimes (ms since the epoch); for tests. */
  now?: () => number;
  /** Called after every HTTP attempt, the token endpoint's included. */
  onRequest?: (event: RequestEvent) => void;
}

export interface ResolvedOptions {
  baseUrl: URL;
  timeouts: Required<ApiTimeouts>;
  retry: RetryPolicy;
}

/** Bad options are a programming error: they throw at once, with what to change. */
export function resolveOptions(options: NumbersApiClientOptions): ResolvedOptions {
  let baseUrl: URL;
  try {
    baseUrl = new URL(options.baseUrl);
  } catch {
    throw new TypeError(`baseUrl "${options.baseUrl}" is not a URL: give https://<environment host>/integrations.`);
  }
  if (baseUrl.protocol !== 'https:' && baseUrl.protocol !== 'http:') {
    throw new TypeError(`baseUrl must be http(s), not ${baseUrl.protocol}: give https://<environment host>/integrations.`);
  }
  // URLs end up in messages and request events: they must not carry secrets.
  if (baseUrl.username !== '' || baseUrl.password !== '') throw new TypeError('baseUrl must not hold a user name or password: give them in auth.');
  if ('token' in options.auth) {
    if (options.auth.token.trim() === '') throw new TypeError('auth.token is empty: give a personal access token, or auth.oidc.');
  } else {
    const { tokenUrl, username } = options.auth.oidc;
    let url: URL;
    try {
      url = new URL(tokenUrl);
    } catch {
      throw new TypeError(`auth.oidc.tokenUrl "${tokenUrl}" is not a URL: give {host}/auth/realms/{realm}/protocol/openid-connect/token.`);
    }
    if (url.username !== '' || url.password !== '') throw new TypeError('auth.oidc.tokenUrl must not hold a user name or password.');
    if (username === '') throw new TypeError('auth.oidc.username is empty.');
  }
  const timeouts = { ...DEFAULT_TIMEOUTS, ...definedOnly(options.timeouts ?? {}) };
  for (const [name, value] of Object.entries(timeouts)) {
    if (!(Number.isFinite(value) && value > 0)) throw new TypeError(`timeouts.${name} must be a positive number of milliseconds, not ${value}.`);
  }
  const retry = { ...DEFAULT_RETRY_POLICY, ...definedOnly(options.retry ?? {}) };
  if (!(Number.isInteger(retry.attempts) && retry.attempts >= 1)) throw new TypeError(`retry.attempts must be a whole number of at least 1, not ${retry.attempts}.`);
  if (!(retry.maxRetryAfterSeconds >= 0)) throw new TypeError(`retry.maxRetryAfterSeconds must be 0 or more, not ${retry.maxRetryAfterSeconds}.`);
  return { baseUrl, timeouts, retry };
}

/** `{ ...defaults, ...given }` where an explicit `undefined` keeps the default. */
function definedOnly<T extends object>(given: T): Partial<T> {
  return Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** `base` + `path`, keeping the base's own path (`/integrations`). */
export function endpoint(base: URL, path: string): URL {
  const url = new URL(base.href);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${path}`;
  url.search = '';
  url.hash = '';
  return url;
}
