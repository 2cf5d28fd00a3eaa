import { z } from 'zod';
import { CENTRAL_API, type CentralRoute, methodAndPath } from '../../domain/contract/central';
import { type RefusalOnWire, RefusalOnWireSchema } from '../../domain/contract/refusal';
import type { TokenSource } from './tokens';
import { partAnswered } from './contentRange';

/**
 * Main's one door to central (the network probe aside: main/workstation/netClient.ts measures the raw link
 * with Node's own HTTP client on purpose). Routes, their inputs and the schema of every answer come from
 * central's API table (domain/contract/central.ts). Plain `fetch` (built into Node and Electron's main)
 * rather than axios: timeouts via AbortSignal are all we need, and one HTTP stack less to keep patched.
 *
 * Every failure is a value: `network` (no answer, or one that cannot be read — retry later), `http`
 * (central answered with an error, with its refusal when it gave one), `signedOut` (no token to send).
 */
export type CentralFailure =
  | { kind: 'network'; message: string }
  | { kind: 'http'; status: number; message: string; refusal: RefusalOnWire | null }
  | { kind: 'signedOut'; message: string };
export type CentralResult<T> = { ok: true; value: T } | { ok: false; failure: CentralFailure };
export type IfChanged<T> = { changed: false } | { changed: true; value: T; etag: string | null };

type Api = typeof CENTRAL_API;
/** The routes main calls: those whose answer the table describes. */
export type ClientRoute = {
  [K in CentralRoute]: Api[K] extends { response: z.ZodType } ? K : never;
}[CentralRoute];
type Part<K extends ClientRoute, P extends 'params' | 'query' | 'body'> =
  Api[K] extends Record<P, z.ZodType> ? { [Q in P]: z.input<Api[K][P]> } : { [Q in P]?: never };
export type RouteInput<K extends ClientRoute> = Part<K, 'params'> & Part<K, 'query'> & Part<K, 'body'>;
export type RouteAnswer<K extends ClientRoute> = Api[K] extends { response: z.ZodType }
  ? z.output<Api[K]['response']>
  : never;

/** The calls of a signed-in account: the token comes from the source; a 401 gets one fresh token and one retry. */
export interface SignedInCentral {
  /** Whether someone is signed in online (a token can be had), without calling central otherwise. */
  signedInOnline(): Promise<boolean>;
  call<K extends ClientRoute>(route: K, input: RouteInput<K>): Promise<CentralResult<RouteAnswer<K>>>;
  /**
   * A GET that sends the ETag of the copy held (`If-None-Match`); central's 304 comes back as
   * `{ changed: false }`, with no body to read or check.
   */
  callIfChanged<K extends ClientRoute>(
    route: K,
    input: RouteInput<K>,
    etag: string | null,
  ): Promise<CentralResult<IfChanged<RouteAnswer<K>>>>;
  /** A GET whose success is bytes (a call recording), not JSON; a failure reads as any other route's. */
  download<K extends ClientRoute>(
    route: K,
    input: RouteInput<K>,
  ): Promise<CentralResult<{ bytes: Buffer; contentType: string }>>;
  /**
   * One part of such a file (HTTP Range): at most `maxBytes` from `start`. Only a 206 whose Content-Range is
   * the part asked for, and whose body is exactly that long, is taken; a longer body is cut off unread.
   */
  downloadPart<K extends ClientRoute>(
    route: K,
    input: RouteInput<K>,
    part: { start: number; maxBytes: number },
  ): Promise<CentralResult<FilePart>>;
}

/** A part of a file central sent: its bytes, where they start in the file, and the whole file's size. */
export interface FilePart {
  bytes: Buffer;
  start: number;
  total: number;
  contentType: string;
}

export interface CentralClient {
  readonly url: string;
  /** A route that needs no login (sign-in and refresh). */
  anonymous<K extends ClientRoute>(route: K, input: RouteInput<K>): Promise<CentralResult<RouteAnswer<K>>>;
  signedIn(tokens: TokenSource): SignedInCentral;
}

const DEFAULT_TIMEOUT_MS = 15_000;

const notTheProtocol = (status: number): CentralFailure => ({
  kind: 'http',
  status,
  message: 'answer does not match the protocol',
  refusal: null,
});

const contentTypeOf = (response: Response) =>
  response.headers.get('content-type') ?? 'application/octet-stream';

/** The body if it is at most `max` bytes; null (and the rest left unread) when central sends more. */
async function bytesAtMost(response: Response, max: number): Promise<Buffer | null> {
  const reader = response.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  if (Number(response.headers.get('content-length') ?? 0) > max) {
    await reader.cancel();
    return null;
  }
  const parts: Uint8Array[] = [];
  let length = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    length += read.value.length;
    if (length > max) {
      await reader.cancel();
      return null;
    }
    parts.push(read.value);
  }
  return Buffer.concat(parts, length);
}
const ErrorDetailSchema = z.object({ error: z.string() });

type Sent =
  { ok: true; response: Response; text: string; bytes?: Buffer } | { ok: false; failure: CentralFailure };
/** How one request is sent beside its route and input. */
interface SendOptions {
  etag?: string | null;
  /** The answer is bytes, not JSON (when central says yes). */
  binary?: boolean;
  /** Only this part of the bytes (a `Range` header); a body longer than asked is not read. */
  part?: { start: number; maxBytes: number };
}
/** A route's input as sent; its shape per route is `RouteInput`. */
interface SendInput {
  params?: object;
  query?: object;
  body?: unknown;
}

