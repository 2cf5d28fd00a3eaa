import type { Sql } from './database';

/**
 * Whether the database refused the data itself — a data exception (class 22: a NUL character, a lone
 * surrogate, a value out of range) or a failed constraint (class 23) — rather than failing: such a step
 * is refused on its own, anything else is central's failure.
 */
export function refusedByDatabase(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : null;
  return typeof code === 'string' && /^2[23]/.test(code);
}

export type Attempt<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Steps of one transaction, each in its own savepoint when `separately`: a step the database refuses is
 * undone alone and the transaction goes on (one round trip per step; the previous savepoint is released
 * with the next). Without `separately` a step runs as it is and a refusal ends the transaction — rows
 * written in savepoints are slower to read back until vacuumed, so callers try that first.
 */
export function savepoints(tx: Sql, separately: boolean) {
  let open = false;
  return {
    async attempt<T>(step: () => Promise<T>): Promise<Attempt<T>> {
      if (!separately) return { ok: true, value: await step() };
      await tx.exec(open ? 'release savepoint step; savepoint step' : 'savepoint step');
      open = true;
      try {
        return { ok: true, value: await step() };
      } catch (error) {
        await tx.exec('rollback to savepoint step');
        return { ok: false, error };
      }
    },
  };
}
