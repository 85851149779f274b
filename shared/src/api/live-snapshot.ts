import { numbersInBatch } from '../plan/numbers-in-batch.js';
import { readSnapshot } from '../plan/read-snapshot.js';
import type { Snapshot } from '../plan/snapshot.js';
import type { ValidationResult } from '../validate.js';
import type { NumbersApiClient } from './client.js';

/** The live numbers a batch names, from a fresh export read as it streams in: only those are kept. */
export async function liveSnapshot(client: NumbersApiClient, batch: string | ValidationResult): Promise<Snapshot> {
  return readSnapshot(await client.exportNumbers(), { numbers: numbersInBatch(batch) });
}
