import type { z } from 'zod';
import { type AppealProblem, AppealProblemSchema, refusal } from '../../domain/contract/refusal';
import { HttpProblem, issuesOf, unstorableTextProblem } from '../http/problem';

/** What the citizen sent at `path`; zod does not repeat the input in its issues. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** The catalogue's problem for one zod issue: what the citizen did wrong, never zod's English. */
function problemOf(issue: z.core.$ZodIssue, input: unknown): { field: string; problem: AppealProblem } {
  const field = issue.path.map(String).join('.');
  switch (issue.code) {
    case 'invalid_type':
    case 'invalid_value':
      return { field, problem: valueAt(input, issue.path) === undefined ? 'missing' : 'invalid' };
    case 'too_small':
      return { field, problem: issue.origin === 'string' && issue.minimum === 1 ? 'empty' : 'invalid' };
    case 'too_big':
      return { field, problem: 'tooLong' };
    case 'unrecognized_keys':
      return { field: [field, issue.keys[0] ?? ''].filter(Boolean).join('.'), problem: 'unknownField' };
    case 'custom': {
      const named = AppealProblemSchema.safeParse(issue.params?.problem);
      return { field, problem: named.success ? named.data : 'invalid' };
    }
    default:
      return { field, problem: 'invalid' };
  }
}

/**
 * Parses what a citizen sent or throws a 400 `appeal.invalid` naming the first wrong field and what is
 * wrong with it (the citizen fixes one thing at a time); zod's issues stay for developers only.
 */
export function parseAppealOr400<S extends z.ZodType>(
  schema: S,
  value: unknown,
  prefix?: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const unstorable = unstorableTextProblem(result.error, prefix);
  if (unstorable) throw unstorable;
  const first = result.error.issues[0];
  const { field, problem } = first ? problemOf(first, value) : { field: '', problem: 'invalid' as const };
  const named = [prefix, field].filter(Boolean).join('.') || '(root)';
  throw new HttpProblem(
    400,
    refusal('appeal.invalid', { field: named, problem }),
    'invalid appeal',
    issuesOf(result.error),
  );
}
