import type { z } from 'zod';
import { type Refusal, refusal } from '../../domain/contract/refusal';
import { isUnstorableIssue } from '../../domain/contract/text';

export interface ProblemIssue {
  path: string;
  message: string;
}

/**
 * An expected refusal with an HTTP status: a code and its parameters from the catalogue
 * (domain/contract/refusal.ts) that clients translate, and an English `detail` for developers' logs only.
 * Never a bug.
 */
export class HttpProblem extends Error {
  constructor(
    readonly statusCode: number,
    readonly refusal: Refusal,
    detail: string,
    readonly issues?: ProblemIssue[],
  ) {
    super(detail);
  }
}

export function issuesOf(error: z.ZodError): ProblemIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }));
}

/**
 * A 400 `text.unstorable` naming the string with a NUL character or a lone surrogate, if the input has one:
 * it is told apart from other mistakes because no retry with the same text can ever be stored.
 */
export function unstorableTextProblem(error: z.ZodError, prefix?: string): HttpProblem | null {
  const issue = error.issues.find(isUnstorableIssue);
  if (!issue) return null;
  const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(root)';
  return new HttpProblem(
    400,
    refusal('text.unstorable', { field }),
    'text contains a NUL character or a lone surrogate',
    issuesOf(error),
  );
}

/** Parses a staff request's `part` with `schema` or throws a 400 naming where the input was wrong. */
export function parseOr400<S extends z.ZodType>(
  schema: S,
  value: unknown,
  part: 'path' | 'query' | 'body' | 'message',
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success)
    throw (
      unstorableTextProblem(result.error, part) ??
      new HttpProblem(400, refusal('request.invalid', { part }), `invalid ${part}`, issuesOf(result.error))
    );
  return result.data;
}

/** A service's outcome as a route's answer: its value, or its refusal as the route's HttpProblem. */
export function valueOrProblem<T>(
  outcome: { ok: true; value: T } | { ok: false; status: number; refusal: Refusal; reason: string },
): T {
  if (!outcome.ok) throw new HttpProblem(outcome.status, outcome.refusal, outcome.reason);
  return outcome.value;
}
