import { z } from 'zod';
import { RefusalOnWireSchema } from '../../domain/contract/refusal';
import {
  type CompetentService,
  CompetentServiceSchema,
  type ForwardInput,
  type InboxItem,
  InboxListSchema,
} from '../../domain/inbox/inbox';
import type { InboxStore } from './inboxStore';

/** What an inbox action got from central: done, refused with a code for the screen, or central unreachable. */
export type InboxAnswer = { ok: true } | { ok: false; refusal: string } | { ok: false; offline: true };

const REQUEST_TIMEOUT_MS = 10_000;

/** FNV-1a of central's answer: equal answers, equal lists (a change of any item changes it). */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${(hash >>> 0).toString(16)}-${text.length}`;
}

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/**
 * The inbox on this console: central's list while it answers, else the last copy kept in SQLite; claims and
 * forwards go to central at once (a claim nobody confirmed protects nothing, so they are not queued offline).
 */
export function createInboxService(deps: {
  centralUrl: string;
  /** The signed-in login and a valid access token, or null when nobody is signed in. */
  account(): { login: string } | null;
  accessToken(): Promise<string | null>;
  store: InboxStore;
  now: () => Date;
}) {
  const base = deps.centralUrl.replace(/\/+$/, '');

  async function call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response | null> {
    const token = await deps.accessToken();
    if (!token) return null;
    try {
      return await fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch {
      return null;
    }
  }

  async function answerOf(response: Response | null): Promise<InboxAnswer> {
    if (!response) return { ok: false, offline: true };
    if (response.ok) return { ok: true };
    const refused = RefusalOnWireSchema.safeParse(await response.json().catch(() => null));
    return { ok: false, refusal: refused.success ? refused.data.code : 'unknown' };
  }

  return {
    /** Central's list, kept as the last copy; the copy when central does not answer. */
    async list(
      known?: string,
    ): Promise<{ items: InboxItem[] | null; version: string; fetchedAt: string | null; live: boolean }> {
      const account = deps.account();
      if (!account) return { items: [], version: '', fetchedAt: null, live: false };
      const response = await call('GET', '/api/inbox?limit=10000');
      const text = response?.ok ? await response.text().catch(() => null) : null;
      const version = text === null ? null : fingerprint(text);
      if (version !== null && version === known)
        return { items: null, version, fetchedAt: deps.now().toISOString(), live: true };
      const parsed = text === null ? null : InboxListSchema.safeParse(safeJson(text));
      if (version !== null && parsed?.success) {
        const at = deps.now().toISOString();
        deps.store.replace(account.login, parsed.data.items, at);
        return { items: parsed.data.items, version, fetchedAt: at, live: true };
      }
      return { ...deps.store.read(account.login), version: 'copy', live: false };
    },
    claim: async (appealId: string) =>
      answerOf(await call('POST', `/api/inbox/${encodeURIComponent(appealId)}/claim`)),
    release: async (appealId: string) =>
      answerOf(await call('POST', `/api/inbox/${encodeURIComponent(appealId)}/release`)),
    forward: async (appealId: string, input: ForwardInput) =>
      answerOf(await call('POST', `/api/inbox/${encodeURIComponent(appealId)}/forward`, input)),
    async services(): Promise<CompetentService[]> {
      const response = await call('GET', '/api/services');
      const parsed = response?.ok
        ? z
            .object({ services: z.array(CompetentServiceSchema) })
            .safeParse(await response.json().catch(() => null))
        : null;
      return parsed?.success ? parsed.data.services : [];
    },
  };
}
export type InboxService = ReturnType<typeof createInboxService>;
