import type { FastifyInstance } from 'fastify';

/**
 * The citizen's widget may run its own files only: no inline script, no other origin, nothing framed but by
 * the sites IT names (`CENTRAL_WIDGET_FRAME_ANCESTORS`, e.g. the police portal that embeds it). Its own
 * socket is `connect-src 'self'`; calls' media are not governed by CSP.
 */
export function widgetPolicy(frameAncestors: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' blob: data:",
    "media-src 'self' blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors.length > 0 ? frameAncestors.join(' ') : "'self'"}`,
  ].join('; ');
}

/**
 * IT's list of embedding origins, comma- or space-separated: each a bare `https://host[:port]` origin (or
 * `http://` for a test bench). Anything else, a `;` above all, would let the setting rewrite the policy.
 */
export function parseFrameAncestors(text: string): string[] {
  const origins = text.split(/[\s,]+/).filter((item) => item !== '');
  for (const origin of origins) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = null;
    }
    if (!parsed || !['https:', 'http:'].includes(parsed.protocol) || parsed.origin !== origin)
      throw new Error(`not an origin like https://portal.example.kz: ${JSON.stringify(origin)}`);
  }
  return origins;
}

/** Answers of the API are data, never a page: nothing in one may run, load or be framed if a browser opens it. */
const API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * Headers on every answer of central. The widget is the one page citizens open; everything else is JSON or
 * an attachment that a browser must never sniff into HTML (a citizen's "photo" can hold markup).
 */
export function installSecurityHeaders(app: FastifyInstance, options: { widgetFrameAncestors?: readonly string[] }) {
  const widget = widgetPolicy(options.widgetFrameAncestors ?? []);
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    if (request.url.startsWith('/widget/')) {
      reply.header('content-security-policy', widget);
      reply.header('permissions-policy', 'camera=(self), microphone=(self), geolocation=(self)');
    } else {
      reply.header('content-security-policy', API_POLICY);
      // Identities and citizens' words must not stay in a shared or disk cache; routes that revalidate by ETag say so themselves.
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    }
    return payload;
  });
}
