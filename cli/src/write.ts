import { createWriteStream } from 'node:fs';
import { chmod, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { basename, dirname, join } from 'node:path';
import { CliError, describeFsError } from './errors.js';

/** A name next to the target, hidden and unique to this process, so that rename stays on one file system. */
function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

/**
 * Replaces a file so that a reader sees either the old or the new content, never half of it:
 * an interrupted fix must not corrupt the user's file. The file keeps its permissions.
 */
export async function replaceFile(path: string, label: string, text: string): Promise<void> {
  const temp = tempPathFor(path);
  try {
    const { mode } = await stat(path);
    await writeFile(temp, text, 'utf8');
    await chmod(temp, mode & 0o7777);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw new CliError(`cannot write ${label}: ${describeFsError(error)}`);
  }
}

export interface NewFile {
  name: string;
  text: string;
}

/**
 * Writes every file, or none: all are written under temporary names first and renamed only when
 * all succeeded, since half a set of split batches is a batch that loses rows.
 */
export async function writeFilesTogether(directory: string, label: string, files: readonly NewFile[]): Promise<void> {
  try {
    await mkdir(directory, { recursive: true });
  } catch (error) {
    throw new CliError(`cannot create ${label}: ${describeFsError(error)}`);
  }
  const temps = files.map((file) => ({ temp: tempPathFor(join(directory, file.name)), final: join(directory, file.name), file }));
  try {
    for (const { temp, file } of temps) await writeFile(temp, file.text, 'utf8');
  } catch (error) {
    await Promise.all(temps.map(({ temp }) => rm(temp, { force: true })));
    throw new CliError(`cannot write into ${label}: ${describeFsError(error)}`);
  }
  try {
    for (const { temp, final } of temps) await rename(temp, final);
  } catch (error) {
    await Promise.all(temps.map(({ temp }) => rm(temp, { force: true })));
    throw new CliError(`cannot write into ${label}: ${describeFsError(error)}`);
  }
}

/**
 * Writes a stream to a file whole or not at all: a download cut short must not leave half a file
 * where a whole one is expected.
 */
export async function streamToFile(path: string, label: string, chunks: AsyncIterable<Uint8Array>): Promise<void> {
  const temp = tempPathFor(path);
  try {
    await pipeline(Readable.from(chunks), createWriteStream(temp));
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    // What the stream itself failed with (a download cut short) is for the caller to describe.
    if (!(error instanceof Error && 'syscall' in error)) throw error;
    throw new CliError(`cannot write ${label}: ${describeFsError(error)}`);
  }
}
