import { z } from 'zod';
import { OPERATIONS } from '../domain/operations.js';

/**
 * The shapes of `docs/numbers-api.md`, shared by the client that reads them and the sandbox that
 * writes them. Everything here past the two documented endpoints is our reading of the platform.
 */

export const EXPORT_PATH = '/api/numbers/csv';
export const APPLY_PATH = '/api/numbers/csv';
/** The multipart part that carries the CSV of an apply. */
export const APPLY_FILE_PART = 'file';
/** OpenID Connect client of the platform. */
export const OIDC_CLIENT_ID = 'ocp';

export function tokenPath(realm: string): string {
  return `/auth/realms/${encodeURIComponent(realm)}/protocol/openid-connect/token`;
}

export const RowResultSchema = z.object({
  /** 1-based data row, the header not counted. */
  row: z.number().int().positive(),
  number: z.string(),
  operation: z.string(),
  status: z.enum(['OK', 'FAILED']),
  message: z.string(),
});
export type RowResult = z.infer<typeof RowResultSchema>;

export const ApplyResponseSchema = z.object({
  results: z.array(RowResultSchema),
  summary: z.object({ ok: z.number().int().nonnegative(), failed: z.number().int().nonnegative() }),
});
export type ApplyResponse = z.infer<typeof ApplyResponseSchema>;

export const ERROR_CODES = ['invalid_file', 'invalid_token', 'forbidden', 'too_large', 'limit_exceeded', 'rate_limited', 'server_error', 'unavailable'] as const;

/** Every refusal's body; the extra fields belong to some codes only. Unknown fields are kept. */
export const ErrorBodySchema = z.looseObject({
  error: z.string(),
  message: z.string(),
  reasons: z.array(z.object({ row: z.number().int().optional(), column: z.string().optional(), message: z.string() })).optional(),
  groups: z.array(z.string()).optional(),
  limit: z.number().optional(),
  limits: z.array(z.object({ operation: z.enum(OPERATIONS), count: z.number().int(), limit: z.number().int() })).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

export const TokenResponseSchema = z.looseObject({
  access_token: z.string(),
  expires_in: z.number(),
  refresh_token: z.string().optional(),
  refresh_expires_in: z.number().optional(),
  token_type: z.string(),
});
export type TokenResponse = z.infer<typeof TokenResponseSchema>;

export const TokenErrorSchema = z.looseObject({ error: z.string(), error_description: z.string().optional() });
