import { z } from 'zod';
import { storableText } from './text';
import { ApiErrorSchema } from './ipc';

/**
 * The console API over host mode's loopback WebSocket: one JSON message per frame.
 * Method and event names are checked against the contract on arrival (domain/contract/ipc.ts).
 */
export const WireCallSchema = z
  .object({
    kind: z.literal('call'),
    id: z.number().int().nonnegative(),
    method: storableText().max(100),
    input: z.unknown(),
  })
  .strict();
export type WireCall = z.infer<typeof WireCallSchema>;

export const WireServerMessageSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('result'),
    id: z.number().int().nonnegative(),
    result: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), value: z.unknown() }),
      z.object({ ok: z.literal(false), error: ApiErrorSchema }),
    ]),
  }),
  z.object({ kind: z.literal('event'), event: storableText(), payload: z.unknown() }),
]);
export type WireServerMessage = z.infer<typeof WireServerMessageSchema>;

/** Host mode's WebSocket path; the per-run secret travels as the `secret` query parameter. */
export const HOST_API_PATH = '/api';
/**
 * Where a tab that cannot open the WebSocket asks whether its secret is still the console's (POST, the secret
 * as the body; 204 yes, 401 no): a browser never sees why an upgrade was refused, and without this a tab with
 * an old address would show "reconnecting" forever.
 */
export const HOST_SECRET_CHECK_PATH = '/secret-check';
/** Close code sent when a frame is not a valid call. */
export const WIRE_CLOSE_PROTOCOL_ERROR = 4400;
