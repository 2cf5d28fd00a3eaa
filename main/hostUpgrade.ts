import type { IncomingHttpHeaders } from 'node:http';

/** What host mode needs to know of a WebSocket upgrade request, read without trusting any of it. */
export interface UpgradeRequest {
  pathname: string;
  /** The `secret` query parameter when it appears exactly once, else null. */
  secret: string | null;
  /** The one `Origin` header as sent, or null when absent or repeated. */
  origin: string | null;
}

/** Only the target's own text decides; a fixed base keeps a hostile Host header out of the parse. */
const PARSE_BASE = 'http://127.0.0.1';

/**
 * Reads an upgrade request's target and Origin, or null when the target is not an origin-form path
 * (`//[`, `*`, an absolute URL, broken escapes). Never throws: anything a client sends is data.
 */
export function readUpgradeRequest(
  target: string | undefined,
  headers: IncomingHttpHeaders,
): UpgradeRequest | null {
  if (typeof target !== 'string' || !target.startsWith('/') || target.startsWith('//')) return null;
  let url: URL;
  try {
    url = new URL(target, PARSE_BASE);
  } catch {
    return null;
  }
  if (url.origin !== PARSE_BASE) return null;
  const secrets = url.searchParams.getAll('secret');
  const origin = headers.origin;
  return {
    pathname: url.pathname,
    secret: secrets.length === 1 ? (secrets[0] ?? null) : null,
    origin: typeof origin === 'string' ? origin : null,
  };
}
