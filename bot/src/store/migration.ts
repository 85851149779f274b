/**
 * One step of the schema. Steps are never edited once released: a database records the versions it
 * has, and a change is a new step.
 */
export interface Migration {
  version: number;
  statements: readonly string[];
}

/** The steps a database still lacks, in order. */
export function pendingMigrations(migrations: readonly Migration[], applied: ReadonlySet<number>): Migration[] {
  return migrations.filter((migration) => !applied.has(migration.version)).sort((a, b) => a.version - b.version);
}
