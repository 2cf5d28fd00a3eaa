import type { z } from 'zod';
import { type AppealProblem, AppealProblemSchema, refusal } from '../../domain/refusal';
import { HttpProblem, issuesOf } from '../http/problem';

/** The catalogue's problem for one zod issue: what the citizen did wrong, never zod's English. */
function problemOf(issue: z.core.$ZodIssue): { field: string; problem: AppealProblem } {
  const path = issue.path.map(String);
  switch (issue.code) {
    case 'invalid_type':
      return { field: path.join('.'), problem: issue.input === undefined ? 'missing' : 'invalid' };
    case 'too_small':
      return { field: path.join('.'), problem: issue.origin === 'string' && issue.minimum === 1 ? 'empty' : 'invalid' };
    case 'too_big':
      return { field: path.join('.'), problem: 'tooLong' };
    case 'unrecognized_keys':
      return { field: [...path, issue.keys[0] ?? ''].filter(Boolean).join('.'), problem: 'unknownField' };
    case 'custom': {
      const named = AppealProblemSchema.safeParse(issue.params?.problem);
      return { field: path.join('.'), problem: named.success ? named.data : 'invalid' };
    }
    default:
      return { field: path.join('.'), problem: 'invalid' };
  }
}

/**
 * Parses what a citizen sent or throws a 400 `appeal.invalid` naming the first wrong field and what is
 * wrong with it (the citizen fixes one thing at a time); zod's issues stay for developers only.
 */
export function parseAppealOr400<S extends z.ZodType>(schema: S, value: unknown, prefix?: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const { field, problem } = first ? problemOf(first) : { field: '', problem: 'invalid' as const };
  const named = [prefix, field].filter(Boolean).join('.') || '(root)';
  throw new HttpProblem(
    400,
    refusal('appeal.invalid', { field: named, problem }),
    'invalid appeal',
    issuesOf(result.error),
  );
}
