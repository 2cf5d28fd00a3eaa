import { createReadStream } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { refusal } from '../../domain/contract/refusal';
import type { AuditAction, AuditLog } from '../audit/auditLogRepository';
import { HttpProblem } from './problem';

/** A stored file a staff member asked to read, as its route found it. */
export interface StoredFileToSend {
  /** Where the bytes are: a path central built from its database, never from the request. */
  path: string;
  size: number;
  contentType: string;
  /** Removed by retention: answered "gone", not "unknown". */
  purged: boolean;
  /** What the 410's developer detail calls it ("attachment", "recording"). */
  noun: string;
}

/**
 * Parts of one file read by one account, each within this long of the part before, are one audited read (a
 * player streaming a recording piece by piece as it plays, however long the call was).
 */
export const ONE_READ_MS = 10 * 60_000;

/** `bytes=a-b`, `bytes=a-` or `bytes=-n` of a file of `size` bytes; null: none asked; 'bad': not satisfiable. */
export function rangeOf(
  header: string | undefined,
  size: number,
): { start: number; end: number } | null | 'bad' {
  if (header === undefined) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return 'bad';
  const [, from = '', to = ''] = m;
  const start = from === '' ? Math.max(0, size - Number(to)) : Number(from);
  const end = from === '' || to === '' ? size - 1 : Math.min(Number(to), size - 1);
  return start > end || start >= size ? 'bad' : { start, end };
}

/**
 * The one way central sends a stored file that staff read (a citizen's attachment, a call recording): a file
 * removed by retention answers 410; otherwise the read is in the hash-chained audit log (who, when, which)
 * before a byte leaves. A `Range` is answered 206 with that part, so the console streams a 30-minute recording
 * instead of loading it whole; the parts of one play are one audited read. Central remembers per instance when
 * it last audited an account's read of a file, so another instance audits again: never fewer entries than reads.
 */
export function createAuditedFileSender(audit: AuditLog) {
  const audited = new Map<string, number>();
  return async function sendAuditedFile(
    request: FastifyRequest,
    reply: FastifyReply,
    file: StoredFileToSend,
    read: { accountId: string; action: AuditAction; subjectId: string; reason: string },
  ): Promise<FastifyReply> {
    if (file.purged)
      throw new HttpProblem(
        410,
        refusal('attachment.purged'),
        `the ${file.noun} was removed after its retention period`,
      );
    const range = rangeOf(request.headers.range, file.size);
    if (range === 'bad')
      throw new HttpProblem(
        416,
        refusal('request.malformed'),
        `no such byte range of a ${file.size}-byte file`,
      );
    const key = `${read.accountId} ${read.action} ${read.subjectId}`;
    const now = Date.now();
    const last = audited.get(key);
    // A whole read, or a play's first part, is always audited; so is a part asked for long after the last one.
    if (!range || range.start === 0 || last === undefined || now - last > ONE_READ_MS) {
      await audit.record(read);
      for (const [k, at] of audited) if (now - at > ONE_READ_MS) audited.delete(k);
    }
    audited.set(key, now);
    reply
      .header('content-type', file.contentType)
      .header('accept-ranges', 'bytes')
      .header('content-disposition', 'attachment')
      .header('x-content-type-options', 'nosniff');
    if (!range) return reply.header('content-length', String(file.size)).send(createReadStream(file.path));
    return reply
      .status(206)
      .header('content-range', `bytes ${range.start}-${range.end}/${file.size}`)
      .header('content-length', String(range.end - range.start + 1))
      .send(createReadStream(file.path, { start: range.start, end: range.end }));
  };
}
export type AuditedFileSender = ReturnType<typeof createAuditedFileSender>;
