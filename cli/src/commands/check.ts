import { parseArgs } from 'node:util';
import { validateBytes } from '@numbers-csv/shared';
import { COMMON_OPTIONS, parsingArgs } from '../args.js';
import { loadSettings } from '../config.js';
import { UsageError } from '../errors.js';
import { ansi, plain } from '../format/colour.js';
import { formatJson } from '../format/json.js';
import { formatSarif } from '../format/sarif.js';
import { formatText } from '../format/text.js';
import { expandInputs, readInput } from '../inputs.js';
import { wantsColour, type Io } from '../io.js';
import { fileReport, hasErrors, type FileReport } from '../report.js';
import { commandUsage } from '../usage.js';
import { cliVersion } from '../version.js';

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

export async function check(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parsingArgs('check', () =>
    parseArgs({ args, options: { ...COMMON_OPTIONS, format: { type: 'string', short: 'f' } }, allowPositionals: true, strict: true }),
  );
  if (values.help) {
    io.stdout.write(commandUsage('check'));
    return 0;
  }
  const format = formatNamed(values.format ?? 'text');
  if (positionals.length === 0) throw new UsageError('check needs a file, a directory, or - for standard input', 'check');
  const settings = await loadSettings(values.config, io.cwd);
  const inputs = await expandInputs(positionals, io, 'check');

  const reports: FileReport[] = [];
  for (const input of inputs) {
    const result = validateBytes(await readInput(input, io), settings);
    reports.push(fileReport(input.label, input.kind === 'stdin', result, settings));
  }

  if (format === 'json') io.stdout.write(formatJson(reports));
  else if (format === 'sarif') io.stdout.write(formatSarif(reports, io.cwd, await cliVersion()));
  else io.stdout.write(formatText(reports, wantsColour(io) ? ansi : plain));
  return reports.some((report) => hasErrors(report.issues)) ? 1 : 0;
}

function formatNamed(value: string): Format {
  const format = FORMATS.find((name) => name === value);
  if (!format) throw new UsageError(`unknown format "${value}"; use text, json or sarif`, 'check');
  return format;
}
