// The main job, end to end on this machine: a local numbers API (the sandbox) on a free loopback
// port, then the command line as a user would type it: check the examples, fix the spreadsheet one,
// plan a batch against the live numbers, apply it, and read the changed export. Nothing leaves
// loopback; the sandbox stops at the end.
import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SANDBOX_TOKENS, startSandbox } from '@numbers-csv/sandbox';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'cli', 'dist', 'main.js');

const sandbox = await startSandbox({ port: 0 });
const work = await mkdtemp(join(tmpdir(), 'numbers-csv-demo-'));
let failed = false;
try {
  // The batch is applied from a copy, so that the failed-rows file apply may write lands there.
  await copyFile(join(root, 'examples', 'mixed.csv'), join(work, 'mixed.csv'));
  const env = { ...process.env, NUMBERS_API_BASE_URL: sandbox.baseUrl, NUMBERS_API_TOKEN: SANDBOX_TOKENS.owner, NO_COLOR: '1' };
  delete env.NUMBERS_API_OIDC_TOKEN_URL;

  note(`A local numbers API is running at ${sandbox.baseUrl}, seeded from examples/export.csv.`);
  note('Every example file, with the mistakes spreadsheets make (exit 1 means "mistakes found"):');
  await show(['check', 'examples/'], root, env);
  note('The safe fixes of the spreadsheet example:');
  await show(['fix', 'examples/spreadsheet-mistakes.csv'], root, env);
  note('Applying examples/mixed.csv: what each row will do to the live numbers, then what it did (--yes stands for the confirmation a person types):');
  await show(['apply', 'mixed.csv', '--yes'], work, env);
  note('The export afterwards:');
  await show(['export'], work, env);
} catch (error) {
  failed = true;
  process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`);
} finally {
  await sandbox.close();
  await rm(work, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;

function note(text) {
  process.stdout.write(`\n# ${text}\n`);
}

/** Runs the CLI and shows it as typed; exit 1 ("mistakes found", "a row failed") is part of the story, 2 is not. */
function show(args, cwd, env) {
  const [command] = args;
  process.stdout.write(`$ numbers-csv ${args.join(' ')}\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code !== null && code <= 1 ? resolve(code) : reject(new Error(`numbers-csv ${command} exited with ${code}`))));
  });
}
