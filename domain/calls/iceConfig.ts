import { z } from 'zod';
import { storableText } from '../contract/text';

/**
 * The ICE servers a console or the widget uses for one call, as central hands them out: only the
 * STUN/TURN servers IT configured (an unreachable public STUN stalls ICE for tens of seconds), with
 * short-lived TURN credentials (TURN REST API, coturn `use-auth-secret`).
 */
export const IceServerSchema = z.strictObject({
  urls: z
    .array(
      storableText()
        .regex(/^(stun|stuns|turn|turns):/, 'a stun: or turn: URL')
        .max(512),
    )
    .min(1)
    .max(8),
  username: storableText().max(256).optional(),
  credential: storableText().max(256).optional(),
});
export type IceServer = z.infer<typeof IceServerSchema>;

export const IceConfigSchema = z.strictObject({
  iceServers: z.array(IceServerSchema).max(8),
  /** `relay` where IT sends all media through TURN (CENTRAL_ICE_RELAY_ONLY); else direct paths first. */
  iceTransportPolicy: z.enum(['all', 'relay']),
  /** When the TURN credentials stop working; ask again for the next call. */
  expiresAt: z.iso.datetime(),
});
export type IceConfig = z.infer<typeof IceConfigSchema>;
