import path from 'node:path';

/** Where a store lives, as its database URL says. */
export type DatabaseTarget =
  | { engine: 'sqlite'; /** An absolute path, or `:memory:`. */ filename: string }
  | { engine: 'postgres'; connectionString: string };

export const ACCEPTED_DATABASE_URLS =
  'sqlite:./path/file.sqlite (a file, created with its folder if missing), sqlite::memory: (lost when the bot stops) ' +
  'or postgres://user:password@host:5432/database (postgresql:// too)';

/**
 * Reads a database URL. The error never repeats the URL, as a PostgreSQL URL may hold a password;
 * it names the scheme it saw and the forms it takes.
 */
export function parseDatabaseUrl(databaseUrl: string): DatabaseTarget {
  const url = databaseUrl.trim();
  if (url === '') throw new Error(`The database URL is empty: use ${ACCEPTED_DATABASE_URLS}.`);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();

  if (scheme === 'sqlite') {
    let location = url.slice('sqlite:'.length);
    // sqlite:///var/lib/bot.sqlite is how other tools write an absolute path.
    if (location.startsWith('//')) location = location.slice(2);
    if (location === ':memory:') return { engine: 'sqlite', filename: ':memory:' };
    if (location === '') throw new Error(`The database URL "sqlite:" names no file: use ${ACCEPTED_DATABASE_URLS}.`);
    return { engine: 'sqlite', filename: path.resolve(location) };
  }

  if (scheme === 'postgres' || scheme === 'postgresql') {
    if (!URL.canParse(url)) throw new Error(`The ${scheme}: database URL is not a valid URL: use ${ACCEPTED_DATABASE_URLS}.`);
    return { engine: 'postgres', connectionString: url };
  }

  const seen = scheme === undefined ? 'has no scheme' : `has the scheme "${scheme}:"`;
  throw new Error(`The database URL ${seen}, which the bot cannot use: use ${ACCEPTED_DATABASE_URLS}.`);
}
