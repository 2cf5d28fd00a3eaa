import { z } from 'zod';
import { type Card, CardSchema } from '../../domain/cards/card';
import { RoleSchema } from '../../domain/session/roles';
import {
  type SyncOperation,
  type SyncPullResponse,
  SyncPullResponseSchema,
  type SyncPushResponse,
  SyncPushResponseSchema,
} from '../../domain/sync/sync';

/**
 * HTTP to central from main. Plain `fetch` (built into Node and Electron's main) rather than axios:
 * timeouts via AbortSignal are all we need, and one HTTP stack less to keep patched.
 * Every failure is a value: `network` (no answer — retry later) or `http` (central answered with an error).
 */
export type CentralFailure =
  { kind: 'network'; message: string } | { kind: 'http'; status: number; message: string };
export type CentralResult<T> = { ok: true; value: T } | { ok: false; failure: CentralFailure };

export const TokenPairSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  expiresIn: z.number().positive(),
  account: z.object({
    id: z.uuid(),
    login: z.string(),
    role: RoleSchema,
    departmentId: z.string().nullable(),
    displayName: z.string(),
  }),
});
export type TokenPair = z.infer<typeof TokenPairSchema>;

export interface CentralClient {
  readonly url: string;
  login(login: string, password: string): Promise<CentralResult<TokenPair>>;
  refresh(refreshToken: string): Promise<CentralResult<TokenPair>>;
  push(token: string, operations: readonly SyncOperation[]): Promise<CentralResult<SyncPushResponse>>;
  pull(token: string, since: number, limit: number): Promise<CentralResult<SyncPullResponse>>;
  /** One card as central holds it now (to put back over a change central refused). */
  card(token: string, id: string): Promise<CentralResult<Card>>;
  /**
   * A GET that sends the ETag of the copy held (`If-None-Match`); central's 304 comes back as
   * `{ changed: false }`, with no body to read or check.
   */
  getIfChanged<T>(
    path: string,
    schema: z.ZodType<T>,
    token: string,
    etag: string | null,
  ): Promise<CentralResult<IfChanged<T>>>;
}

export type IfChanged<T> = { changed: false } | { changed: true; value: T; etag: string | null };

const REQUEST_TIMEOUT_MS = 15_000;

/** GET /api/cards/:id: the card and its history, of which the console keeps the card. */
const CardAnswerSchema = z.object({ card: CardSchema });

export function createCentralClient(baseUrl: string): CentralClient {
  const url = baseUrl.replace(/\/+$/, '');

  type Sent = { ok: true; response: Response; text: string } | { ok: false; failure: CentralFailure };

  async function send(
    path: string,
    init: { method: 'GET' | 'POST'; token?: string; body?: unknown; etag?: string },
  ): Promise<Sent> {
    try {
      const response = await fetch(`${url}${path}`, {
        method: init.method,
        headers: {
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
          ...(init.etag ? { 'if-none-match': init.etag } : {}),
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      // A body cut mid-way is a transport failure too: the request may or may not have been applied.
      return { ok: true, response, text: await response.text() };
    } catch (error) {
      return {
        ok: false,
        failure: { kind: 'network', message: error instanceof Error ? error.name : 'network error' },
      };
    }
  }

  function parse<T>(response: Response, text: string, schema: z.ZodType<T>): CentralResult<T> {
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
      const detail = z.object({ error: z.string() }).safeParse(json);
      return {
        ok: false,
        failure: {
          kind: 'http',
          status: response.status,
          message: detail.success ? detail.data.error : `HTTP ${response.status}`,
        },
      };
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success)
      return {
        ok: false,
        failure: { kind: 'http', status: response.status, message: 'answer does not match the protocol' },
      };
    return { ok: true, value: parsed.data };
  }

  async function request<T>(
    path: string,
    schema: z.ZodType<T>,
    init: { method: 'GET' | 'POST'; token?: string; body?: unknown },
  ): Promise<CentralResult<T>> {
    const sent = await send(path, init);
    return sent.ok ? parse(sent.response, sent.text, schema) : sent;
  }

  return {
    url,
    login: (login, password) =>
      request('/api/auth/login', TokenPairSchema, { method: 'POST', body: { login, password } }),
    refresh: (refreshToken) =>
      request('/api/auth/refresh', TokenPairSchema, { method: 'POST', body: { refreshToken } }),
    push: (token, operations) =>
      request('/api/sync/push', SyncPushResponseSchema, { method: 'POST', token, body: { operations } }),
    pull: (token, since, limit) =>
      request(`/api/sync/pull?since=${since}&limit=${limit}`, SyncPullResponseSchema, {
        method: 'GET',
        token,
      }),
    async card(token, id) {
      const answer = await request(`/api/cards/${encodeURIComponent(id)}`, CardAnswerSchema, {
        method: 'GET',
        token,
      });
      return answer.ok ? { ok: true, value: answer.value.card } : answer;
    },
    async getIfChanged(path, schema, token, etag) {
      const sent = await send(path, { method: 'GET', token, etag: etag ?? undefined });
      if (!sent.ok) return sent;
      if (sent.response.status === 304) return { ok: true, value: { changed: false } };
      const parsed = parse(sent.response, sent.text, schema);
      if (!parsed.ok) return parsed;
      return {
        ok: true,
        value: { changed: true, value: parsed.value, etag: sent.response.headers.get('etag') },
      };
    },
  };
}
