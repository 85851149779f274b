import assert from 'node:assert/strict';
import { EXPORT_COLUMNS, numbersInBatch, readSnapshot, SnapshotReadError, type Snapshot } from '@numbers-csv/shared';
import { csv } from '../../helpers/issues.js';
import { attached, detached, exportOf, inChunks, LIVE } from './live-fixtures.js';

/** What a snapshot holds, comparable across readings. */
function contents(snapshot: Snapshot): unknown {
  return {
    rowsRead: snapshot.rowsRead,
    numbers: [...snapshot.kept()],
    groups: [...snapshot.groups].sort(),
    sets: [...snapshot.setGroups].map(([set, groups]) => [set, [...groups].sort()]).sort(),
    miniApps: [...snapshot.miniApps.values()],
  };
}

/** Values no ASCII reader gets right: two-, three- and four-byte characters, quotes, a line break. */
const AWKWARD = exportOf([
  detached('+14155550101', { NOTE: 'Café ☎ 😀 "front", desk\nsecond line' }),
  attached('+14155550102', { MINIAPP_NAME: 'Ünïcödé ✓', APPLICATION_TAG: '日本語' }),
  detached('+14155550103', { NOTE: '€' }),
]);

describe('readSnapshot', () => {
  it('keeps every number, with its values, when no numbers are named', async () => {
    const snapshot = await readSnapshot(exportOf(LIVE));
    assert.equal(snapshot.rowsRead, 4);
    assert.equal(snapshot.size, 4);
    const state = snapshot.state('+14155550103');
    assert.equal(state.kind, 'live');
    assert.deepEqual(state.kind === 'live' && state.live.values, {
      APPLICATION_TAG: 'sales',
      COUNTRY: 'US',
      GROUP_ID: 'ocp',
      LOCALE: 'en-GB',
      MINIAPP_DIAMANT_APP_NAME: 'miniApps',
      MINIAPP_GROUP: 'ocp',
      MINIAPP_ID: 'sales.app',
      MINIAPP_NAME: 'sales',
      MINIAPP_TYPE: 'Numeric',
      NUMBER: '+14155550103',
      PHONE_NUMBER_SET_ID: 'testSetId',
      NOTE: 'Reception, front desk',
    });
    assert.equal(snapshot.state('+14155550199').kind, 'absent');
  });

  it('reads every record of an export whose line breaks are mixed, as the core reads files', async () => {
    const lines = exportOf(LIVE).split('\n').filter((line) => line !== '');
    const mixed = lines.map((line, i) => line + (i % 2 === 0 ? '\r\n' : '\n')).join('');
    const snapshot = await readSnapshot(mixed);
    assert.equal(snapshot.rowsRead, 4);
    assert.deepEqual(contents(snapshot), contents(await readSnapshot(exportOf(LIVE))));
  });

  it('indexes the groups, the group of each set and the mini apps of the whole export', async () => {
    const snapshot = await readSnapshot(exportOf(LIVE), { numbers: ['+14155550101'] });
    assert.deepEqual([...snapshot.groups].sort(), ['emea-support', 'ocp']);
    assert.deepEqual([...(snapshot.setGroups.get('emeaSet') ?? [])], ['emea-support']);
    assert.deepEqual([...(snapshot.setGroups.get('testSetId') ?? [])], ['ocp']);
    assert.deepEqual(snapshot.setsOf('ocp'), ['testSetId']);
    assert.deepEqual(snapshot.miniApps.get('emea.app'), { id: 'emea.app', name: 'emea', type: 'Numeric', group: 'emea-support', diamantAppName: 'miniApps' });
    assert.deepEqual([...snapshot.miniApps.keys()].sort(), ['emea.app', 'sales.app', 'support.app']);
  });

  it('keeps only the numbers named, and knows which it was not asked about', async () => {
    const snapshot = await readSnapshot(exportOf(LIVE), { numbers: ['+14155550102', '+14155550199'] });
    assert.equal(snapshot.rowsRead, 4);
    assert.deepEqual([...snapshot.kept()].map((live) => live.number), ['+14155550102']);
    assert.equal(snapshot.state('+14155550102').kind, 'live');
    assert.equal(snapshot.state('+14155550199').kind, 'absent', 'asked about, and not in the export');
    assert.equal(snapshot.state('+14155550101').kind, 'unread', 'in the export, but not asked about');
  });

  it('matches numbers as meant, as duplicate-number compares them', async () => {
    const exported = exportOf([
      detached('+14155550123'),
      detached('(415) 555-0124', { COUNTRY: 'US' }),
      detached('3F2C1A7E-8B4D-4C2A-9E1F-0A1B2C3D4E5F'),
    ]);
    const snapshot = await readSnapshot(exported, { numbers: ['+1 415 555 0123', '+14155550124', '3f2c1a7e-8b4d-4c2a-9e1f-0a1b2c3d4e5f'] });
    assert.deepEqual([...snapshot.kept()].map((live) => [live.key, live.number]), [
      ['+14155550123', '+14155550123'],
      ['+14155550124', '(415) 555-0124'],
      ['3f2c1a7e-8b4d-4c2a-9e1f-0a1b2c3d4e5f', '3F2C1A7E-8B4D-4C2A-9E1F-0A1B2C3D4E5F'],
    ]);
  });

  it('takes the numbers of a batch from numbersInBatch, each once, as meant', async () => {
    const batch = csv`
      NUMBER,OPERATION,COUNTRY
      +1 415 555 0101,Delete,US
      4155550102,Detach,US
      +14155550101,Detach,

      ,Detach,
    `;
    assert.deepEqual(numbersInBatch(batch), ['+14155550101', '+14155550102']);
    const snapshot = await readSnapshot(exportOf(LIVE), { numbers: numbersInBatch(batch) });
    assert.deepEqual([...snapshot.kept()].map((live) => live.number), ['+14155550101', '+14155550102']);
  });

  it('reads a stream in any chunk sizes, characters split across chunks included', async () => {
    const whole = contents(await readSnapshot(AWKWARD));
    for (const sizes of [[1], [2], [3], [5], [7, 1, 4], [64], [1000]]) {
      const streamed = await readSnapshot(inChunks(AWKWARD, sizes));
      assert.deepEqual(contents(streamed), whole, `chunks of ${sizes.join(', ')} bytes`);
    }
    const state = (await readSnapshot(inChunks(AWKWARD, [1]))).state('+14155550101');
    assert.equal(state.kind === 'live' && state.live.values.NOTE, 'Café ☎ 😀 "front", desk\nsecond line');
  });

  it('reads text chunks split inside a surrogate pair', async () => {
    const at = AWKWARD.indexOf('😀') + 1;
    async function* halves(): AsyncGenerator<string> {
      yield AWKWARD.slice(0, at);
      yield AWKWARD.slice(at);
    }
    assert.deepEqual(contents(await readSnapshot(halves())), contents(await readSnapshot(AWKWARD)));
  });

  it('finds columns by name, in any order, and accepts a byte order mark and CRLF', async () => {
    const reordered = csv`
      NUMBER,NOTE,GROUP_ID,PHONE_NUMBER_SET_ID,MINIAPP_ID,LOCALE,APPLICATION_TAG
      +14155550101,hello,ocp,testSetId,support.app,en-US,
    `.replaceAll('\n', '\r\n');
    const snapshot = await readSnapshot(inChunks(`\ufeff${reordered}`, [3]));
    const state = snapshot.state('+14155550101');
    assert.equal(state.kind === 'live' && state.live.values.NOTE, 'hello');
    assert.equal(state.kind === 'live' && state.live.values.GROUP_ID, 'ocp');
    assert.deepEqual([...snapshot.columns].sort(), ['APPLICATION_TAG', 'GROUP_ID', 'LOCALE', 'MINIAPP_ID', 'NOTE', 'NUMBER', 'PHONE_NUMBER_SET_ID']);
    assert.equal(state.kind === 'live' && state.live.values.COUNTRY, undefined, 'a column the export lacks is absent, not empty');
  });

  it('keeps only the wanted numbers of a long export read as a stream', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => detached(`+1415${String(5_000_000 + i).padStart(7, '0')}`, { GROUP_ID: `group-${i % 7}` }));
    const wanted = ['+14155000000', '+14155012345', '+14155019999', '+14159999999'];
    const snapshot = await readSnapshot(inChunks(exportOf(rows), [4096, 333]), { numbers: wanted });
    assert.equal(snapshot.rowsRead, 20_000);
    assert.deepEqual([...snapshot.kept()].map((live) => live.number), wanted.slice(0, 3));
    assert.equal(snapshot.groups.size, 7);
  });

  describe('refuses what is not the numbers export', () => {
    it('an export without the columns a plan reads', async () => {
      await assert.rejects(readSnapshot('NUMBER,GROUP_ID\n+14155550101,ocp\n'), (error: unknown) => {
        assert.ok(error instanceof SnapshotReadError);
        assert.match(error.message, /no MINIAPP_ID, PHONE_NUMBER_SET_ID, APPLICATION_TAG, LOCALE, NOTE columns/);
        assert.equal(error.line, 1);
        return true;
      });
    });

    it('text that is not CSV, with the line where reading stopped', async () => {
      const broken = `${EXPORT_COLUMNS.join(',')}\n,US,ocp,en-US,,,,,,+14155550101,testSetId,\n,US,ocp,"en-US,,,,,,+14155550102,testSetId,\n`;
      await assert.rejects(readSnapshot(broken), (error: unknown) => {
        assert.ok(error instanceof SnapshotReadError);
        assert.match(error.message, /^The export is not valid CSV: /);
        assert.ok(error.line !== undefined && error.line >= 3, `line ${String(error.line)}`);
        return true;
      });
    });

    it('an empty body', async () => {
      await assert.rejects(readSnapshot(''), /The export is empty/);
    });
  });
});
