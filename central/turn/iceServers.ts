import type { IceConfig, IceServer } from '../../domain/calls/iceConfig';
import { turnCredentials } from './turnCredentials';

/** What IT configures (README "Calls: STUN/TURN"); no URL configured means host candidates only. */
export interface TurnOptions {
  stunUrls?: readonly string[];
  turnUrls?: readonly string[];
  /** coturn's `static-auth-secret`; required with turnUrls. */
  secret?: string;
  /** Lifetime of handed-out credentials; default 1 hour (a call's length, not a day's). */
  ttlSeconds?: number;
  /** Every call's media through TURN only (no direct or server-reflexive paths). */
  relayOnly?: boolean;
}

export const DEFAULT_TURN_TTL_SECONDS = 3600;

export class TurnConfigError extends Error {}

/** Hands out one call's ICE servers; `id` names who asked (account or appeal), never a person's name. */
export function createIceServers(options: TurnOptions = {}) {
  const stunUrls = [...(options.stunUrls ?? [])];
  const turnUrls = [...(options.turnUrls ?? [])];
  const ttlSeconds = options.ttlSeconds ?? DEFAULT_TURN_TTL_SECONDS;
  if ((turnUrls.length > 0 || options.relayOnly) && !options.secret)
    throw new TurnConfigError('TURN URLs are configured without the shared secret (CENTRAL_TURN_SECRET)');
  const secret = options.secret ?? '';
  return {
    forCall(id: string, now: Date = new Date()): IceConfig {
      const iceServers: IceServer[] = [];
      if (stunUrls.length > 0) iceServers.push({ urls: stunUrls });
      const turn = turnCredentials(secret, id, ttlSeconds, now);
      if (turnUrls.length > 0)
        iceServers.push({ urls: turnUrls, username: turn.username, credential: turn.credential });
      return {
        iceServers,
        iceTransportPolicy: options.relayOnly ? 'relay' : 'all',
        expiresAt: turn.expiresAt.toISOString(),
      };
    },
  };
}
export type IceServers = ReturnType<typeof createIceServers>;
