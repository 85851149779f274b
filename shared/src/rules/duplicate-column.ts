import { fieldSpan } from '../table.js';
import type { Rule } from './rule.js';

/** With a column twice, which value the platform reads is anyone's guess. */
export function duplicateColumn(): Rule {
  return {
    codes: ['duplicate-column'],
    header(ctx) {
      const header = ctx.table.header;
      if (!header) return;
      const seen = new Map<string, number>();
      header.names.forEach((name, index) => {
        if (name === '') return;
        const earlier = seen.get(name);
        if (earlier === undefined) {
          seen.set(name, index);
          return;
        }
        const span = (i: number) => {
          const [start, end] = fieldSpan(header.record, i) ?? [0, 0];
          return { start, end };
        };
        ctx.report({
          code: 'duplicate-column',
          message: `${name} appears twice in the header (columns ${earlier + 1} and ${index + 1}). Keep one.`,
          ...span(index),
          column: name,
          related: [{ ...span(earlier), message: `First ${name} column` }],
        });
      });
    },
  };
}
