// Bundles the client and the language server into dist/ as CommonJS, which is what VS Code loads,
// and copies the rules page that diagnostics link to. Run after `tsc -b` (the root `npm run package`
// does): the server imports the core through its package, which points at shared/dist.
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const here = new URL('.', import.meta.url);

/** @type {import('esbuild').BuildOptions} */
const common = {
  absWorkingDir: fileURLToPath(here),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node18',
  minify: true,
  // Linked maps help a debugger attached to the server; .vscodeignore keeps them out of the .vsix.
  sourcemap: 'linked',
  logLevel: 'warning',
};

await mkdir(new URL('docs/', here), { recursive: true });
await copyFile(new URL('../docs/rules.md', here), new URL('docs/rules.md', here));

await Promise.all([
  build({ ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.cjs', external: ['vscode'] }),
  build({
    ...common,
    entryPoints: ['../language-server/src/main.ts'],
    outfile: 'dist/server.cjs',
    // The server and the core are ES modules; in a CommonJS bundle `import.meta` is empty, so its
    // `url` is computed from the bundle's own file instead. The banner comes before esbuild's own
    // "use strict", which would then no longer count, so it says it first.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: '"use strict";const importMetaUrl=require("node:url").pathToFileURL(__filename).href;' },
  }),
]);
