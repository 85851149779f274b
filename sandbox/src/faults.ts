import { z } from 'zod';

export interface Faults {
  /** Added before answering any API call. */
  latencyMs?: number;
  /** The next `times` API calls get 429 with Retry-After. */
  rateLimit?: { times: number; retryAfterSeconds: number };
  /** The next `times` API calls get this status; a 503 may carry Retry-After. */
  serverError?: { times: number; status: 500 | 502 | 503 | 504; retryAfterSeconds?: number };
  /** The next `times` applies run and are saved, then the connection is dropped unanswered. */
  dropAfterApply?: { times: number };
  /** The export pauses between chunks. */
  slowExport?: { chunkDelayMs: number };
}

const count = z.number().int().nonnegative();
/** Longer waits only make a forgotten switch look like a hung server. */
const delayMs = z.number().int().nonnegative().max(600_000);

export const FaultsSchema = z.strictObject({
  latencyMs: delayMs.optional(),
  rateLimit: z.strictObject({ times: count, retryAfterSeconds: count }).optional(),
  serverError: z
    .strictObject({
      times: count,
      status: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]),
      retryAfterSeconds: count.optional(),
    })
    .optional(),
  dropAfterApply: z.strictObject({ times: count }).optional(),
  slowExport: z.strictObject({ chunkDelayMs: delayMs }).optional(),
});

// The schema and the public interface must describe the same switches.
const schemaFitsInterface: (parsed: z.infer<typeof FaultsSchema>) => Faults = (parsed) => parsed;
const interfaceFitsSchema: (faults: Faults) => z.input<typeof FaultsSchema> = (faults) => faults;
void schemaFitsInterface;
void interfaceFitsSchema;

/** A refusal a fault asks for, instead of the real answer. */
export interface FaultRefusal {
  status: 429 | 500 | 502 | 503 | 504;
  retryAfterSeconds: number | undefined;
}

/** The fault switches in force; counted switches wear out one API call (or apply) at a time. */
export class FaultSwitches {
  private current: Faults = {};

  /** Replaces every switch. Throws on switches that make no sense, with what is wrong. */
  set(faults: Faults): void {
    const parsed = FaultsSchema.safeParse(faults);
    if (!parsed.success) throw new TypeError(`Invalid sandbox faults: ${z.prettifyError(parsed.error)}`);
    // A copy, so that counting down never changes the caller's object.
    this.current = structuredClone(parsed.data);
  }

  clear(): void {
    this.current = {};
  }

  snapshot(): Faults {
    return structuredClone(this.current);
  }

  latencyMs(): number {
    return this.current.latencyMs ?? 0;
  }

  chunkDelayMs(): number {
    return this.current.slowExport?.chunkDelayMs ?? 0;
  }

  /** The refusal this API call gets, if any, counting it down. A rate limit comes before a failure. */
  takeRefusal(): FaultRefusal | undefined {
    const { rateLimit, serverError } = this.current;
    if (rateLimit !== undefined && rateLimit.times > 0) {
      rateLimit.times--;
      return { status: 429, retryAfterSeconds: rateLimit.retryAfterSeconds };
    }
    if (serverError !== undefined && serverError.times > 0) {
      serverError.times--;
      return { status: serverError.status, retryAfterSeconds: serverError.retryAfterSeconds };
    }
    return undefined;
  }

  /** Whether this apply's connection is to be dropped, counting it down. */
  takeDrop(): boolean {
    const drop = this.current.dropAfterApply;
    if (drop === undefined || drop.times <= 0) return false;
    drop.times--;
    return true;
  }
}
