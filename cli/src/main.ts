#!/usr/bin/env node
import { errorCode } from './errors.js';
import { nodeIo } from './io.js';
import { run } from './run.js';

// `numbers-csv check big/ | head` closes the pipe early: that is the reader's choice, not a failure.
process.stdout.on('error', (error: unknown) => {
  if (errorCode(error) === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`numbers-csv: cannot write to standard output: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});

process.exitCode = await run(process.argv.slice(2), nodeIo());
