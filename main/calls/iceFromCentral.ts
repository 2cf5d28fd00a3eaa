import { type IceConfig, IceConfigSchema } from '../../domain/calls/iceConfig';

/**
 * One call's ICE servers from central (`GET /api/staff/calls/ice`); null when central cannot be asked
 * (offline, signed out): the call then tries host candidates only, and the window says the link is down.
 */
export async function iceFromCentral(centralUrl: string, token: string | null): Promise<IceConfig | null> {
  if (!token) return null;
  try {
    const response = await fetch(new URL('/api/staff/calls/ice', centralUrl), {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(5000),
    });
    if (!response.ok) return null;
    const parsed = IceConfigSchema.safeParse(await response.json());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
