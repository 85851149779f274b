import { readFile } from 'node:fs/promises';

/** The version in cli/package.json, read from next to the built files (dist/../package.json). */
export async function cliVersion(): Promise<string> {
  try {
    const manifest: unknown = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
    if (typeof manifest === 'object' && manifest !== null && 'version' in manifest && typeof manifest.version === 'string') return manifest.version;
  } catch {
    // A bundled or relocated build may lack the manifest; the version is not worth failing for.
  }
  return 'unknown';
}
