import { TextDecoder } from 'node:util';
import { z } from 'zod';
import { ApplyResponseSchema, ErrorBodySchema, type ApplyResponse } from './contract.js';
import type { ExceededLimit, InvalidFileReason } from './errors.js';

/**
 * Reading answers' bodies. Nothing here trusts the platform to answer in the shape we guessed
 * (docs/numbers-api.md, "Answers we did not expect"): every reader returns what it could make out
 * and keeps the text verbatim.
 */

/** An error body is for people; a megabyte of it is plenty. */
export const ERROR_BODY_MAX_BYTES = 1024 * 1024;
/** An apply answer is about 150 bytes a row; 16 MiB is a hundred times the largest file we upload. */
export const ANSWER_BODY_MAX_BYTES = 16 * 1024 * 1024;

export interface BodyText {
  text: string;
  /** The body was longer than the cap: `text` holds its beginning only. */
  truncated: boolean;
}

interface Destroyable {
  destroy?(error?: Error): unknown;
}

/**
 * Reads a body as text, up to `maxBytes`, in the charset its Content-Type names (UTF-8 otherwise).
 * Throws what the stream throws: a body cut off is for the caller to judge.
 */
export async function readBodyText(body: AsyncIterable<Uint8Array> & Destroyable, contentType: string | undefined, maxBytes: number): Promise<BodyText> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for await (const chunk of body) {
    if (size + chunk.byteLength > maxBytes) {
      chunks.push(chunk.subarray(0, maxBytes - size));
      truncated = true;
      // Stop reading: the rest is not wanted, and the connection must not wait for it.
      body.destroy?.();
      break;
    }
    chunks.push(chunk);
    size += chunk.byteLength;
  }
  return { text: decoderFor(contentType).decode(Buffer.concat(chunks)), truncated };
}

function decoderFor(contentType: string | undefined): TextDecoder {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '')?.[1];
  if (charset !== undefined) {
    try {
      return new TextDecoder(charset);
    } catch {
      // An unknown charset label: read as UTF-8, the contract's charset, replacing what does not decode.
    }
  }
  return new TextDecoder('utf-8');
}

export type ApplyAnswer = { kind: 'answered'; response: ApplyResponse } | { kind: 'not-our-shape' };

/** A 2xx answer to an apply: our JSON shape, or not (whatever its Content-Type says). */
export function readApplyAnswer(text: string): ApplyAnswer {
  const json = parseJson(text);
  if (json === undefined) return { kind: 'not-our-shape' };
  const parsed = ApplyResponseSchema.safeParse(json);
  return parsed.success ? { kind: 'answered', response: parsed.data } : { kind: 'not-our-shape' };
}

/** What an error body says, field by field: one odd field does not hide the others. */
export interface ErrorBodyFields {
  error?: string;
  message?: string;
  reasons?: InvalidFileReason[];
  groups?: string[];
  limit?: number;
  limits?: ExceededLimit[];
}

const shape = ErrorBodySchema.shape;
const FIELD_SCHEMAS = {
  error: shape.error,
  message: shape.message,
  reasons: shape.reasons,
  groups: shape.groups,
  limit: shape.limit,
  limits: shape.limits,
} as const;

export function readErrorBody(text: string): ErrorBodyFields {
  const json = z.record(z.string(), z.unknown()).safeParse(parseJson(text));
  if (!json.success) return {};
  const fields: ErrorBodyFields = {};
  const error = FIELD_SCHEMAS.error.safeParse(json.data.error);
  if (error.success) fields.error = error.data;
  const message = FIELD_SCHEMAS.message.safeParse(json.data.message);
  if (message.success) fields.message = message.data;
  const reasons = FIELD_SCHEMAS.reasons.safeParse(json.data.reasons);
  if (reasons.success && reasons.data !== undefined) fields.reasons = reasons.data;
  const groups = FIELD_SCHEMAS.groups.safeParse(json.data.groups);
  if (groups.success && groups.data !== undefined) fields.groups = groups.data;
  const limit = FIELD_SCHEMAS.limit.safeParse(json.data.limit);
  if (limit.success && limit.data !== undefined) fields.limit = limit.data;
  const limits = FIELD_SCHEMAS.limits.safeParse(json.data.limits);
  if (limits.success && limits.data !== undefined) fields.limits = limits.data;
  return fields;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The first value of a header that may repeat. */
export function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
