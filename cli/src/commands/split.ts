import { readdir, rm } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { decode, splitByLimits, SplitPartNames, type Settings, type SplitPart } from '@numbers-csv/shared';
import { COMMON_OPTIONS, parsingArgs } from '../args.js';
import { loadSettings } from '../config.js';
import { UsageError } from '../errors.js';
import { countsAgainstLimits, issueLines, plural } from '../format/text.js';
import { readInput, singleInput } from '../inputs.js';
import type { Io } from '../io.js';
import { locate } from '../positions.js';
import { commandUsage } from '../usage.js';
import { writeFilesTogether } from '../write.js';

export async function split(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parsingArgs('split', () =>
    parseArgs({
      args,
      options: { ...COMMON_OPTIONS, 'out-dir': { type: 'string', short: 'o' }, 'allow-delete-split': { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (values.help) {
    io.stdout.write(commandUsage('split'));
    return 0;
  }
  const input = await singleInput(positionals, io, 'split');
  // The parts are named after the file, so standard input has no name to give them.
  if (input.kind === 'stdin') throw new UsageError('split needs a file, not standard input', 'split');
  const outDir = values['out-dir'];
  if (outDir === undefined) throw new UsageError('split needs --out-dir <dir>', 'split');
  const settings = await loadSettings(values.config, io.cwd);
  const { text } = decode(await readInput(input, io));

  const result = splitByLimits(text, settings, { allowDeleteSplit: values['allow-delete-split'] === true });
  if (!result.ok) {
    io.stderr.write(`${input.label}: not split. ${result.reason}\n`);
    io.stderr.write(issueLines(input.label, result.issues, locate));
    return 1;
  }
  if (result.parts.length === 0) {
    io.stderr.write(`${input.label}: no data rows; nothing written\n`);
    return 0;
  }

  const names = new SplitPartNames(baseName(input.label), '.csv');
  const files = result.parts.map((part, index) => ({ name: names.name(index + 1), text: part.text, part }));
  const directory = resolve(io.cwd, outDir);
  await writeFilesTogether(directory, outDir, files);
  for (const stale of names.stale(await readdir(directory), files.length).map((number) => names.name(number))) {
    // Parts left by an earlier, longer split would be applied with the new ones and run rows twice.
    await rm(join(directory, stale), { force: true });
    io.stderr.write(`${join(outDir, stale)}: removed, left over from an earlier split\n`);
  }
  for (const file of files) io.stdout.write(`${join(outDir, file.name)}: ${partSummary(file.part, settings.limits)}\n`);
  return 0;
}

function baseName(path: string): string {
  const name = basename(path);
  const extension = extname(name);
  return extension.toLowerCase() === '.csv' ? name.slice(0, -extension.length) : name;
}

function partSummary(part: SplitPart, limits: Settings['limits']): string {
  const rows = Object.values(part.counts).reduce((sum, count) => sum + count, 0);
  return `${plural(rows, 'row')} — ${countsAgainstLimits(part.counts, limits)}`;
}
