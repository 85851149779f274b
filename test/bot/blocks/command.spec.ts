import assert from 'node:assert/strict';
import type { Batch, Transition } from '../../../bot/src/store/types.js';
import { commandModule } from './built.js';
import { APPROVER, assertWithinLimits, BATCH_ID, ENVIRONMENT, shown, SUBMITTER } from './helpers.js';

const { helpMessage, pendingMessage, statusMessage, statusUsageMessage, unknownBatchMessage, unknownSubcommandMessage } = commandModule;

const CREATED = new Date('2025-03-03T10:00:00Z');

function batch(overrides: Partial<Batch> = {}): Batch {
  return {
    id: BATCH_ID,
    fileId: 'F0001',
    fileName: 'numbers.csv',
    channel: 'C0CHANNEL',
    threadTs: '1741000000.000100',
    summaryTs: '1741000001.000200',
    submitter: SUBMITTER,
    environment: ENVIRONMENT,
    csv: 'NUMBER,OPERATION\n',
    groups: ['ocp'],
    planDigest: null,
    state: 'pending',
    createdAt: CREATED,
    expiresAt: new Date('2025-03-04T10:00:00Z'),
    updatedAt: CREATED,
    decidedBy: null,
    decidedAt: null,
    result: null,
    ...overrides,
  };
}

function transition(from: Transition['from'], to: Transition['to'], actor: string, minutes: number, detail: Transition['detail'] = null): Transition {
  return { batchId: BATCH_ID, from, to, actor, at: new Date(CREATED.getTime() + minutes * 60_000), detail };
}

describe('blocks: /numbers', () => {
  it('help names every subcommand', () => {
    const message = helpMessage();
    assertWithinLimits(message);
    for (const expected of ['`/numbers status <batch>`', '`/numbers pending`', '`/numbers export [group]`', '`/numbers help`']) assert.ok(shown(message).includes(expected), expected);
  });

  it('status shows the batch and its history, oldest first', () => {
    const history = [
      transition(null, 'pending', SUBMITTER, 0),
      transition('pending', 'rejected', APPROVER, 5, { reason: 'Wrong <set>' }),
    ];
    const message = statusMessage(batch({ state: 'rejected', decidedBy: APPROVER, decidedAt: history[1]?.at ?? null }), history);
    assertWithinLimits(message);
    const text = shown(message);
    assert.match(text, new RegExp(`\\*Batch\\* \`numbers\\.csv\` \\(\`${BATCH_ID}\`\\): \\*rejected\\*`));
    assert.match(text, /Shared by <@U0SUBMIT1> in <#C0CHANNEL> <!date\^1740996000\^/);
    assert.match(text, /Decided by <@U0APPROVE> <!date/);
    assert.match(text, /\*History\*\n• <!date\^1740996000\^[^>]*>: created \*waiting for an approval\*, by <@U0SUBMIT1>\n• <!date\^1740996300\^[^>]*>: waiting for an approval → \*rejected\*, by <@U0APPROVE>: “Wrong &lt;set&gt;”/);
  });

  it('status of a long history shows the latest entries and says how many it left out', () => {
    const history = Array.from({ length: 45 }, (_, i) => transition('applying', 'applying', 'bot', i, { attempt: i }));
    const message = statusMessage(batch({ state: 'applying' }), history);
    assertWithinLimits(message);
    assert.match(shown(message), /\*History\* \(the latest 20; 25 earlier not shown\)/);
    assert.match(shown(message), /by the bot: `\{"attempt":44\}`/);
  });

  it('pending lists the batches waiting for the user, with the command to see each', () => {
    const message = pendingMessage({ batches: [batch(), batch({ id: 'b2', fileName: 'emea.csv', groups: ['emea-support', 'ocp'] })] });
    assertWithinLimits(message);
    const text = shown(message);
    assert.match(text, /^\*2 batches are waiting for your approval\*\n• `numbers\.csv` from <@U0SUBMIT1> in <#C0CHANNEL>, groups `ocp`, expires <!date[^>]*>: `\/numbers status 7d1f3c52/);
    assert.match(text, /• `emea\.csv` .* groups `emea-support`, `ocp`/);
    assert.equal(pendingMessage({ batches: [] }).text, 'No batch is waiting for your approval.');
  });

  it('pending cuts a long list', () => {
    const batches = Array.from({ length: 60 }, (_, i) => batch({ id: `b${i}` }));
    const message = pendingMessage({ batches });
    assertWithinLimits(message);
    const text = shown(message);
    const listed = text.split('\n').filter((line) => line.startsWith('• ')).length;
    const rest = Number(/… and (\d+) more batches/.exec(text)?.[1]);
    assert.ok(listed > 0 && listed <= 20, `${listed} listed`);
    assert.equal(listed + rest, 60);
  });

  it('says what is wrong with a command and what to type instead', () => {
    assert.match(shown(unknownSubcommandMessage({ text: 'aprove 123' })), /^\/numbers has no subcommand `aprove`\. Try `\/numbers help`/);
    assert.match(shown(unknownSubcommandMessage({ text: '' })), /^\/numbers needs a subcommand/);
    assert.match(shown(statusUsageMessage()), /`\/numbers status` needs a batch id/);
    assert.match(shown(unknownBatchMessage({ batchId: 'nope<>' })), /There is no batch `nope&lt;&gt;`/);
  });
});
