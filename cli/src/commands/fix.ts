import { parseArgs } from 'node:util';
import { decode, fixAll, type Encoding } from '@numbers-csv/shared';
import { COMMON_OPTIONS, parsingArgs } from '../args.js';
import { loadSettings } from '../config.js';
import { UsageError } from '../errors.js';
import { encodingName, issueLines, plural } from '../format/text.js';
import { readInput, singleInput } from '../inputs.js';
import type { Io } from '../io.js';
import { locate } from '../positions.js';
import { countSeverities } from '../report.js';
import { commandUsage } from '../usage.js';
import { replaceFile } from '../write.js';

export async function fix(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parsingArgs('fix', () =>
    parseArgs({ args, options: { ...COMMON_OPTIONS, write: { type: 'boolean', short: 'w' } }, allowPositionals: true, strict: true }),
  );
  if (values.help) {
    io.stdout.write(commandUsage('fix'));
    return 0;
  }
  const input = await singleInput(positionals, io, 'fix');
  if (values.write && input.kind === 'stdin') throw new UsageError('--write needs a file; with - the fixed text goes to standard output', 'fix');
  const settings = await loadSettings(values.config, io.cwd);
  const { text, encoding } = decode(await readInput(input, io));
  const result = fixAll(text, settings);

  const reencoded = !isUtf8(encoding);
  if (!values.write) io.stdout.write(result.text);
  else if (input.kind === 'file' && (result.text !== text || reencoded)) await replaceFile(input.path, input.label, result.text);

  const severities = countSeverities(result.issues);
  const what = values.write ? (result.text !== text || reencoded ? 'written' : 'nothing to write') : 'printed';
  const conversion = reencoded ? `, converted from ${encodingName(encoding)} to UTF-8` : '';
  const remain =
    result.issues.length === 0
      ? 'no issues remain'
      : `${plural(result.issues.length, 'issue remains', 'issues remain')} (${plural(severities.error, 'error')}, ${plural(severities.warning, 'warning')})`;
  io.stderr.write(`${input.label}: ${plural(result.applied, 'fix', 'fixes')} applied (${what}${conversion}); ${remain}\n`);
  const errors = result.issues.filter((issue) => issue.severity === 'error');
  io.stderr.write(issueLines(input.label, errors, locate));
  return errors.length > 0 ? 1 : 0;
}

/** Written back as UTF-8 anyway; only other encodings are a change worth a word. */
function isUtf8(encoding: Encoding): boolean {
  return encoding === 'utf-8' || encoding === 'utf-8-bom';
}
