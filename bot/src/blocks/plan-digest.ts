import { EFFECTS, type Effect, type Plan } from '@numbers-csv/shared';
import { z } from 'zod';
import type { Json } from '../store/types.js';

/*
 * What a plan will do, compactly, as the store keeps it: the summary's plan is kept with the batch,
 * and an approval re-plans and compares, so that nobody approves one plan and gets another.
 */

const VERSION = 1;

const digestRowSchema = z.object({
  row: z.number().int(),
  number: z.string(),
  effect: z.enum(EFFECTS as [Effect, ...Effect[]]),
  /** `[column, before, after]` per field that changes, derived ones included: they change too. */
  changes: z.array(z.tuple([z.string(), z.string(), z.string()])),
  /** The code of the reason a row fails; null when it does not. */
  reason: z.string().nullable(),
});

const digestSchema = z.object({ version: z.literal(VERSION), groups: z.array(z.string()), rows: z.array(digestRowSchema) });

export type DigestRow = z.infer<typeof digestRowSchema>;

/** The digest of a plan: per row its number, effect, changes and reason code; and the groups. Stable for equal plans. */
export function planDigest(plan: Plan): Json {
  return {
    version: VERSION,
    groups: [...plan.groups],
    rows: plan.rows.map((row) => ({
      row: row.row,
      number: row.number,
      effect: row.effect,
      changes: row.changes.map((change) => [change.column, change.before, change.after]),
      reason: row.reason?.code ?? null,
    })),
  };
}

export interface RowDifference {
  row: number;
  number: string;
  /** The row in the earlier plan; undefined when it had none. */
  before: DigestRow | undefined;
  after: DigestRow | undefined;
}

export interface PlanDifferences {
  /** Whether the plans differ at all: in a row, in the groups, or because the earlier one is unreadable. */
  changed: boolean;
  /** Rows whose number, effect, changes or reason differ, in row order. */
  rows: RowDifference[];
  /** Set when the groups differ: the approver must then be OWNER of the new ones. */
  groups?: { before: string[]; after: string[] };
}

/**
 * How two digests differ. A digest that cannot be read (another version, a damaged record) counts as
 * a plan with no rows: every row then differs, and the approver sees the whole plan again.
 */
export function planDifferences(before: Json, after: Json): PlanDifferences {
  const earlier = readDigest(before);
  const later = readDigest(after);
  const byRow = (digest: z.infer<typeof digestSchema> | undefined) => new Map((digest?.rows ?? []).map((row) => [row.row, row]));
  const was = byRow(earlier);
  const now = byRow(later);
  const numbers = [...new Set([...was.keys(), ...now.keys()])].sort((a, b) => a - b);
  const rows: RowDifference[] = [];
  for (const row of numbers) {
    const a = was.get(row);
    const b = now.get(row);
    if (a && b && sameRow(a, b)) continue;
    rows.push({ row, number: b?.number ?? a?.number ?? '', before: a, after: b });
  }
  const groupsBefore = earlier?.groups ?? [];
  const groupsAfter = later?.groups ?? [];
  const groupsDiffer = !sameList(groupsBefore, groupsAfter);
  return {
    changed: earlier === undefined || later === undefined || rows.length > 0 || groupsDiffer,
    rows,
    ...(groupsDiffer ? { groups: { before: groupsBefore, after: groupsAfter } } : {}),
  };
}

function readDigest(json: Json): z.infer<typeof digestSchema> | undefined {
  const parsed = digestSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

function sameRow(a: DigestRow, b: DigestRow): boolean {
  return a.number === b.number && a.effect === b.effect && a.reason === b.reason && a.changes.length === b.changes.length && a.changes.every((change, i) => sameList(change, b.changes[i] ?? []));
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
