import { NULL_TOKEN, type RowResult } from '@numbers-csv/shared';
import { countryOf, isNumberShape } from './country.js';
import type { OperationRow } from './operations-file.js';
import { blankRow, withMiniApp, type LiveRow, type NumbersState } from './state.js';

type Outcome = Pick<RowResult, 'status' | 'message'>;

/** The fields an Update may change, in the order its message names them. */
const UPDATE_FIELDS = ['MINIAPP_ID', 'PHONE_NUMBER_SET_ID', 'APPLICATION_TAG', 'LOCALE', 'NOTE'] as const;

/** Runs the rows in file order, each on its own: a failed row changes nothing and stops no other row. */
export function runRows(state: NumbersState, rows: readonly OperationRow[], providers: readonly string[]): RowResult[] {
  return rows.map((row) => ({
    row: row.row,
    number: row.value('NUMBER'),
    operation: row.operation,
    ...runRow(state, row, providers),
  }));
}

function runRow(state: NumbersState, row: OperationRow, providers: readonly string[]): Outcome {
  switch (row.operation) {
    case 'Create':
      return create(state, row, providers);
    case 'Update':
      return update(state, row);
    case 'Attach':
      return attach(state, row);
    case 'Detach':
      return detach(state, row);
    case 'Delete':
      return remove(state, row);
  }
}

function create(state: NumbersState, row: OperationRow, providers: readonly string[]): Outcome {
  const number = row.value('NUMBER');
  const existing = state.numbers.get(number);
  if (existing !== undefined) return failed(`Number ${number} already exists, in group ${existing.GROUP_ID}.`);
  if (!isNumberShape(number)) return failed(`Number ${number} is neither an E.164 phone number nor a UUID.`);
  const group = row.value('GROUP_ID');
  if (!state.groups.has(group)) return failed(group === '' ? 'Create needs a GROUP_ID.' : `Group ${group} does not exist.`);
  const provider = row.value('PROVIDER');
  if (!providers.includes(provider)) {
    return failed(provider === '' ? 'Create needs a PROVIDER.' : `Provider ${provider} is unknown; known providers: ${providers.join(', ')}.`);
  }
  // `<NULL>` clears a field, and a new number has nothing to clear.
  const given = (column: 'LOCALE' | 'MINIAPP_ID' | 'PHONE_NUMBER_SET_ID' | 'APPLICATION_TAG' | 'NOTE'): string => {
    const value = row.value(column);
    return value === NULL_TOKEN ? '' : value;
  };
  const setProblem = setRefusal(state, given('PHONE_NUMBER_SET_ID'), group);
  if (setProblem !== undefined) return failed(setProblem);
  const appId = given('MINIAPP_ID');
  const app = appId === '' ? undefined : state.miniApps.get(appId);
  if (appId !== '' && app === undefined) return failed(`Mini app ${appId} does not exist.`);
  const created: LiveRow = {
    ...blankRow(),
    NUMBER: number,
    GROUP_ID: group,
    COUNTRY: countryOf(number),
    LOCALE: given('LOCALE'),
    PHONE_NUMBER_SET_ID: given('PHONE_NUMBER_SET_ID'),
    APPLICATION_TAG: given('APPLICATION_TAG'),
    NOTE: given('NOTE'),
  };
  state.numbers.set(number, withMiniApp(created, app));
  return ok(`Created in group ${group}.`);
}

function update(state: NumbersState, row: OperationRow): Outcome {
  const number = row.value('NUMBER');
  const current = state.numbers.get(number);
  if (current === undefined) return missing(number);
  let next: LiveRow = { ...current };
  const appId = row.value('MINIAPP_ID');
  if (appId === NULL_TOKEN) next = withMiniApp(next, undefined);
  else if (appId !== '') {
    const app = state.miniApps.get(appId);
    if (app === undefined) return failed(`Mini app ${appId} does not exist.`);
    next = withMiniApp(next, app);
  }
  const setId = row.value('PHONE_NUMBER_SET_ID');
  if (setId === NULL_TOKEN) next.PHONE_NUMBER_SET_ID = '';
  else if (setId !== '') {
    const setProblem = setRefusal(state, setId, current.GROUP_ID);
    if (setProblem !== undefined) return failed(setProblem);
    next.PHONE_NUMBER_SET_ID = setId;
  }
  for (const column of ['APPLICATION_TAG', 'LOCALE', 'NOTE'] as const) {
    const value = row.value(column);
    if (value === NULL_TOKEN) next[column] = '';
    else if (value !== '') next[column] = value;
  }
  const changes = UPDATE_FIELDS.filter((column) => next[column] !== current[column]).map((column) =>
    next[column] === '' ? `${column} cleared` : `${column} ${next[column]}`,
  );
  if (changes.length === 0) return ok(`No change: ${number} already has these values.`);
  state.numbers.set(number, next);
  return ok(`Updated: ${changes.join(', ')}.`);
}

function attach(state: NumbersState, row: OperationRow): Outcome {
  const number = row.value('NUMBER');
  const current = state.numbers.get(number);
  if (current === undefined) return missing(number);
  const appId = row.value('MINIAPP_ID');
  const locale = row.value('LOCALE');
  if (appId === '' || appId === NULL_TOKEN) return failed('Attach needs a MINIAPP_ID naming the mini app.');
  if (locale === '' || locale === NULL_TOKEN) return failed('Attach needs a LOCALE.');
  const app = state.miniApps.get(appId);
  if (app === undefined) return failed(`Mini app ${appId} does not exist.`);
  if (current.MINIAPP_ID === app.id && current.LOCALE === locale) {
    return ok(`No change: ${number} is already attached to ${app.id} with locale ${locale}.`);
  }
  state.numbers.set(number, withMiniApp({ ...current, LOCALE: locale }, app));
  return ok(`Attached to ${app.id} with locale ${locale}.`);
}

function detach(state: NumbersState, row: OperationRow): Outcome {
  const number = row.value('NUMBER');
  const current = state.numbers.get(number);
  if (current === undefined) return missing(number);
  if (current.MINIAPP_ID === '') return ok(`No change: ${number} is attached to no mini app.`);
  state.numbers.set(number, withMiniApp(current, undefined));
  return ok(`Detached from ${current.MINIAPP_ID}.`);
}

function remove(state: NumbersState, row: OperationRow): Outcome {
  const number = row.value('NUMBER');
  const current = state.numbers.get(number);
  if (current === undefined) return missing(number);
  state.numbers.delete(number);
  return ok(`Deleted from group ${current.GROUP_ID}.`);
}

/** Why a number of `group` cannot be in the set, or undefined when it can (or no set is named). */
function setRefusal(state: NumbersState, setId: string, group: string): string | undefined {
  if (setId === '') return undefined;
  const set = state.sets.get(setId);
  if (set === undefined) return `Phone number set ${setId} does not exist.`;
  if (set.group !== group) return `Phone number set ${setId} belongs to group ${set.group}, not ${group}.`;
  return undefined;
}

function missing(number: string): Outcome {
  return failed(`Number ${number} does not exist.`);
}

function ok(message: string): Outcome {
  return { status: 'OK', message };
}

function failed(message: string): Outcome {
  return { status: 'FAILED', message };
}
