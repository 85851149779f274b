import { z } from 'zod';
import { CATALOGUE, type IssueCode, type Severity } from './catalogue.js';
import { OPERATIONS, type Operation } from './domain/operations.js';

const limit = z.number().int().min(0);

/** Platform defaults; environments may configure others. */
export const DEFAULT_LIMITS: Readonly<Record<Operation, number>> = { Update: 800, Attach: 800, Detach: 100, Delete: 10, Create: 100 };

const severityOverride = z.enum(['error', 'warning', 'info', 'off']);

export const settingsSchema = z
  .object({
    limits: z
      .object({
        Create: limit.default(DEFAULT_LIMITS.Create),
        Update: limit.default(DEFAULT_LIMITS.Update),
        Attach: limit.default(DEFAULT_LIMITS.Attach),
        Detach: limit.default(DEFAULT_LIMITS.Detach),
        Delete: limit.default(DEFAULT_LIMITS.Delete),
      })
      .strict()
      .prefault({}),
    /** Providers accepted in Create rows, compared case-sensitively. */
    providers: z.array(z.string().min(1)).min(1).default(['twilio']),
    /** Which NUMBER formats the environment accepts. */
    numberFormats: z.array(z.enum(['e164', 'uuid'])).min(1).default(['e164', 'uuid']),
    /** Per-code severity; `off` silences a code. */
    severity: z
      .partialRecord(z.enum(Object.keys(CATALOGUE) as [IssueCode, ...IssueCode[]]), severityOverride)
      .default({}),
    /** Larger files are refused rather than read. */
    maxFileBytes: z.number().int().positive().default(64 * 1024 * 1024),
  })
  .strict();

export type Settings = z.output<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;
export type SeverityOverride = z.infer<typeof severityOverride>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

export interface SettingsResult {
  settings: Settings;
  /** One line per problem, naming the key: `limits.Delete: expected a whole number ≥ 0, got "ten"`. */
  problems: string[];
}

/**
 * Reads settings from untrusted input (a config file, an editor, the environment). Invalid keys
 * fall back to their defaults, and each problem is described so that the user can fix it.
 */
export function parseSettings(input: unknown): SettingsResult {
  const first = settingsSchema.safeParse(input ?? {});
  if (first.success) return { settings: first.data, problems: [] };
  const problems = first.error.issues.map(describeProblem);
  const repaired = structuredClone(input) as unknown;
  for (const problem of first.error.issues) removeAt(repaired, problem);
  const second = settingsSchema.safeParse(repaired ?? {});
  return { settings: second.success ? second.data : DEFAULT_SETTINGS, problems };
}

export function effectiveSeverity(settings: Settings, code: IssueCode): Severity | 'off' {
  return settings.severity[code] ?? CATALOGUE[code].severity;
}

function describeProblem(issue: z.core.$ZodIssue): string {
  const key = issue.path.map(String).join('.') || '(settings)';
  if (issue.code === 'unrecognized_keys') {
    const where = issue.path.length > 0 ? `${key}: ` : '';
    return issue.keys.map((name) => `${where}unknown key "${name}"${suggestKey(issue.path, name)}`).join('\n');
  }
  return `${key}: ${issue.message}`;
}

const KNOWN_KEYS: Record<string, readonly string[]> = {
  '': ['limits', 'providers', 'numberFormats', 'severity', 'maxFileBytes'],
  limits: OPERATIONS,
};

function suggestKey(path: readonly PropertyKey[], name: string): string {
  const known = KNOWN_KEYS[path.map(String).join('.')] ?? [];
  const match = known.find((candidate) => candidate.toLowerCase() === name.toLowerCase() || candidate.toLowerCase().startsWith(name.toLowerCase()) || name.toLowerCase().startsWith(candidate.toLowerCase()));
  return match ? ` (did you mean "${match}"?)` : '';
}

/** Deletes the offending key (or the unknown keys) so that the default applies in its place. */
function removeAt(root: unknown, issue: z.core.$ZodIssue): void {
  const path = issue.path;
  let parent: unknown = root;
  const last = issue.code === 'unrecognized_keys' ? undefined : path[path.length - 1];
  const parentPath = issue.code === 'unrecognized_keys' ? path : path.slice(0, -1);
  for (const key of parentPath) {
    if (parent === null || typeof parent !== 'object') return;
    parent = (parent as Record<PropertyKey, unknown>)[key as PropertyKey];
  }
  if (parent === null || typeof parent !== 'object') return;
  const record = parent as Record<string, unknown>;
  if (issue.code === 'unrecognized_keys') for (const key of issue.keys) delete record[key];
  else if (last !== undefined) {
    if (Array.isArray(record)) {
      // A bad element spoils the whole list; drop the list so that its default applies.
      removeAt(root, { ...issue, path: parentPath } as z.core.$ZodIssue);
    } else delete record[String(last)];
  }
}
