/** The bot's table names, qualified by its schema when it has one of its own. */
export interface PostgresTables {
  schema: string | undefined;
  batches: string;
  transitions: string;
  claims: string;
  migrations: string;
}

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

export function postgresTables(schema: string | undefined): PostgresTables {
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`The PostgreSQL schema "${schema}" is not a plain name: use letters, digits and _ (at most 63, not starting with a digit).`);
  }
  const table = (name: string): string => (schema === undefined ? name : `"${schema}".${name}`);
  return {
    schema,
    batches: table('batches'),
    transitions: table('batch_transitions'),
    claims: table('claims'),
    migrations: table('schema_migrations'),
  };
}
