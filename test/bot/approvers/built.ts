import type * as Approvers from '../../../bot/src/approvers/index.js';

// The bot package exports only its entry point: load the built module, with its source's types.
export const approvers = (await import(new URL('../../../../bot/dist/approvers/index.js', import.meta.url).href)) as typeof Approvers;
