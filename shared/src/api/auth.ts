/**
 * Where the bearer token of a request comes from. A personal access token is fixed; an OpenID Connect
 * session (oidc.ts) renews itself. The client asks for a token before each attempt and tells the
 * source when the platform refused one.
 */
export interface TokenSource {
  readonly kind: 'token' | 'oidc';
  /** The bearer token for the next request. */
  token(signal?: AbortSignal): Promise<string>;
  /**
   * The platform answered 401 to a request sent with `token`. Returns true when a new token may be
   * accepted (the next `token()` brings one); false when nothing would change.
   */
  refused(token: string): boolean;
}

export class StaticTokenSource implements TokenSource {
  readonly kind = 'token';
  readonly #token: string;

  constructor(token: string) {
    this.#token = token;
  }

  token(): Promise<string> {
    return Promise.resolve(this.#token);
  }

  refused(): boolean {
    return false;
  }
}
