import type { Effect } from './plan.js';

/** How each effect reads, wherever a plan is shown (`3 update`, `1 no change`, `2 will fail`): one wording for the command line and the bot. */
export const EFFECT_WORDS: Readonly<Record<Effect, string>> = {
  create: 'create',
  update: 'update',
  attach: 'attach',
  detach: 'detach',
  delete: 'delete',
  'no-op': 'no change',
  fail: 'will fail',
  unknown: 'not checked',
};
