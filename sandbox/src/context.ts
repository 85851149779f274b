import type { FaultSwitches } from './faults.js';
import type { ResolvedOptions } from './options.js';
import type { NumbersState } from './state.js';
import type { TokenStore } from './tokens.js';

/** What the request handlers share. */
export interface SandboxContext {
  options: ResolvedOptions;
  state: NumbersState;
  tokens: TokenStore;
  faults: FaultSwitches;
  /** Saves the state as it is now; resolves once it is saved (at once when there is no state file). */
  save(): Promise<void>;
}
