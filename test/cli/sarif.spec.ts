import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import type { SarifLog } from '@numbers-csv/cli';
import { CATALOGUE, ISSUE_CODES } from '@numbers-csv/shared';
import { MIXED } from './fixtures.js';
import { numbersCsv, useTempDir } from './harness.js';

describe('numbers-csv check --format sarif', () => {
  const dir = useTempDir();

  function sarif(args: string[]): SarifLog {
    const out = numbersCsv(['check', '--format', 'sarif', ...args], { cwd: dir.path });
    assert.equal(out.stderr, '');
    return JSON.parse(out.stdout) as SarifLog;
  }

  it('writes SARIF 2.1.0 with one run and a rule for every catalogue code', () => {
    dir.write('mixed.csv', MIXED);
    const log = sarif(['mixed.csv']);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(log.runs.length, 1);
    const run = log.runs[0];
    assert.ok(run);
    assert.equal(run.tool.driver.name, 'numbers-csv');
    assert.deepEqual(run.tool.driver.rules.map((rule) => rule.id), ISSUE_CODES);
    const rule = run.tool.driver.rules.find((candidate) => candidate.id === 'duplicate-number');
    assert.equal(rule?.shortDescription.text, CATALOGUE['duplicate-number'].summary);
    assert.match(rule?.help.text ?? '', /docs\/rules\.md#duplicate-number/);
    assert.equal(run.originalUriBaseIds['%SRCROOT%']?.uri, pathToFileURL(dir.path + '/').href);
  });

  it('gives each result its rule, level and 1-based region in the relative file', () => {
    dir.write('mixed.csv', MIXED);
    const run = sarif(['mixed.csv']).runs[0];
    assert.ok(run);
    const ids = new Set(run.tool.driver.rules.map((rule) => rule.id));
    for (const result of run.results) {
      assert.ok(ids.has(result.ruleId), `${result.ruleId} is not among the driver's rules`);
      assert.equal(run.tool.driver.rules[result.ruleIndex]?.id, result.ruleId);
    }
    assert.deepEqual(run.results.map((result) => [result.ruleId, result.level]), [
      ['operation-case', 'warning'],
      ['duplicate-number', 'error'],
      ['blank-row', 'warning'],
      ['unknown-operation', 'error'],
    ]);
    const duplicate = run.results[1];
    assert.deepEqual(duplicate?.locations[0]?.physicalLocation, {
      artifactLocation: { uri: 'mixed.csv', uriBaseId: '%SRCROOT%' },
      region: { startLine: 4, startColumn: 1, endLine: 4, endColumn: 13 },
    });
    assert.deepEqual(duplicate?.relatedLocations?.[0]?.physicalLocation.region, { startLine: 2, startColumn: 1, endLine: 2, endColumn: 13 });
    assert.equal(duplicate?.relatedLocations?.[0]?.message.text, 'First row for +14155550101');
  });

  it('offers the safe fixes as replacements, and only those', () => {
    dir.write('mixed.csv', MIXED);
    const run = sarif(['mixed.csv']).runs[0];
    const casing = run?.results.find((result) => result.ruleId === 'operation-case');
    assert.deepEqual(casing?.fixes, [
      {
        description: { text: 'Change to Detach' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'mixed.csv', uriBaseId: '%SRCROOT%' },
            replacements: [{ deletedRegion: { startLine: 3, startColumn: 14, endLine: 3, endColumn: 20 }, insertedContent: { text: 'Detach' } }],
          },
        ],
      },
    ]);
    // "Remove" has no safe fix: guessing an operation is the user's call.
    assert.equal(run?.results.find((result) => result.ruleId === 'unknown-operation')?.fixes, undefined);
  });

  it('writes paths in subdirectories as URIs', () => {
    dir.write('with space.csv', MIXED);
    const run = sarif(['with space.csv']).runs[0];
    assert.equal(run?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri, 'with%20space.csv');
  });

  it('writes an empty result list for clean files, exiting 0', () => {
    dir.write('clean.csv', 'NUMBER,OPERATION\n+14155550101,Detach\n');
    const out = numbersCsv(['check', '--format', 'sarif', 'clean.csv'], { cwd: dir.path });
    assert.equal(out.status, 0);
    assert.deepEqual((JSON.parse(out.stdout) as SarifLog).runs[0]?.results, []);
  });
});
