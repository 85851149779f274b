import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type * as ConfigModule from '../../bot/src/config.js';

// The bot package exports only its entry point: load the built module, with its source's types.
const { ConfigError, CONFIG_VARIABLES, isAllowedFileHost, readConfig } = (await import(new URL('../../../bot/dist/config.js', import.meta.url).href)) as typeof ConfigModule;

const HTTP = {
  SLACK_BOT_TOKEN: 'xoxb-1-2-secretbot',
  SLACK_SIGNING_SECRET: 'signing-secret-value',
  NUMBERS_API_BASE_URL: 'https://numbers.example.com/integrations/',
  NUMBERS_API_TOKEN: 'pat-secret-value',
  APPROVERS_FILE: './approvers.yml',
};

/** The one-line message `readConfig` refuses `env` with. */
function refusal(env: Record<string, string | undefined>): string {
  try {
    readConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    assert.doesNotMatch(error.message, /\n/, 'one line');
    assert.doesNotMatch(error.message, /secretbot|signing-secret-value|pat-secret-value|hunter2/, 'no secret in the message');
    return error.message;
  }
  assert.fail('expected a ConfigError');
}

describe('bot configuration', () => {
  it('reads HTTP mode with the defaults', () => {
    assert.deepEqual(readConfig(HTTP), {
      slack: { mode: 'http', signingSecret: 'signing-secret-value', botToken: 'xoxb-1-2-secretbot' },
      port: 3000,
      numbersApi: { baseUrl: 'https://numbers.example.com/integrations', auth: { token: 'pat-secret-value' } },
      databaseUrl: 'sqlite:./data/numbers-bot.sqlite',
      approversFile: './approvers.yml',
      fileHosts: ['files.slack.com'],
      maxFileBytes: 10 * 1024 * 1024,
      batchTtlHours: 24,
      allowSelfApproval: false,
    });
  });

  it('reads Socket Mode when SLACK_APP_TOKEN is set, without a signing secret', () => {
    const config = readConfig({ ...HTTP, SLACK_SIGNING_SECRET: undefined, SLACK_APP_TOKEN: 'xapp-1-A1-secret' });
    assert.deepEqual(config.slack, { mode: 'socket', appToken: 'xapp-1-A1-secret', botToken: 'xoxb-1-2-secretbot' });
  });

  it('reads every optional variable', () => {
    const config = readConfig({
      ...HTTP,
      SLACK_API_URL: 'http://127.0.0.1:4040/api',
      PORT: '0',
      DATABASE_URL: 'postgres://bot@127.0.0.1:5432/numbers',
      FILE_HOSTS: ' files.slack.com , 127.0.0.1,LOCALHOST,::1 ',
      MAX_FILE_BYTES: '2048',
      BATCH_TTL_HOURS: '0.5',
      ALLOW_SELF_APPROVAL: 'yes',
      NUMBERS_CSV_CONFIG: './numbers-csv.json',
    });
    assert.equal(config.slack.apiUrl, 'http://127.0.0.1:4040/api/');
    assert.equal(config.port, 0);
    assert.equal(config.databaseUrl, 'postgres://bot@127.0.0.1:5432/numbers');
    assert.deepEqual(config.fileHosts, ['files.slack.com', '127.0.0.1', 'localhost', '[::1]']);
    assert.equal(config.maxFileBytes, 2048);
    assert.equal(config.batchTtlHours, 0.5);
    assert.equal(config.allowSelfApproval, true);
    assert.equal(config.numbersCsvConfig, './numbers-csv.json');
  });

  it('treats blank variables as unset', () => {
    const config = readConfig({ ...HTTP, PORT: '', SLACK_APP_TOKEN: '  ', DATABASE_URL: '' });
    assert.equal(config.port, 3000);
    assert.equal(config.slack.mode, 'http');
    assert.equal(config.databaseUrl, 'sqlite:./data/numbers-bot.sqlite');
  });

  it('logs in with OpenID Connect when there is no token, TOTP included', () => {
    const config = readConfig({
      ...HTTP,
      NUMBERS_API_TOKEN: undefined,
      NUMBERS_API_OIDC_TOKEN_URL: 'https://numbers.example.com/auth/realms/ocp/protocol/openid-connect/token',
      NUMBERS_API_USERNAME: 'bot',
      NUMBERS_API_PASSWORD: 'hunter2',
      NUMBERS_API_TOTP: '123456',
    });
    assert.deepEqual(config.numbersApi.auth, { oidc: { tokenUrl: 'https://numbers.example.com/auth/realms/ocp/protocol/openid-connect/token', username: 'bot', password: 'hunter2', totp: '123456' } });
  });

  describe('refuses, in one line that says what to set', () => {
    const cases: [string, Record<string, string | undefined>, string | RegExp][] = [
      ['no bot token', { ...HTTP, SLACK_BOT_TOKEN: undefined }, 'SLACK_BOT_TOKEN is not set (the Bot User OAuth Token, xoxb-…, from OAuth & Permissions)'],
      ['a user token for the bot token', { ...HTTP, SLACK_BOT_TOKEN: 'xoxp-secretbot' }, 'SLACK_BOT_TOKEN must be a bot token starting with xoxb-'],
      ['neither mode', { ...HTTP, SLACK_SIGNING_SECRET: undefined }, 'SLACK_SIGNING_SECRET is not set (HTTP mode needs it; or set SLACK_APP_TOKEN for Socket Mode)'],
      ['a bad app token', { ...HTTP, SLACK_SIGNING_SECRET: undefined, SLACK_APP_TOKEN: 'xoxb-secretbot' }, 'SLACK_APP_TOKEN must be an app-level token (Basic Information → App-Level Tokens) starting with xapp-'],
      ['a Slack API URL not ending in /api/', { ...HTTP, SLACK_API_URL: 'http://127.0.0.1:4040/' }, 'SLACK_API_URL must be the Web API base ending in /api/ (e.g. https://slack.com/api/), not http://127.0.0.1:4040/'],
      ['a Slack API URL that is not a URL', { ...HTTP, SLACK_API_URL: 'slack.com/api' }, 'SLACK_API_URL must be an http or https URL'],
      ['a bad port', { ...HTTP, PORT: '80a' }, 'PORT must be a port number from 0 to 65535, not "80a"'],
      ['a port too large', { ...HTTP, PORT: '70000' }, 'PORT must be a port number from 0 to 65535, not "70000"'],
      ['no numbers API', { ...HTTP, NUMBERS_API_BASE_URL: undefined }, 'NUMBERS_API_BASE_URL is not set (the numbers API batches are applied to, e.g. https://<env host>/integrations)'],
      ['a numbers API that is not http', { ...HTTP, NUMBERS_API_BASE_URL: 'ftp://numbers.example.com' }, 'NUMBERS_API_BASE_URL must be an http or https URL'],
      [
        'no credentials',
        { ...HTTP, NUMBERS_API_TOKEN: undefined },
        'NUMBERS_API_TOKEN is not set (a personal access token for the numbers API; or set NUMBERS_API_OIDC_TOKEN_URL, NUMBERS_API_USERNAME and NUMBERS_API_PASSWORD to log in with OpenID Connect)',
      ],
      [
        'an OpenID Connect login without user and password',
        { ...HTTP, NUMBERS_API_TOKEN: undefined, NUMBERS_API_OIDC_TOKEN_URL: 'https://numbers.example.com/token' },
        'NUMBERS_API_USERNAME and NUMBERS_API_PASSWORD are not set (logging in with NUMBERS_API_OIDC_TOKEN_URL needs them; or set NUMBERS_API_TOKEN)',
      ],
      [
        'an OpenID Connect login without a password',
        { ...HTTP, NUMBERS_API_TOKEN: undefined, NUMBERS_API_OIDC_TOKEN_URL: 'https://numbers.example.com/token', NUMBERS_API_USERNAME: 'bot' },
        'NUMBERS_API_PASSWORD is not set (logging in with NUMBERS_API_OIDC_TOKEN_URL needs them; or set NUMBERS_API_TOKEN)',
      ],
      ['a bad token URL', { ...HTTP, NUMBERS_API_TOKEN: undefined, NUMBERS_API_OIDC_TOKEN_URL: 'token', NUMBERS_API_USERNAME: 'bot', NUMBERS_API_PASSWORD: 'hunter2' }, 'NUMBERS_API_OIDC_TOKEN_URL must be an http or https URL'],
      [
        'an unknown database',
        { ...HTTP, DATABASE_URL: 'mysql://root:hunter2@db/numbers' },
        /^DATABASE_URL has the scheme "mysql:", which the bot cannot use: use sqlite:.*postgres:\/\/.*$/,
      ],
      // The store reads the URL; its wording is its own, but the message names the variable.
      ['a SQLite URL without a file', { ...HTTP, DATABASE_URL: 'sqlite:' }, /^DATABASE_URL "sqlite:" names no file: use sqlite:/],
      ['no approvers file', { ...HTTP, APPROVERS_FILE: undefined }, 'APPROVERS_FILE is not set (the YAML or JSON file that maps each group to the Slack users and user groups who are its OWNERs)'],
      ['a file host with a port', { ...HTTP, FILE_HOSTS: 'files.slack.com,127.0.0.1:8080' }, 'FILE_HOSTS entry "127.0.0.1:8080" has a port: list host names only (ports are not part of the match)'],
      ['a file host written as a URL', { ...HTTP, FILE_HOSTS: 'https://files.slack.com/' }, 'FILE_HOSTS lists host names, not URLs: write "files.slack.com" without scheme or path'],
      ['no file host', { ...HTTP, FILE_HOSTS: ', ,' }, 'FILE_HOSTS lists no host: set it to host names such as files.slack.com, or leave it unset'],
      ['a bad size cap', { ...HTTP, MAX_FILE_BYTES: '10MB' }, 'MAX_FILE_BYTES must be a number of bytes, such as 10485760 for 10 MiB, not "10MB"'],
      ['a zero time to live', { ...HTTP, BATCH_TTL_HOURS: '0' }, 'BATCH_TTL_HOURS must be a positive number of hours, not "0"'],
      ['a bad flag', { ...HTTP, ALLOW_SELF_APPROVAL: 'sometimes' }, 'ALLOW_SELF_APPROVAL must be true or false, not "sometimes"'],
    ];
    for (const [what, env, expected] of cases) {
      it(what, () => (typeof expected === 'string' ? assert.equal(refusal(env), expected) : assert.match(refusal(env), expected)));
    }

    it('everything at once, in the order of .env.sample', () => {
      assert.equal(
        refusal({}),
        [
          'SLACK_BOT_TOKEN is not set (the Bot User OAuth Token, xoxb-…, from OAuth & Permissions)',
          'NUMBERS_API_BASE_URL is not set (the numbers API batches are applied to, e.g. https://<env host>/integrations)',
          'APPROVERS_FILE is not set (the YAML or JSON file that maps each group to the Slack users and user groups who are its OWNERs)',
          'SLACK_SIGNING_SECRET is not set (HTTP mode needs it; or set SLACK_APP_TOKEN for Socket Mode)',
          'NUMBERS_API_TOKEN is not set (a personal access token for the numbers API; or set NUMBERS_API_OIDC_TOKEN_URL, NUMBERS_API_USERNAME and NUMBERS_API_PASSWORD to log in with OpenID Connect)',
        ].join('; '),
      );
    });
  });

  it('.env.sample lists every variable the bot reads, and no other', async () => {
    const sample = await readFile(new URL('../../../bot/.env.sample', import.meta.url), 'utf8');
    const listed = [...sample.matchAll(/^([A-Z_]+)=/gm)].map((match) => match[1]);
    assert.deepEqual([...listed].sort(), [...CONFIG_VARIABLES].sort());
    // Each has a comment line right above it or above its group.
    for (const name of CONFIG_VARIABLES) assert.ok(new RegExp(`#.*\\n(?:[A-Z_]+=.*\\n)*${name}=`).test(sample), `${name} has a comment`);
  });

  it('allows files only from the listed hosts, whatever the port or case', () => {
    const hosts = ['files.slack.com', '127.0.0.1'];
    assert.equal(isAllowedFileHost('https://files.slack.com/files-pri/T1-F1/download/a.csv', hosts), true);
    assert.equal(isAllowedFileHost('https://FILES.slack.com:443/x', hosts), true);
    assert.equal(isAllowedFileHost('http://127.0.0.1:52114/files/F1', hosts), true);
    assert.equal(isAllowedFileHost('https://files.slack.com.evil.example/x', hosts), false);
    assert.equal(isAllowedFileHost('https://files.slack.com@evil.example/x', hosts), false);
    assert.equal(isAllowedFileHost('file:///etc/passwd', hosts), false);
    assert.equal(isAllowedFileHost('not a url', hosts), false);
  });
});
