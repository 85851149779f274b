import { CliError } from './errors.js';
import type { Io } from './io.js';

/**
 * Where the numbers API is and who calls it. Secrets come from the environment only: a token or a
 * password on the command line would sit in the shell's history and in every process listing.
 */
export const CONNECTION_ENV = {
  baseUrl: 'NUMBERS_API_BASE_URL',
  token: 'NUMBERS_API_TOKEN',
  tokenUrl: 'NUMBERS_API_OIDC_TOKEN_URL',
  username: 'NUMBERS_API_USERNAME',
  password: 'NUMBERS_API_PASSWORD',
  totp: 'NUMBERS_API_TOTP',
} as const;

/** The flags that may stand for the non-secret variables. */
export const CONNECTION_OPTIONS = {
  'base-url': { type: 'string' },
  'token-url': { type: 'string' },
  username: { type: 'string' },
} as const;

export type Auth = { token: string } | { oidc: { tokenUrl: string; username: string; password: string; totp?: string } };

export interface Connection {
  baseUrl: string;
  auth: Auth;
}

export interface ConnectionFlags {
  'base-url'?: string | undefined;
  'token-url'?: string | undefined;
  username?: string | undefined;
}

/** The connection the flags and the environment describe, or one error that says what to set. */
export function readConnection(flags: ConnectionFlags, io: Io): Connection {
  const env = io.env ?? {};
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  const baseUrl = flags['base-url'] ?? read(CONNECTION_ENV.baseUrl);
  if (baseUrl === undefined) {
    throw new CliError([
      `no numbers API to talk to: set ${CONNECTION_ENV.baseUrl} (or --base-url), e.g. https://<env host>/integrations`,
      `to try it locally, run \`numbers-csv sandbox\` and use the lines it prints`,
    ]);
  }
  const url = parseHttpUrl(baseUrl, flags['base-url'] !== undefined ? '--base-url' : CONNECTION_ENV.baseUrl);
  const token = read(CONNECTION_ENV.token);
  const tokenUrl = flags['token-url'] ?? read(CONNECTION_ENV.tokenUrl);
  if (token !== undefined) return { baseUrl: url, auth: { token } };
  if (tokenUrl === undefined) {
    throw new CliError(
      `no credentials: set ${CONNECTION_ENV.token} to a personal access token, or ${CONNECTION_ENV.tokenUrl}, ${CONNECTION_ENV.username} and ${CONNECTION_ENV.password} to log in with OpenID Connect`,
    );
  }
  const username = flags.username ?? read(CONNECTION_ENV.username);
  const password = read(CONNECTION_ENV.password);
  const missing = [username === undefined ? `${CONNECTION_ENV.username} (or --username)` : undefined, password === undefined ? CONNECTION_ENV.password : undefined].filter(
    (name): name is string => name !== undefined,
  );
  if (missing.length > 0 || username === undefined || password === undefined) throw new CliError(`logging in with OpenID Connect needs ${missing.join(' and ')}`);
  const totp = read(CONNECTION_ENV.totp);
  return {
    baseUrl: url,
    auth: { oidc: { tokenUrl: parseHttpUrl(tokenUrl, flags['token-url'] !== undefined ? '--token-url' : CONNECTION_ENV.tokenUrl), username, password, ...(totp ? { totp } : {}) } },
  };
}

function parseHttpUrl(value: string, source: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliError(`${source} is not a URL: ${value}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new CliError(`${source} must be an http or https URL, not ${url.protocol}`);
  // Paths are joined to it: a trailing slash would make them `//api/...`.
  return url.toString().replace(/\/+$/, '');
}
