import { DEFAULT_LIMITS, DEFAULT_SETTINGS, OPERATIONS, type Operation } from '@numbers-csv/shared';

export interface SandboxOptions {
  /** 0 (the default) takes a free port. */
  port?: number;
  /** Loopback by default: the sandbox has well-known tokens and unauthenticated admin endpoints. */
  host?: string;
  /** Export-shaped CSV text; an OPERATION column, if present, is ignored. */
  seed?: string;
  /** Start with no numbers; groups, sets and mini apps still come from the seed. */
  empty?: boolean;
  /** JSON state, loaded at start when it exists (the seed is then ignored) and rewritten after every change. */
  stateFile?: string;
  limits?: Partial<Record<Operation, number>>;
  /** Uploads over this many bytes are refused with 413. */
  maxUploadBytes?: number;
  accessTokenTtlSeconds?: number;
  refreshTokenTtlSeconds?: number;
  realm?: string;
  /** The clock in milliseconds, so that tests can expire tokens without waiting. */
  now?: () => number;
}

export interface ResolvedOptions {
  port: number;
  host: string;
  seed: string | undefined;
  empty: boolean;
  stateFile: string | undefined;
  limits: Readonly<Record<Operation, number>>;
  maxUploadBytes: number;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  realm: string;
  now: () => number;
  /** Providers a Create may name: the core's default, so that a file the core accepts runs here. */
  providers: readonly string[];
}

export const DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export function resolveOptions(options: SandboxOptions): ResolvedOptions {
  const limits = { ...DEFAULT_LIMITS };
  for (const operation of OPERATIONS) {
    const limit = options.limits?.[operation];
    if (limit !== undefined) limits[operation] = wholeNumber(`limits.${operation}`, limit);
  }
  return {
    port: wholeNumber('port', options.port ?? 0),
    host: options.host ?? '127.0.0.1',
    seed: options.seed,
    empty: options.empty ?? false,
    stateFile: options.stateFile,
    limits,
    maxUploadBytes: wholeNumber('maxUploadBytes', options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES),
    accessTokenTtlSeconds: wholeNumber('accessTokenTtlSeconds', options.accessTokenTtlSeconds ?? 300),
    refreshTokenTtlSeconds: wholeNumber('refreshTokenTtlSeconds', options.refreshTokenTtlSeconds ?? 1800),
    realm: options.realm ?? 'ocp',
    now: options.now ?? Date.now,
    providers: DEFAULT_SETTINGS.providers,
  };
}

function wholeNumber(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`Sandbox option ${name} is ${value}; give a whole number of 0 or more.`);
  }
  return value;
}
