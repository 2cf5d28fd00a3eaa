import type { TokenPair } from '../../domain/contract/central';

/** Where calls to central get the signed-in account's access token; null while nobody is signed in online. */
export interface TokenSource {
  accessToken(): Promise<string | null>;
  /** Central answered 401: the token is no good, get another before the next try. */
  refused(): void;
}

/** The tokens of the signed-in account, which only main ever holds. */
export interface TokenKeeper extends TokenSource {
  /** Central's answer to a sign-in or a refresh. */
  accept(pair: TokenPair): void;
  /** Drops the tokens; answers the refresh token it held, so the caller can end its session on central. */
  forget(): string | null;
}

/** Refresh this long before the access token expires, so a push never starts with a dying token. */
const REFRESH_MARGIN_MS = 60_000;

/**
 * Keeps the access and refresh tokens and refreshes them before they expire. Without tokens, `withoutTokens`
 * may still get one (an offline session signing in to central once it answers).
 */
export function createTokenKeeper(deps: {
  /** Central's answer to a refresh; an `http` failure means the refresh token is no good any more. */
  refresh(
    refreshToken: string,
  ): Promise<{ ok: true; value: TokenPair } | { ok: false; failure: { kind: string } }>;
  withoutTokens(): Promise<string | null>;
  now: () => Date;
}): TokenKeeper {
  let tokens: { access: string; refresh: string; expiresAt: number } | null = null;
  let refreshing: Promise<string | null> | null = null;

  const accept = (pair: TokenPair) => {
    tokens = {
      access: pair.accessToken,
      refresh: pair.refreshToken,
      expiresAt: deps.now().getTime() + pair.expiresIn * 1000,
    };
  };

  async function freshToken(): Promise<string | null> {
    if (tokens && tokens.expiresAt - REFRESH_MARGIN_MS > deps.now().getTime()) return tokens.access;
    if (!tokens) return deps.withoutTokens();
    const answer = await deps.refresh(tokens.refresh);
    if (answer.ok) {
      accept(answer.value);
      return answer.value.accessToken;
    }
    if (answer.failure.kind === 'http') tokens = null;
    return null;
  }

  return {
    accept,
    forget() {
      const refresh = tokens?.refresh ?? null;
      tokens = null;
      return refresh;
    },
    accessToken() {
      // One refresh at a time: the engine and the realtime link may ask together, and a refresh token is single-use.
      refreshing ??= freshToken().finally(() => {
        refreshing = null;
      });
      return refreshing;
    },
    refused() {
      if (tokens) tokens.expiresAt = 0;
    },
  };
}
