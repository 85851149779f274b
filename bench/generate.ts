import { DEFAULT_LIMITS, EXPORT_COLUMNS, OPERATIONS, type Operation } from '@numbers-csv/shared';

/** A seeded generator (mulberry32), so that every run measures the same text. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Country {
  code: string;
  locale: string;
  /** The E.164 number for subscriber `n` (0..9999) of this plan. */
  number(n: number): string;
}

const pad4 = (n: number): string => String(n).padStart(4, '0');

/**
 * Ten numbering plans of 10,000 numbers each, mostly the fictional 555 ranges and the drama ranges
 * that regulators set aside, so 100,000 rows get distinct, well-formed numbers.
 */
const PLANS: readonly Country[] = [
  ...['415', '628', '650', '212', '646', '312'].map((area) => ({ code: 'US', locale: 'en-US', number: (n: number) => `+1${area}555${pad4(n)}` })),
  { code: 'GB', locale: 'en-GB', number: (n) => `+44207946${pad4(n)}` },
  { code: 'DE', locale: 'de-DE', number: (n) => `+49301234${pad4(n)}` },
  { code: 'FR', locale: 'fr-FR', number: (n) => `+331420${pad4(n)}` },
  { code: 'CA', locale: 'en-CA', number: (n) => `+1604555${pad4(n)}` },
];

/** The `i`-th distinct number (i < 100,000) and its plan. */
function numberAt(i: number): { number: string; plan: Country } {
  const plan = PLANS[i % PLANS.length] as Country;
  return { number: plan.number(Math.floor(i / PLANS.length)), plan };
}

const GROUPS = ['ocp', 'ocp', 'ocp', 'emea-support', 'us-sales'];
const TAGS = ['', '', '', '', 'support', 'sales', 'ivr'];
const NOTES = [
  '',
  '',
  '',
  'Main line',
  '"Reception, front desk"',
  '"Sales, EMEA, after hours"',
  'Ported from legacy PBX',
  '"Escalations ""priority"" queue"',
  '"Temporary, until Q3"',
];

export const EXPORT_HEADER = [...EXPORT_COLUMNS, 'OPERATION'].join(',');

/** An export, as the platform writes it, with OPERATION Update added on every row. */
export function exportWithUpdates(rows: number, seed = 1): string {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const lines = [EXPORT_HEADER];
  for (let i = 0; i < rows; i++) {
    const { number, plan } = numberAt(i);
    const group = pick(GROUPS);
    const attached = next() < 0.9;
    const app = attached ? `app${i % 37}.surname_test.Numeric.MiniApps.${group}` : '';
    lines.push(
      [
        pick(TAGS),
        plan.code,
        group,
        plan.locale,
        attached ? 'miniApps' : '',
        attached ? group : '',
        app,
        attached ? `miniapp_${i % 37}` : '',
        attached ? 'Numeric' : '',
        number,
        // Every row must change something, or it is an update-no-change warning.
        attached || next() < 0.5 ? `set-${group}-${i % 11}` : 'testSetId',
        pick(NOTES),
        'Update',
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

export const BATCH_HEADER = 'NUMBER,OPERATION,GROUP_ID,PROVIDER,MINIAPP_ID,PHONE_NUMBER_SET_ID,APPLICATION_TAG,LOCALE,NOTE';

/** Rows per operation that fill every default limit exactly: 1,810 rows. */
export const FULL_BATCH: Readonly<Record<Operation, number>> = DEFAULT_LIMITS;

/** A valid batch with exactly `counts` rows of each operation, operations interleaved as people mix them. */
export function fullBatch(counts: Readonly<Record<Operation, number>> = FULL_BATCH): string {
  const queue: Operation[] = [];
  const left = { ...counts };
  while (OPERATIONS.some((op) => left[op] > 0)) {
    for (const op of OPERATIONS) {
      if (left[op] > 0) {
        queue.push(op);
        left[op]--;
      }
    }
  }
  const lines = [BATCH_HEADER];
  queue.forEach((operation, i) => {
    const { number, plan } = numberAt(i);
    const row = (group: string, provider: string, app: string, set: string, tag: string, locale: string, note: string) =>
      [number, operation, group, provider, app, set, tag, locale, note].join(',');
    switch (operation) {
      case 'Create':
        lines.push(row('ocp', 'twilio', '', '', '', '', ''));
        break;
      case 'Update':
        lines.push(row('', '', `app${i % 37}.surname_test.Numeric.MiniApps.ocp`, `set-ocp-${i % 11}`, i % 3 === 0 ? 'support' : '', plan.locale, i % 5 === 0 ? '"Moved, see ticket 42"' : ''));
        break;
      case 'Attach':
        lines.push(row('', '', `app${i % 37}.surname_test.Numeric.MiniApps.ocp`, '', '', plan.locale, ''));
        break;
      case 'Detach':
      case 'Delete':
        lines.push(row('', '', '', '', '', '', ''));
        break;
    }
  });
  return `${lines.join('\n')}\n`;
}

/**
 * Live numbers that every row of the batch applies to: each number it does not create, in group
 * `ocp`, attached to a mini app, in one of the sets and with the mini apps the batch names.
 */
export function liveNumbersFor(batch: string): string {
  const lines = [EXPORT_COLUMNS.join(',')];
  batch
    .split('\n')
    .slice(1)
    .filter((line) => line !== '' && !line.includes(',Create,'))
    .forEach((line, i) => {
      const number = line.slice(0, line.indexOf(','));
      const app = `app${i % 37}.surname_test.Numeric.MiniApps.ocp`;
      const values: Record<string, string> = { COUNTRY: '', GROUP_ID: 'ocp', LOCALE: 'en-US', MINIAPP_DIAMANT_APP_NAME: 'miniApps', MINIAPP_GROUP: 'ocp', MINIAPP_ID: app, MINIAPP_NAME: `miniapp_${i % 37}`, MINIAPP_TYPE: 'Numeric', NUMBER: number, PHONE_NUMBER_SET_ID: `set-ocp-${i % 11}` };
      lines.push(EXPORT_COLUMNS.map((column) => values[column] ?? '').join(','));
    });
  return `${lines.join('\n')}\n`;
}
