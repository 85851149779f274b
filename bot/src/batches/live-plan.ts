import { liveSnapshot, plan, validate, type NumbersApiClient, type Plan, type Settings, type Snapshot, type ValidationResult } from '@numbers-csv/shared';

export interface LivePlan {
  validation: ValidationResult;
  snapshot: Snapshot;
  plan: Plan;
}

/** A batch validated and planned against the live numbers it names, read from a fresh export. */
export async function livePlan(numbers: NumbersApiClient, text: string, settings: Settings): Promise<LivePlan> {
  const snapshot = await liveSnapshot(numbers, validate(text, settings));
  return { validation: validate(text, settings, { snapshot }), snapshot, plan: plan(text, snapshot, { settings }) };
}