export function createCentralClient(baseUrl: string, options: { timeoutMs?: number } = {}): CentralClient {
  const url = baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  function target(route: ClientRoute, input: { params?: object; query?: object }): string {
    const { path } = methodAndPath(route);
    const params = (input.params ?? {}) as Record<string, string | number>;
    const filled = path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(String(params[name])));
    const query = new URLSearchParams(
      Object.entries(input.query ?? {}).map(([name, value]): [string, string] => [name, String(value)]),
    ).toString();
    return `${url}${filled}${query ? `?${query}` : ''}`;
  }

  async function send(
    route: ClientRoute,
    input: SendInput,
    token: string | null,
    { etag = null, binary = false, part }: SendOptions = {},
  ): Promise<Sent> {
    const bytes = input.body instanceof Uint8Array;
    const body =
      input.body === undefined ? undefined : bytes ? (input.body as Uint8Array) : JSON.stringify(input.body);
    try {
      const response = await fetch(target(route, input), {
        method: methodAndPath(route).method,
        headers: {
          ...(body === undefined
            ? {}
            : { 'content-type': bytes ? 'application/octet-stream' : 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(etag ? { 'if-none-match': etag } : {}),
          ...(part ? { range: `bytes=${part.start}-${part.start + part.maxBytes - 1}` } : {}),
        },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      // A body cut mid-way is a transport failure too: the request may or may not have been applied.
      if (binary && response.ok) {
        const bytes = part
          ? await bytesAtMost(response, part.maxBytes)
          : Buffer.from(await response.arrayBuffer());
        return bytes
          ? { ok: true, response, text: '', bytes }
          : { ok: false, failure: notTheProtocol(response.status) };
      }
      return { ok: true, response, text: await response.text() };
    } catch (error) {
      return {
        ok: false,
        failure: { kind: 'network', message: error instanceof Error ? error.name : 'network error' },
      };
    }
  }

  function parse<K extends ClientRoute>(
    route: K,
    response: Response,
    text: string,
  ): CentralResult<RouteAnswer<K>> {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return {
        ok: false,
        failure: { kind: 'network', message: `unreadable answer (HTTP ${response.status})` },
      };
    }
    if (!response.ok) {
      const detail = ErrorDetailSchema.safeParse(json);
      const refusal = RefusalOnWireSchema.safeParse(json);
      return {
        ok: false,
        failure: {
          kind: 'http',
          status: response.status,
          message: detail.success ? detail.data.error : `HTTP ${response.status}`,
          refusal: refusal.success ? refusal.data : null,
        },
      };
    }
    const parsed = CENTRAL_API[route].response.safeParse(json);
    if (!parsed.success) return { ok: false, failure: notTheProtocol(response.status) };
    return { ok: true, value: parsed.data as RouteAnswer<K> };
  }

  /** The bytes of a download, or why there are none: central's refusal, or an answer that is not bytes. */
  function bytesOf(route: ClientRoute, sent: Sent): CentralResult<{ bytes: Buffer; response: Response }> {
    if (!sent.ok) return sent;
    if (sent.bytes) return { ok: true, value: { bytes: sent.bytes, response: sent.response } };
    const failed = parse(route, sent.response, sent.text);
    return failed.ok ? { ok: false, failure: notTheProtocol(sent.response.status) } : failed;
  }

  const signedOut: Sent = {
    ok: false,
    failure: { kind: 'signedOut', message: 'signed out' },
  };

  return {
    url,
    async anonymous(route, input) {
      const sent = await send(route, input as SendInput, null);
      return sent.ok ? parse(route, sent.response, sent.text) : sent;
    },
    signedIn(tokens) {
      /** Sends with the current token; a 401 means it is no good: one fresh token, one more try. */
      async function authorized(
        route: ClientRoute,
        input: SendInput,
        options: SendOptions = {},
      ): Promise<Sent> {
        for (let attempt = 0; ; attempt++) {
          const token = await tokens.accessToken();
          if (!token) return signedOut;
          const sent = await send(route, input, token, options);
          if (!sent.ok || sent.response.status !== 401 || attempt > 0) return sent;
          tokens.refused();
        }
      }
      return {
        signedInOnline: async () => (await tokens.accessToken()) !== null,
        async call(route, input) {
          const sent = await authorized(route, input as SendInput);
          return sent.ok ? parse(route, sent.response, sent.text) : sent;
        },
        async download(route, input) {
          const sent = await authorized(route, input as SendInput, { binary: true });
          const bytes = bytesOf(route, sent);
          return bytes.ok
            ? {
                ok: true,
                value: { bytes: bytes.value.bytes, contentType: contentTypeOf(bytes.value.response) },
              }
            : bytes;
        },
        async downloadPart(route, input, part) {
          const sent = await authorized(route, input as SendInput, { binary: true, part });
          const bytes = bytesOf(route, sent);
          if (!bytes.ok) return bytes;
          const { response } = bytes.value;
          const answered = partAnswered(
            response.status,
            response.headers.get('content-range'),
            part,
            bytes.value.bytes.length,
          );
          return answered
            ? {
                ok: true,
                value: { bytes: bytes.value.bytes, ...answered, contentType: contentTypeOf(response) },
              }
            : { ok: false, failure: notTheProtocol(response.status) };
        },
        async callIfChanged(route, input, etag) {
          const sent = await authorized(route, input as SendInput, { etag });
          if (!sent.ok) return sent;
          if (sent.response.status === 304) return { ok: true, value: { changed: false } };
          const parsed = parse(route, sent.response, sent.text);
          if (!parsed.ok) return parsed;
          return {
            ok: true,
            value: { changed: true, value: parsed.value, etag: sent.response.headers.get('etag') },
          };
        },
      };
    },
  };
}
