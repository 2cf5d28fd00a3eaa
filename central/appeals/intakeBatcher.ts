import type { AppealStaffView } from '../../domain/appeal';
import type { AppealRepository, NewAppeal } from './appealRepository';

/** Bounds one statement's size (15 parameters a row; PostgreSQL allows 65,535). */
const MAX_BATCH = 200;

/**
 * Group commit for intake: while one insert is in flight, arriving appeals wait and go together in the
 * next one. A quiet system inserts each appeal alone at once (no timer, no added latency); a busy one
 * pays one commit, one disk flush, for many appeals instead of one each.
 */
export function createIntakeBatcher(appeals: AppealRepository) {
  let waiting: { appeal: NewAppeal; resolve: (a: AppealStaffView) => void; reject: (e: unknown) => void }[] =
    [];
  let flushing = false;

  async function flush(): Promise<void> {
    flushing = true;
    while (waiting.length > 0) {
      const batch = waiting.slice(0, MAX_BATCH);
      waiting = waiting.slice(batch.length);
      try {
        const stored = await appeals.insertMany(batch.map((w) => w.appeal));
        batch.forEach((w, i) => {
          const appeal = stored[i];
          if (appeal) w.resolve(appeal);
          else w.reject(new Error('appeal missing from its batch'));
        });
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    flushing = false;
  }

  return {
    insert(appeal: NewAppeal): Promise<AppealStaffView> {
      return new Promise((resolve, reject) => {
        waiting.push({ appeal, resolve, reject });
        if (!flushing) void flush();
      });
    },
  };
}
export type IntakeBatcher = ReturnType<typeof createIntakeBatcher>;
