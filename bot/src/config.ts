import { z } from 'zod';
import { parseDatabaseUrl } from './store/database-url.js';

/**
 * The bot's configuration, from the environment, checked once at start. A missing or bad variable
 * stops the bot with one line that says what to set; secrets are never repeated in it.
 */

export type BotAuth = { token: string } | { oidc: { tokenUrl: string; username: string; password: string; totp?: string } };

/** Socket Mode when an app-level token is set (no public URL needed); HTTP mode otherwise. */
export type SlackConnection = { mode: 'socket'; appToken: string; signingSecret?: string } | { mode: 'http'; signingSecret: string };

export interface BotConfig {
  slack: SlackConnection & {
    botToken: string;
    /** Web API base ending in `/api/` (tests and proxies); undefined for Slack's own. */
    apiUrl?: string;
  };
  /** HTTP mode's port (events, actions, commands and `/healthz`). */
  port: number;
  numbersApi: { baseUrl: string; auth: BotAuth };
  /** `sqlite:<path>` or `postgres://…`. */
  databaseUrl: string;
  approversFile: string;
  /** Lower-case host names (no ports) files may be downloaded from. */
  fileHosts: string[];
  maxFileBytes: number;
  batchTtlHours: number;
  allowSelfApproval: boolean;
  /** A numbers-csv.json of limits and providers, read with the core's `parseSettings`. */
  numbersCsvConfig?: string;
}

/** One line naming every variable to set or fix. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(readonly problems: readonly string[]) {
    super(problems.join('; '));
  }
}

export const DEFAULTS = {
  port: 3000,
  databaseUrl: 'sqlite:./data/numbers-bot.sqlite',
  fileHosts: ['files.slack.com'],
  maxFileBytes: 10 * 1024 * 1024,
  batchTtlHours: 24,
  allowSelfApproval: false,
} as const;

/** An empty or blank variable is as good as unset: `FOO=` in an env file means "not given". */
const given = (value: unknown) => (typeof value === 'string' ? (value.trim() === '' ? undefined : value.trim()) : value);

function required(name: string, hint: string) {
  return z.preprocess(given, z.string({ error: `${name} is not set (${hint})` }));
}

function optional() {
  return z.preprocess(given, z.string().optional());
}

function withDefault(fallback: string) {
  return z.preprocess((value) => given(value) ?? fallback, z.string());
}

function prefixed(name: string, prefix: string, what: string) {
  return z.string().refine((value) => value.startsWith(prefix), { error: `${name} must be ${what} starting with ${prefix}` });
}

function httpUrl(name: string) {
  return z.string().transform((value, ctx) => {
    const url = URL.canParse(value) ? new URL(value) : undefined;
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      ctx.addIssue({ code: 'custom', message: `${name} must be an http or https URL` });
      return z.NEVER;
    }
    return url;
  });
}

/** `description` completes "NAME must be …": what a good value looks like. */
function wholeNumber(name: string, min: number, max: number, description: string) {
  return z.string().transform((value, ctx) => {
    const number = /^\d+$/.test(value) ? Number(value) : NaN;
    if (!(number >= min && number <= max)) {
      ctx.addIssue({ code: 'custom', message: `${name} must be ${description}, not "${value}"` });
      return z.NEVER;
    }
    return number;
  });
}

const TRUE = ['true', '1', 'yes', 'on'];
const FALSE = ['false', '0', 'no', 'off'];

function flag(name: string) {
  return z.string().transform((value, ctx) => {
    const lower = value.toLowerCase();
    if (TRUE.includes(lower)) return true;
    if (FALSE.includes(lower)) return false;
    ctx.addIssue({ code: 'custom', message: `${name} must be true or false, not "${value}"` });
    return z.NEVER;
  });
}

/** `https://slack.com/api` and `…/api/` alike become `…/api/`: the Web API client joins method names to it. */
const slackApiUrl = httpUrl('SLACK_API_URL').transform((url, ctx) => {
  const path = url.pathname.replace(/\/+$/, '');
  if (!path.endsWith('/api') || url.search !== '' || url.hash !== '') {
    ctx.addIssue({ code: 'custom', message: `SLACK_API_URL must be the Web API base ending in /api/ (e.g. https://slack.com/api/), not ${url.toString()}` });
    return z.NEVER;
  }
  return `${url.origin}${path}/`;
});

/** Paths are joined to it: a trailing slash would make them `//api/...`. */
const baseUrl = (name: string) => httpUrl(name).transform((url) => url.toString().replace(/\/+$/, ''));

const HOST = /^(?:\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*)$/;

