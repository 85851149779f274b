import type * as AnnotatedCsv from '../../../bot/src/blocks/annotated-csv.js';
import type * as Command from '../../../bot/src/blocks/command.js';
import type * as Decision from '../../../bot/src/blocks/decision.js';
import type * as FailedCsv from '../../../bot/src/blocks/failed-csv.js';
import type * as Kit from '../../../bot/src/blocks/kit.js';
import type * as PlanChanged from '../../../bot/src/blocks/plan-changed.js';
import type * as PlanDigest from '../../../bot/src/blocks/plan-digest.js';
import type * as Progress from '../../../bot/src/blocks/progress.js';
import type * as Refusals from '../../../bot/src/blocks/refusals.js';
import type * as RejectModal from '../../../bot/src/blocks/reject-modal.js';
import type * as Result from '../../../bot/src/blocks/result.js';
import type * as Summary from '../../../bot/src/blocks/summary.js';
import type * as Text from '../../../bot/src/blocks/text.js';

/**
 * The bot package exports only its entry point; its modules are loaded from where `tsc -b` builds
 * them, with the types of their sources (as test/bot/store/store-module.ts does for the store).
 */
async function load<T>(path: string): Promise<T> {
  return (await import(new URL(`../../../../bot/dist/blocks/${path}`, import.meta.url).href)) as T;
}

export const annotatedCsvModule = await load<typeof AnnotatedCsv>('annotated-csv.js');
export const commandModule = await load<typeof Command>('command.js');
export const decisionModule = await load<typeof Decision>('decision.js');
export const failedCsvModule = await load<typeof FailedCsv>('failed-csv.js');
export const kit = await load<typeof Kit>('kit.js');
export const planChangedModule = await load<typeof PlanChanged>('plan-changed.js');
export const planDigestModule = await load<typeof PlanDigest>('plan-digest.js');
export const progressModule = await load<typeof Progress>('progress.js');
export const refusalsModule = await load<typeof Refusals>('refusals.js');
export const rejectModalModule = await load<typeof RejectModal>('reject-modal.js');
export const resultModule = await load<typeof Result>('result.js');
export const summaryModule = await load<typeof Summary>('summary.js');
export const textModule = await load<typeof Text>('text.js');
