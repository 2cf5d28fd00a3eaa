import type {} from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { decodeJwt } from 'jose';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import { ClientMessageSchema, REALTIME_CLOSE_CODES } from '../../domain/contract/realtime';
import type { Principal } from '../session/principal';
import type { AuthService } from '../session/authService';
import type { AppealRepository } from '../appeals/appealRepository';
import type { CallAbandonment } from '../appeals/callAbandonment';
import type { CallQueue } from '../appeals/callQueue';
import type { CallService } from '../appeals/callService';
import { checkCitizenToken } from '../appeals/citizenToken';
import { HttpProblem, parseOr400, valueOrProblem } from '../http/problem';
import { authorize } from '../session/staffRoute';
import type { EventBus } from '../bus/bus';
import { type RealtimeHub, send } from './hub';
import { createMessageBudget, type MessageBudgetSettings } from './messageBudget';
import { refusal } from '../../domain/contract/refusal';
import { storableText } from '../../domain/contract/text';

/** Staff: `?token=ACCESS`; a citizen: `?appeal=ID&citizenToken=TOKEN` (browsers cannot set headers on a WebSocket). */
const WsQuery = z.union([
  z.strictObject({ token: storableText().min(1).max(4096) }),
  z.strictObject({ appeal: z.uuid(), citizenToken: storableText().min(1).max(256) }),
]);

type Peer =
  | { kind: 'staff'; principal: Principal; sessionId: string; token: string; expiresAt: number }
  | { kind: 'citizen'; appealId: string; departmentId: string | null };

const peers = new WeakMap<FastifyRequest, Peer>();

/** Frames above this are refused: the largest legitimate one is an SDP offer. */
const MAX_FRAME_BYTES = 128 * 1024;

export function registerRealtimeRoutes(
  app: FastifyInstance,
  deps: {
    auth: AuthService;
    hub: RealtimeHub;
    bus: EventBus;
    calls: CallService;
    appeals: AppealRepository;
    messageBudget: MessageBudgetSettings;
    abandonment: CallAbandonment;
    queue: CallQueue;
  },
): void {
  const { auth, hub, bus, calls, appeals, abandonment, queue } = deps;

  app.get(
    '/ws',
    {
      websocket: true,
      // Authentication happens before the upgrade, so a refused client gets a plain HTTP 401/403.
      preValidation: async (request) => {
        const query = parseOr400(WsQuery, request.query, 'query');
        if ('token' in query) {
          const principal = await authorize(auth, query.token, 'GET /ws');
          const claims = decodeJwt(query.token);
          peers.set(request, {
            kind: 'staff',
            principal,
            sessionId: typeof claims.sid === 'string' ? claims.sid : '',
            token: query.token,
            expiresAt: (claims.exp ?? 0) * 1000,
          });
        } else {
          const found = await appeals.byId(query.appeal);
          if (!found)
            throw new HttpProblem(404, refusal('appeal.notFound'), 'no such appeal, or wrong citizen token');
          checkCitizenToken(query.citizenToken, found.citizenTokenHash);
          peers.set(request, {
            kind: 'citizen',
            appealId: query.appeal,
            departmentId: found.appeal.departmentId,
          });
        }
      },
    },
    (socket: WebSocket, request) => {
      const peer = peers.get(request);
      if (!peer) return socket.close(1008, 'not authenticated');
      const remove =
        peer.kind === 'staff'
          ? hub.addStaff(socket, peer.principal, peer.sessionId)
          : hub.addCitizen(socket, peer.appealId);
      if (peer.kind === 'citizen') {
        abandonment.citizenConnected(peer.appealId);
        queue.citizenJoined(peer.departmentId);
      }
      // A session revoked between the check above and joining the hub missed its closing event: look again.
      if (peer.kind === 'staff')
        void auth
          .authenticate(peer.token)
          .catch(() => socket.close(REALTIME_CLOSE_CODES.sessionRevoked, 'session ended'));
      // A socket lives no longer than its token; a revoked session or a changed account closes it sooner
      // (hub.ts). The console reconnects with a refreshed token.
      const expiry =
        peer.kind === 'staff'
          ? setTimeout(
              () => socket.close(REALTIME_CLOSE_CODES.tokenExpired, 'access token expired'),
              Math.max(0, peer.expiresAt - Date.now()),
            )
          : null;
      // Only a change of presence reaches the territory's consoles: the same status again is no news.
      let lastPresence: string | null = null;
      const presence = async (status: 'available' | 'busy' | 'away' | 'offline') => {
        if (peer.kind !== 'staff' || status === lastPresence) return;
        lastPresence = status;
        const p = peer.principal;
        await bus.publish({
          kind: 'presence',
          accountId: p.accountId,
          role: p.role,
          departmentId: p.departmentId,
          status,
        });
      };
      void presence('available').catch(() => undefined);

      const budget = createMessageBudget(deps.messageBudget);
      let overBudget = false;
      socket.on('message', (data: Buffer, isBinary: boolean) => {
        // Frames already received when the budget ran out are dropped unread.
        if (overBudget) return;
        if (!budget.take()) {
          overBudget = true;
          const retryAfterSeconds = budget.retryAfterSeconds();
          send(socket, {
            type: 'error',
            ...refusal('rate.limited', { retryAfterSeconds }),
            reason: 'too many messages on this socket',
          });
          return socket.close(REALTIME_CLOSE_CODES.tooManyMessages, 'too many messages');
        }
        void (async () => {
          if (isBinary || data.length > MAX_FRAME_BYTES)
            throw new HttpProblem(400, refusal('request.tooLarge'), 'frames are JSON text up to 128 KB');
          let json: unknown;
          try {
            json = JSON.parse(data.toString('utf8'));
          } catch {
            throw new HttpProblem(400, refusal('request.malformed'), 'frame is not valid JSON');
          }
          const message = parseOr400(ClientMessageSchema, json, 'message');
          switch (message.type) {
            case 'ping':
              return send(socket, { type: 'pong', t: Date.now() });
            case 'presence.set':
              return presence(message.status);
            case 'call.accept':
              // A citizen never accepts a call; the call service decides for staff (role, territory, first).
              if (peer.kind !== 'staff')
                throw new HttpProblem(403, refusal('call.notYours'), 'only an operator accepts calls');
              valueOrProblem(await calls.accept(peer.principal, message.appealId, message.offer));
              return;
            case 'call.location':
              if (peer.kind !== 'citizen' || message.appealId !== peer.appealId)
                throw new HttpProblem(403, refusal('appeal.notFound'), 'only the caller sends their place');
              valueOrProblem(await calls.citizenMoved(message.appealId, message.location));
              return;
            case 'call.signal':
              if (peer.kind === 'citizen') {
                if (message.appealId !== peer.appealId)
                  throw new HttpProblem(403, refusal('appeal.notFound'), 'not your appeal');
                valueOrProblem(await calls.fromCitizen(message.appealId, message.signal));
                return;
              }
              valueOrProblem(await calls.fromOperator(peer.principal, message.appealId, message.signal));
              return;
          }
        })().catch((error: unknown) => {
          send(
            socket,
            error instanceof HttpProblem
              ? { type: 'error', ...error.refusal, reason: error.message }
              : { type: 'error', ...refusal('internal'), reason: 'internal error' },
          );
        });
      });

      socket.on('close', () => {
        if (expiry) clearTimeout(expiry);
        remove();
        if (peer.kind === 'citizen') abandonment.citizenDisconnected(peer.appealId);
        if (peer.kind === 'staff' && !hub.hasStaffSocket(peer.principal.accountId))
          void presence('offline').catch(() => undefined);
      });
    },
  );
}
