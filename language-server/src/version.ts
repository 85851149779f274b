import { readFileSync } from 'node:fs';

export const SERVER_NAME = 'numbers-csv-language-server';

/** The package's version, as the client shows it; undefined where no package.json is beside the code (a bundle). */
export function serverVersion(): string | undefined {
  try {
    const manifest: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    if (typeof manifest === 'object' && manifest !== null && 'version' in manifest && typeof manifest.version === 'string') return manifest.version;
  } catch {
    // No manifest to read: the version is optional in `serverInfo`.
  }
  return undefined;
}
