import type { z } from 'zod';

export interface ProblemIssue {
  path: string;
  message: string;
}

/** An expected refusal with an HTTP status and a reason the client can show; never a bug. */
export class HttpProblem extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly issues?: ProblemIssue[],
  ) {
    super(message);
  }
}

export function issuesOf(error: z.ZodError): ProblemIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }));
}

/** Parses `value` with `schema` or throws a 400 naming where the input was wrong. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new HttpProblem(400, `invalid ${where}`, issuesOf(result.error));
  return result.data;
}
