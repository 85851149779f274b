import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { EXPORT_COLUMNS } from '@numbers-csv/shared';
import { NumbersState, type LiveRow } from './state.js';

const LiveRowSchema = z.object(Object.fromEntries(EXPORT_COLUMNS.map((column) => [column, z.string()])) as Record<keyof LiveRow, z.ZodString>);

const StateFileSchema = z.object({
  version: z.literal(1),
  groups: z.array(z.string()),
  sets: z.array(z.object({ id: z.string(), group: z.string() })),
  miniApps: z.array(z.object({ id: z.string(), name: z.string(), type: z.string(), group: z.string(), diamantAppName: z.string() })),
  numbers: z.array(LiveRowSchema),
});
type StateFile = z.infer<typeof StateFileSchema>;

/** The state kept in `path`, or undefined when there is no such file yet. */
export async function loadStateFile(path: string): Promise<NumbersState | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`The sandbox state file ${path} is not JSON; delete it to start again from the seed.`);
  }
  const parsed = StateFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`The sandbox state file ${path} is not a sandbox state (${z.prettifyError(parsed.error)}); delete it to start again from the seed.`);
  }
  return fromFile(parsed.data);
}

/**
 * Writes the state after each change. Each write goes to a temporary file that is then renamed over
 * the state file, so that a reader or a crash never sees half a state; writes run one after the other
 * so that an older state never lands after a newer one.
 */
export class StateFileWriter {
  private last: Promise<void> = Promise.resolve();

  constructor(private readonly path: string) {}

  /** Takes the state as it is now; resolves once that state is on disk. */
  save(state: NumbersState): Promise<void> {
    const text = `${JSON.stringify(toFile(state))}\n`;
    const write = this.last.catch(() => undefined).then(() => this.writeAtomically(text));
    this.last = write;
    return write;
  }

  /** Resolves when every write asked for so far has ended, failed ones included. */
  async settled(): Promise<void> {
    await this.last.catch(() => undefined);
  }

  private async writeAtomically(text: string): Promise<void> {
    const temporary = `${this.path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, text, 'utf8');
      await rename(temporary, this.path);
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => undefined);
      throw error;
    }
  }
}

function toFile(state: NumbersState): StateFile {
  return {
    version: 1,
    groups: [...state.groups],
    sets: [...state.sets.values()],
    miniApps: [...state.miniApps.values()],
    numbers: state.rows(),
  };
}

function fromFile(file: StateFile): NumbersState {
  const state = new NumbersState();
  for (const group of file.groups) state.groups.add(group);
  for (const set of file.sets) state.learnSet(set);
  for (const app of file.miniApps) state.learnMiniApp(app);
  for (const row of file.numbers) state.numbers.set(row.NUMBER, row);
  return state;
}
