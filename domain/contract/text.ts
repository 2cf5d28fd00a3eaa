import { z } from 'zod';

/**
 * A NUL character, or half of a surrogate pair standing alone: PostgreSQL refuses any statement that
 * carries either, so one such string would fail everything stored with it (issue 11, item 2). With the `u`
 * flag a well-formed pair is one code point and does not match; only a lone half does.
 */
const UNSTORABLE = /[\u0000\uD800-\uDFFF]/u;

export const isStorableText = (text: string): boolean => !UNSTORABLE.test(text);

/** The `problem` a refused string's zod issue carries, so boundaries can answer `text.unstorable`. */
export const UNSTORABLE_PROBLEM = 'unstorable';

/** Whether a zod issue is this refinement's: central and main turn it into the `text.unstorable` refusal. */
export function isUnstorableIssue(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'custom' && issue.params?.problem === UNSTORABLE_PROBLEM;
}

/**
 * Every string of the contract (console API, central's HTTP and realtime messages) starts here instead of
 * `z.string()`: text that no database can store is refused where it enters, with a clear answer, not as a
 * failed statement later. Chain `.trim()`, `.max()`, `.regex()` after it as on `z.string()`.
 */
export function storableText() {
  return z.string().refine(isStorableText, {
    message: 'text contains a NUL character or a lone surrogate, which cannot be stored',
    params: { problem: UNSTORABLE_PROBLEM },
  });
}
