import assert from 'node:assert/strict';
import type { KnownBlock } from '../../../bot/src/blocks/kit.js';
import { kit, textModule } from './built.js';
import { assertWithinLimits } from './helpers.js';

const { message, section, LIMITS } = kit;
const { boundedLines, escapeMrkdwn, issueText, literal, slackDate, truncate } = textModule;

describe('blocks: kit and text', () => {
  it('cuts a section at 3,000 characters, and a message at 50 blocks keeping the last (the buttons)', () => {
    assert.equal(section('x'.repeat(5000)).text?.text.length, LIMITS.sectionText);
    const blocks: KnownBlock[] = [...Array.from({ length: 80 }, (_, i) => section(`part ${i}`)), { type: 'actions', elements: [{ type: 'button', action_id: 'a', text: { type: 'plain_text', text: 'A' } }] }];
    const fitted = message('text', blocks);
    assertWithinLimits(fitted);
    assert.equal(fitted.blocks.length, 50);
    assert.equal(fitted.blocks.at(-1)?.type, 'actions');
    const note = fitted.blocks.at(-2);
    assert.ok(note?.type === 'context');
    assert.match(JSON.stringify(note), /… and 32 more parts left out/);
  });

  it('escapes markup in the fallback text', () => {
    assert.equal(message('File <!channel>.csv & co', []).text, 'File &lt;!channel&gt;.csv &amp; co');
  });

  it('lists lines within a size, saying how many it left out', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `line ${i} ${'x'.repeat(50)}`);
    const text = boundedLines(lines, { maxChars: 1000, noun: 'lines' });
    assert.ok(text.length <= 1000);
    assert.match(text, /\n… and 84 more lines$/);
    assert.equal(boundedLines(lines.slice(0, 3), { maxChars: 1000, maxLines: 10, noun: 'lines' }).split('\n').length, 3);
    assert.equal(boundedLines(lines, { maxChars: 3000, maxLines: 2, noun: 'lines' }).split('\n').at(-1), '… and 98 more lines');
  });

  it('cuts without splitting a surrogate pair', () => {
    assert.equal(truncate('ab😀cd', 4), 'ab…');
    assert.equal(truncate('abc', 3), 'abc');
  });

  it('formats values, dates and issues', () => {
    assert.equal(literal(''), '_(empty)_');
    assert.equal(literal('a`b<c>'), "`a'b&lt;c&gt;`");
    assert.equal(escapeMrkdwn('<@U1> & <!here>'), '&lt;@U1&gt; &amp; &lt;!here&gt;');
    assert.equal(slackDate(new Date('2025-03-03T14:05:30Z')), '<!date^1741010730^{date_short_pretty} {time}|2025-03-03 14:05 UTC>');
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 6 } };
    assert.equal(issueText({ code: 'invalid-locale', severity: 'error', message: 'Bad.', range, row: 3, column: 'LOCALE' }), 'row 3, LOCALE: Bad. [invalid-locale]');
    assert.equal(issueText({ code: 'missing-column', severity: 'error', message: 'Missing.', range }), 'line 1: Missing. [missing-column]');
  });
});
