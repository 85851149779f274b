import { parseArgs } from 'node:util';
import { apiClient } from '../api.js';
import { COMMON_OPTIONS, parsingArgs } from '../args.js';
import { loadSettings } from '../config.js';
import { CONNECTION_OPTIONS, readConnection } from '../connection.js';
import { ansi, plain } from '../format/colour.js';
import { formatPlan } from '../format/plan.js';
import { issueLines } from '../format/text.js';
import { singleInput } from '../inputs.js';
import { wantsColour, type Io } from '../io.js';
import { PLANNING_OPTIONS, planFile } from '../planning.js';
import { locate } from '../positions.js';
import { commandUsage } from '../usage.js';

export async function planCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parsingArgs('plan', () =>
    parseArgs({ args, options: { ...COMMON_OPTIONS, ...CONNECTION_OPTIONS, ...PLANNING_OPTIONS }, allowPositionals: true, strict: true }),
  );
  if (values.help) {
    io.stdout.write(commandUsage('plan'));
    return 0;
  }
  const input = await singleInput(positionals, io, 'plan');
  const settings = await loadSettings(values.config, io.cwd);
  const connection = readConnection(values, io);
  const client = apiClient(connection);
  try {
    const paint = wantsColour(io) ? ansi : plain;
    const { plan, warnings } = await planFile(input, io, settings, client, values['owner-of']);
    io.stdout.write(`${input.label}: what each row will do, against the numbers at ${connection.baseUrl}\n\n`);
    io.stdout.write(formatPlan(plan, paint));
    if (warnings.length > 0) io.stdout.write(`\n${issueLines(input.label, warnings, locate, paint)}`);
    return plan.blocked.length > 0 || plan.summary.failingRows.length > 0 ? 1 : 0;
  } finally {
    await client.close();
  }
}
