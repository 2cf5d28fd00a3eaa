import type { IceConfig, IceServer } from '../../domain/calls/iceConfig';
import type { MachineConfig } from './schema';

type ConfiguredIceServer = NonNullable<MachineConfig['iceServers']>[number];

/** The most servers one call takes (domain/calls/iceConfig.ts). */
const MAX_ICE_SERVERS = 8;
/** How long servers handed out without central's answer are good for: the next call asks again. */
const WITHOUT_CENTRAL_MS = 60 * 60_000;

const isTurn = (url: string) => /^turns?:/.test(url);

/**
 * The STUN/TURN servers a call uses: IT's configured servers (Group Policy > user > ProgramData, as layered)
 * combined with central's answer for this call.
 * - Nothing configured: central's answer as it is.
 * - Configured: the configured servers come first and replace central's STUN servers (the network IT knows
 *   this machine is on). A configured TURN server with its own username and credential (Group Policy's
 *   TurnUsername/TurnCredential) keeps them; one without takes central's short-lived credentials, as a
 *   region's coturn servers share central's secret; with no credentials at all it is left out (Chromium
 *   refuses a TURN server without them). Central's own TURN servers stay after them with their credentials,
 *   so a machine that is only given a STUN server can still relay.
 * - How media may flow (relay only) and when the credentials expire stay central's.
 */
export function iceServersInForce(
  fromCentral: IceConfig | null,
  configured: readonly ConfiguredIceServer[] | undefined,
  now: Date = new Date(),
): IceConfig | null {
  if (!configured || configured.length === 0) return fromCentral;
  const centralTurn = (fromCentral?.iceServers ?? []).filter((server) => server.urls.some(isTurn));
  const centralCredentials = centralTurn.find((server) => server.username && server.credential);
  const servers: IceServer[] = [];
  for (const server of configured) {
    if (!isTurn(server.urls)) servers.push({ urls: [server.urls] });
    else if (server.username && server.credential) servers.push({ ...server, urls: [server.urls] });
    else if (centralCredentials)
      servers.push({
        urls: [server.urls],
        username: centralCredentials.username,
        credential: centralCredentials.credential,
      });
  }
  const configuredUrls = new Set(configured.map((server) => server.urls));
  for (const server of centralTurn) {
    const urls = server.urls.filter((url) => !configuredUrls.has(url));
    if (urls.length > 0) servers.push({ ...server, urls });
  }
  return {
    iceServers: servers.slice(0, MAX_ICE_SERVERS),
    iceTransportPolicy: fromCentral?.iceTransportPolicy ?? 'all',
    expiresAt: fromCentral?.expiresAt ?? new Date(now.getTime() + WITHOUT_CENTRAL_MS).toISOString(),
  };
}
