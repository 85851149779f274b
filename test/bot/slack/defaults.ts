/**
 * The identity of the fake workspace. The fake answers `auth.test` with these, and the request
 * builders put them in what "Slack" sends, so a test that changes neither side gets a consistent pair.
 */
export const FAKE_WORKSPACE = {
  botToken: 'xoxb-fake-bot-token',
  teamId: 'T0FAKE0001',
  teamDomain: 'fake-workspace',
  botUserId: 'U0FAKEBOT1',
  botId: 'B0FAKEBOT1',
  apiAppId: 'A0FAKEAPP1',
} as const;
