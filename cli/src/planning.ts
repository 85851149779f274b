import { decode, plan, validate, type Issue, type NumbersApiClient, type Plan, type Settings, type Snapshot } from '@numbers-csv/shared';
import { batchSnapshot } from './api.js';
import { readInput, type Input } from './inputs.js';
import type { Io } from './io.js';

/** Options that plan and apply share. */
export const PLANNING_OPTIONS = {
  'owner-of': { type: 'string' },
} as const;

export interface PlannedFile {
  /** The file as text (decoded from whatever encoding it came in). */
  text: string;
  snapshot: Snapshot;
  plan: Plan;
  /** What the live data says that does not stop a row: values the platform ignores, rows that change nothing. */
  warnings: Issue[];
}

/** Reads a batch, the live numbers it names, and what each of its rows will do. */
export async function planFile(input: Input, io: Io, settings: Settings, client: NumbersApiClient, ownerOf: string | undefined): Promise<PlannedFile> {
  const { text } = decode(await readInput(input, io));
  const snapshot = await batchSnapshot(client, text);
  const ownedGroups = ownerOf === undefined ? undefined : ownerOf.split(',').map((group) => group.trim()).filter((group) => group !== '');
  const options = { settings, ...(ownedGroups ? { ownedGroups } : {}) };
  const planned = plan(text, snapshot, options);
  const warnings = validate(text, settings, { snapshot, ...(ownedGroups ? { ownedGroups } : {}) }).issues.filter((issue) => issue.severity === 'warning');
  return { text, snapshot, plan: planned, warnings };
}
