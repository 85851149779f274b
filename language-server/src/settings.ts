import { parseSettings, type Settings } from '@numbers-csv/shared';

/** The settings a served document is validated and published with. */
export interface ServerSettings {
  core: Settings;
  /** Diagnostics published per file at most: an export with 100,000 warnings must not flood the editor. */
  maxDiagnostics: number;
}

export const DEFAULT_MAX_DIAGNOSTICS = 1000;

/** The configuration section the server reads (`numbersCsv.limits.Delete`, …). */
export const SECTION = 'numbersCsv';

export interface ServerSettingsResult {
  settings: ServerSettings;
  /** One line per problem, named as the user writes the key: `numbersCsv.limits.Delete: …`. */
  problems: string[];
}

/**
 * Reads the `numbersCsv` section as an editor returns it. The keys only the server knows
 * (`maxDiagnostics`, and `trace`, which the client reads for itself) are taken out first, so that
 * the core's strict schema sees exactly its own settings.
 */
export function readServerSettings(section: unknown): ServerSettingsResult {
  const { maxDiagnostics, trace: _trace, ...core } = isRecord(section) ? section : {};
  const parsed = parseSettings(core);
  const problems = parsed.problems.flatMap((problem) => problem.split('\n')).map(qualify);
  let max = DEFAULT_MAX_DIAGNOSTICS;
  if (maxDiagnostics !== undefined && maxDiagnostics !== null) {
    if (typeof maxDiagnostics === 'number' && Number.isInteger(maxDiagnostics) && maxDiagnostics >= 0) max = maxDiagnostics;
    else problems.push(`${SECTION}.maxDiagnostics: expected a whole number ≥ 0, got ${JSON.stringify(maxDiagnostics)}`);
  }
  return { settings: { core: parsed.settings, maxDiagnostics: max }, problems };
}

/** `limits.Delete: …` → `numbersCsv.limits.Delete: …`; a problem of the whole section → `numbersCsv: …`. */
function qualify(problem: string): string {
  if (problem.startsWith('(settings): ')) return `${SECTION}: ${problem.slice('(settings): '.length)}`;
  return /^[\w.]+: /.test(problem) ? `${SECTION}.${problem}` : `${SECTION}: ${problem}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