const fileHosts = z.string().transform((value, ctx) => {
  const hosts: string[] = [];
  for (const entry of value.split(',').map((part) => part.trim().toLowerCase()).filter(Boolean)) {
    // A bare IPv6 address is written in brackets in URLs, which is what it is compared with.
    const host = entry.split(':').length > 2 && !entry.startsWith('[') ? `[${entry}]` : entry;
    if (host.includes('/')) ctx.addIssue({ code: 'custom', message: `FILE_HOSTS lists host names, not URLs: write "${safeHost(host)}" without scheme or path` });
    else if (/:\d*$/.test(host) && !host.endsWith(']')) ctx.addIssue({ code: 'custom', message: `FILE_HOSTS entry "${host}" has a port: list host names only (ports are not part of the match)` });
    else if (!HOST.test(host)) ctx.addIssue({ code: 'custom', message: `FILE_HOSTS entry "${host}" is not a host name` });
    else hosts.push(host);
  }
  if (hosts.length === 0 && value.split(',').every((part) => part.trim() === '')) ctx.addIssue({ code: 'custom', message: 'FILE_HOSTS lists no host: set it to host names such as files.slack.com, or leave it unset' });
  return hosts;
});

function safeHost(entry: string): string {
  return URL.canParse(entry) ? new URL(entry).hostname : entry;
}

/** Checked as the store will read it, so that a URL the store cannot open stops the bot here, in one line. */
const databaseUrl = z.string().superRefine((value, ctx) => {
  try {
    parseDatabaseUrl(value);
  } catch (error) {
    // The store's message never repeats the URL, which may hold a password.
    const message = error instanceof Error ? error.message : String(error);
    ctx.addIssue({ code: 'custom', message: message.startsWith('The database URL') ? message.replace('The database URL', 'DATABASE_URL') : `DATABASE_URL: ${message}` });
  }
});

const ttlHours = z.string().transform((value, ctx) => {
  const hours = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  if (!(hours > 0)) {
    ctx.addIssue({ code: 'custom', message: `BATCH_TTL_HOURS must be a positive number of hours, not "${value}"` });
    return z.NEVER;
  }
  return hours;
});

const schemas = {
  SLACK_BOT_TOKEN: required('SLACK_BOT_TOKEN', 'the Bot User OAuth Token, xoxb-…, from OAuth & Permissions').pipe(prefixed('SLACK_BOT_TOKEN', 'xoxb-', 'a bot token')),
  SLACK_SIGNING_SECRET: optional(),
  SLACK_APP_TOKEN: optional().pipe(prefixed('SLACK_APP_TOKEN', 'xapp-', 'an app-level token (Basic Information → App-Level Tokens)').optional()),
  SLACK_API_URL: optional().pipe(slackApiUrl.optional()),
  PORT: withDefault(String(DEFAULTS.port)).pipe(wholeNumber('PORT', 0, 65535, 'a port number from 0 to 65535')),
  NUMBERS_API_BASE_URL: required('NUMBERS_API_BASE_URL', 'the numbers API batches are applied to, e.g. https://<env host>/integrations').pipe(baseUrl('NUMBERS_API_BASE_URL')),
  NUMBERS_API_TOKEN: optional(),
  NUMBERS_API_OIDC_TOKEN_URL: optional().pipe(httpUrl('NUMBERS_API_OIDC_TOKEN_URL').transform((url) => url.toString()).optional()),
  NUMBERS_API_USERNAME: optional(),
  NUMBERS_API_PASSWORD: optional(),
  NUMBERS_API_TOTP: optional(),
  DATABASE_URL: withDefault(DEFAULTS.databaseUrl).pipe(databaseUrl),
  APPROVERS_FILE: required('APPROVERS_FILE', 'the YAML or JSON file that maps each group to the Slack users and user groups who are its OWNERs'),
  FILE_HOSTS: withDefault(DEFAULTS.fileHosts.join(',')).pipe(fileHosts),
  MAX_FILE_BYTES: withDefault(String(DEFAULTS.maxFileBytes)).pipe(wholeNumber('MAX_FILE_BYTES', 1, Number.MAX_SAFE_INTEGER, 'a number of bytes, such as 10485760 for 10 MiB')),
  BATCH_TTL_HOURS: withDefault(String(DEFAULTS.batchTtlHours)).pipe(ttlHours),
  ALLOW_SELF_APPROVAL: withDefault(String(DEFAULTS.allowSelfApproval)).pipe(flag('ALLOW_SELF_APPROVAL')),
  NUMBERS_CSV_CONFIG: optional(),
} satisfies Record<string, z.ZodType>;

