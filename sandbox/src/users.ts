/** Who calls: each static token and each OIDC user stands for one of these. */
export type Caller = 'owner' | 'owner-ocp' | 'viewer';

export const SANDBOX_TOKENS = { owner: 'sandbox-owner', ownerOcp: 'sandbox-owner-ocp', viewer: 'sandbox-viewer' } as const satisfies Record<
  string,
  string
>;

/** OIDC users; `token` is the static token with the same roles. */
export const SANDBOX_USERS: readonly { username: string; password: string; token: string }[] = [
  { username: 'owner', password: 'owner-password', token: SANDBOX_TOKENS.owner },
  { username: 'owner-ocp', password: 'owner-ocp-password', token: SANDBOX_TOKENS.ownerOcp },
  { username: 'viewer', password: 'viewer-password', token: SANDBOX_TOKENS.viewer },
];

const CALLER_OF_STATIC_TOKEN: ReadonlyMap<string, Caller> = new Map<string, Caller>([
  [SANDBOX_TOKENS.owner, 'owner'],
  [SANDBOX_TOKENS.ownerOcp, 'owner-ocp'],
  [SANDBOX_TOKENS.viewer, 'viewer'],
]);

export function callerOfStaticToken(token: string): Caller | undefined {
  return CALLER_OF_STATIC_TOKEN.get(token);
}

export function callerOfCredentials(username: string, password: string): Caller | undefined {
  const user = SANDBOX_USERS.find((candidate) => candidate.username === username && candidate.password === password);
  return user === undefined ? undefined : callerOfStaticToken(user.token);
}
