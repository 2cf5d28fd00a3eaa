import { z } from 'zod';
import { refusal } from '../../domain/contract/refusal';
import { isUnstorableIssue } from '../../domain/contract/text';
import {
  OperationIdSchema,
  SYNC_LIMITS,
  type SyncOperation,
  SyncOperationSchema,
  type SyncOpResult,
} from '../../domain/sync/sync';
import { HttpProblem } from '../http/problem';

/** A push read as a list first: each operation is then read on its own, so one cannot refuse the others. */
export const PushEnvelopeSchema = z.strictObject({
  operations: z.array(z.unknown()).min(1).max(SYNC_LIMITS.batchMax),
});

export type PushedOperation = { ok: true; op: SyncOperation } | { ok: false; result: SyncOpResult };

/**
 * Reads each pushed operation. One whose only fault is text no database can store (a NUL, a lone surrogate)
 * is rejected alone with `op.unstorable` (issue 11, item 3): the console wrote it and will never write it
 * otherwise, so refusing the whole push would stop every operation queued behind it. Any other malformed
 * operation is the console's bug, not the operator's text: the push is refused as a whole (400), as before.
 */
export function readPushedOperations(raw: unknown[]): PushedOperation[] {
  return raw.map((candidate, index) => {
    const parsed = SyncOperationSchema.safeParse(candidate);
    if (parsed.success) return { ok: true, op: parsed.data };
    const id = OperationIdSchema.safeParse((candidate as { id?: unknown } | null)?.id);
    if (id.success && parsed.error.issues.every(isUnstorableIssue))
      return {
        ok: false,
        result: {
          id: id.data,
          status: 'rejected',
          ...refusal('op.unstorable'),
          reason: 'the operation carries text no database can store (a NUL or a lone surrogate)',
        },
      };
    throw new HttpProblem(
      400,
      refusal('request.invalid', { part: 'body' }),
      `operation ${index} is not a valid operation`,
      parsed.error.issues.map((issue) => ({
        path: ['operations', index, ...issue.path].join('.'),
        message: issue.message,
      })),
    );
  });
}