export type ConfigVariable = keyof typeof schemas;
/** Every variable the bot reads, in the order `.env.sample` lists them. */
export const CONFIG_VARIABLES = Object.keys(schemas) as ConfigVariable[];

type Values = { [K in ConfigVariable]?: z.output<(typeof schemas)[K]> };

/** Reads and checks the configuration; throws a `ConfigError` naming every variable to set or fix. */
export function readConfig(env: Readonly<Record<string, string | undefined>>): BotConfig {
  const problems: string[] = [];
  const values: Values = {};
  // Each variable on its own, so that one message names all that are wrong, not just the first.
  for (const name of CONFIG_VARIABLES) {
    const parsed = schemas[name].safeParse(env[name]);
    if (parsed.success) Object.assign(values, { [name]: parsed.data });
    else problems.push(...new Set(parsed.error.issues.map((issue) => issue.message)));
  }
  const slack = slackConnection(values, problems);
  const auth = numbersAuth(values, problems);
  const { SLACK_BOT_TOKEN: botToken, NUMBERS_API_BASE_URL: apiBase, APPROVERS_FILE: approversFile } = values;
  if (problems.length > 0 || !slack || !auth || botToken === undefined || apiBase === undefined || approversFile === undefined) throw new ConfigError(problems);
  return {
    slack: { ...slack, botToken, ...(values.SLACK_API_URL ? { apiUrl: values.SLACK_API_URL } : {}) },
    port: values.PORT ?? DEFAULTS.port,
    numbersApi: { baseUrl: apiBase, auth },
    databaseUrl: values.DATABASE_URL ?? DEFAULTS.databaseUrl,
    approversFile,
    fileHosts: values.FILE_HOSTS ?? [...DEFAULTS.fileHosts],
    maxFileBytes: values.MAX_FILE_BYTES ?? DEFAULTS.maxFileBytes,
    batchTtlHours: values.BATCH_TTL_HOURS ?? DEFAULTS.batchTtlHours,
    allowSelfApproval: values.ALLOW_SELF_APPROVAL ?? DEFAULTS.allowSelfApproval,
    ...(values.NUMBERS_CSV_CONFIG ? { numbersCsvConfig: values.NUMBERS_CSV_CONFIG } : {}),
  };
}

function slackConnection(values: Values, problems: string[]): SlackConnection | undefined {
  const { SLACK_APP_TOKEN: appToken, SLACK_SIGNING_SECRET: signingSecret } = values;
  if (appToken !== undefined) return { mode: 'socket', appToken, ...(signingSecret ? { signingSecret } : {}) };
  if (signingSecret !== undefined) return { mode: 'http', signingSecret };
  // A bad app token is reported as such; asking for a signing secret too would only mislead.
  if (!problems.some((problem) => problem.startsWith('SLACK_APP_TOKEN'))) problems.push('SLACK_SIGNING_SECRET is not set (HTTP mode needs it; or set SLACK_APP_TOKEN for Socket Mode)');
  return undefined;
}

/** A token, or an OpenID Connect login: the same variables, and the same choice, as the CLI's. */
function numbersAuth(values: Values, problems: string[]): BotAuth | undefined {
  const { NUMBERS_API_TOKEN: token, NUMBERS_API_OIDC_TOKEN_URL: tokenUrl, NUMBERS_API_USERNAME: username, NUMBERS_API_PASSWORD: password, NUMBERS_API_TOTP: totp } = values;
  if (token !== undefined) return { token };
  if (tokenUrl === undefined) {
    if (!problems.some((problem) => problem.startsWith('NUMBERS_API_OIDC_TOKEN_URL'))) {
      problems.push('NUMBERS_API_TOKEN is not set (a personal access token for the numbers API; or set NUMBERS_API_OIDC_TOKEN_URL, NUMBERS_API_USERNAME and NUMBERS_API_PASSWORD to log in with OpenID Connect)');
    }
    return undefined;
  }
  const missing = [username === undefined ? 'NUMBERS_API_USERNAME' : '', password === undefined ? 'NUMBERS_API_PASSWORD' : ''].filter(Boolean);
  if (missing.length > 0 || username === undefined || password === undefined) {
    problems.push(`${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set (logging in with NUMBERS_API_OIDC_TOKEN_URL needs them; or set NUMBERS_API_TOKEN)`);
    return undefined;
  }
  return { oidc: { tokenUrl, username, password, ...(totp ? { totp } : {}) } };
}

/** Whether a file's download URL is on an allowed host: host names compared without ports or case. */
export function isAllowedFileHost(url: string, hosts: readonly string[]): boolean {
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  return hosts.includes(parsed.hostname.toLowerCase());
}
