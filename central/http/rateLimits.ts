import { createHash } from 'node:crypto';
import { BlockList, isIPv6 } from 'node:net';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { z } from 'zod';
import { refusal } from '../../domain/contract/refusal';
import { throttleAddress } from './clientAddress';

/**
 * How many requests one client may make per minute, by what it is counted under (issue 11, item 4). A
 * flood brake, not a quota: every number is far above what a person or a console does, and far below what
 * a script does. Counted in each instance's memory (central/README.md, "Rate limits").
 */
export interface RateLimits {
  /** New appeals from one address (a whole mobile carrier's NAT can be one address: be generous). */
  appealsPerAddress: number;
  /** Citizens' other requests (status, chat, attachments) from one address. */
  citizenPerAddress: number;
  /** Requests that carry one citizen token (one appeal's status, chat and attachments). */
  citizenPerToken: number;
  /** Sign-in requests from one address, and for one login from one address (an outsider's own bucket). */
  signInsPerAddress: number;
  signInsPerLoginAndAddress: number;
  /** Realtime sockets opened from one address. */
  socketsPerAddress: number;
  /** The workstation network probe's transfers (up to 50 MB each) from one address. */
  netProbesPerAddress: number;
  /** Per socket: a burst of messages, refilled at `perSecond` (central/realtime/messageBudget.ts). */
  socketMessageBurst: number;
  socketMessagesPerSecond: number;
  /** Addresses or CIDRs counted by token only, not by address: the channels' gateways (chatbots, e-mail). */
  allow: readonly string[];
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  appealsPerAddress: 120,
  citizenPerAddress: 600,
  citizenPerToken: 120,
  signInsPerAddress: 60,
  signInsPerLoginAndAddress: 10,
  socketsPerAddress: 120,
  netProbesPerAddress: 60,
  socketMessageBurst: 100,
  socketMessagesPerSecond: 20,
  allow: [],
};

const WINDOW_MS = 60_000;

/** What a request is counted under. */
type Counter = 'address' | 'citizenToken' | 'login';
type LimitName = keyof Omit<RateLimits, 'allow' | 'socketMessageBurst' | 'socketMessagesPerSecond'>;
type Rule = { counter: Counter; max: LimitName };

/** The limited routes; a route not here is bounded by its body limit and its authentication only. */
const RULES: Record<string, readonly Rule[]> = {
  'POST /api/appeals': [{ counter: 'address', max: 'appealsPerAddress' }],
  'GET /api/appeals/:id': citizen(),
  'GET /api/appeals/:id/messages': citizen(),
  'POST /api/appeals/:id/messages': citizen(),
  'POST /api/appeals/:id/attachments': citizen(),
  'POST /api/auth/login': [
    { counter: 'address', max: 'signInsPerAddress' },
    { counter: 'login', max: 'signInsPerLoginAndAddress' },
  ],
  'POST /api/units/auth': [
    { counter: 'address', max: 'signInsPerAddress' },
    { counter: 'login', max: 'signInsPerLoginAndAddress' },
  ],
  'POST /api/auth/refresh': [{ counter: 'address', max: 'signInsPerAddress' }],
  'POST /api/auth/logout': [{ counter: 'address', max: 'signInsPerAddress' }],
  'GET /ws': [{ counter: 'address', max: 'socketsPerAddress' }],
  'GET /api/net/ping': [{ counter: 'address', max: 'netProbesPerAddress' }],
  'GET /api/net/download': [{ counter: 'address', max: 'netProbesPerAddress' }],
  'POST /api/net/upload': [{ counter: 'address', max: 'netProbesPerAddress' }],
};

function citizen(): Rule[] {
  return [
    { counter: 'address', max: 'citizenPerAddress' },
    { counter: 'citizenToken', max: 'citizenPerToken' },
  ];
}

const LoginBody = z.object({ login: z.string().max(256) });

/** The key a request is counted under, or null when the counter does not apply (no token, no login yet). */
function keyOf(counter: Counter, request: FastifyRequest, address: string): string | null {
  switch (counter) {
    case 'address':
      return `a:${address}`;
    case 'citizenToken': {
      const token = request.headers['x-citizen-token'];
      // Hashed: the store (memory today, perhaps shared later) never holds a citizen's token.
      return typeof token === 'string' ? `t:${createHash('sha256').update(token).digest('base64url')}` : null;
    }
    case 'login': {
      const body = LoginBody.safeParse(request.body);
      return body.success ? `l:${body.data.login.trim().toLowerCase()}|${address}` : null;
    }
  }
}

function allowList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.trim().split('/');
    const type = isIPv6(address) ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

/**
 * Answers 429 in the shape of every refusal (http/errors.ts), sent from the hook itself: a flood is mostly
 * refusals, and this spares each one an exception and the error handler.
 */
function tooMany(reply: FastifyReply, retryAfterSeconds: number): FastifyReply {
  return reply
    .code(429)
    .header('retry-after', String(retryAfterSeconds))
    .send({
      ...refusal('rate.limited', { retryAfterSeconds }),
      error: `too many requests: try again in ${retryAfterSeconds} s`,
    });
}

/**
 * Installs the limits on the routes of RULES with @fastify/rate-limit's counters. Call before the routes
 * are registered: each route gets its checks as it is added. Address and token are counted before the body
 * is read; a login only once it is (preValidation), so a flood of bodies is stopped by the address first.
 */
export async function installRateLimits(app: FastifyInstance, limits: RateLimits): Promise<void> {
  await app.register(fastifyRateLimit, { global: false });
  const allowed = allowList(limits.allow);
  const isAllowed = (request: FastifyRequest) => {
    const ip = request.ip.replace(/^::ffff:(?=\d+\.)/i, '');
    return allowed.check(ip, isIPv6(ip) ? 'ipv6' : 'ipv4');
  };

  // The key of the count in progress: computed once by `check`, read back by the plugin's key generator.
  const counting = new WeakMap<FastifyRequest, string>();
  // One counter per limit, shared by every route it covers (a citizen token's status, chat and attachments).
  const counters = new Map<LimitName, ReturnType<FastifyInstance['createRateLimit']>>();
  for (const rule of Object.values(RULES).flat()) {
    if (counters.has(rule.max)) continue;
    counters.set(
      rule.max,
      app.createRateLimit({
        max: limits[rule.max],
        timeWindow: WINDOW_MS,
        keyGenerator: (request) => counting.get(request) ?? '',
      }),
    );
  }

  const check =
    (rules: readonly Rule[]): onRequestAsyncHookHandler =>
    async (request, reply) => {
      const address = throttleAddress(request.ip);
      for (const rule of rules) {
        const count = counters.get(rule.max);
        const key = keyOf(rule.counter, request, address);
        if (!count || key === null) continue;
        if (rule.counter === 'address' && isAllowed(request)) continue;
        counting.set(request, `${rule.max}:${key}`);
        const result = await count(request);
        if (!result.isAllowed && result.isExceeded) return tooMany(reply, result.ttlInSeconds);
      }
      return undefined;
    };

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      const rules = RULES[`${method} ${route.url}`];
      if (!rules) continue;
      const early = rules.filter((r) => r.counter !== 'login');
      const late = rules.filter((r) => r.counter === 'login');
      if (early.length > 0) route.onRequest = [check(early), ...hooks(route.onRequest)];
      if (late.length > 0) route.preValidation = [check(late), ...hooks(route.preValidation)];
    }
  });
}

function hooks<H>(existing: H | H[] | undefined): H[] {
  if (existing === undefined) return [];
  return Array.isArray(existing) ? existing : [existing];
}
