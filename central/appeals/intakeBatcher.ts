import type { AppealStaffView } from '../../domain/appeals/appeal';
import type { AppealRepository, NewAppeal } from './appealRepository';

/** Bounds one statement's size (15 parameters a row; PostgreSQL allows 65,535). */
const MAX_BATCH = 200;

type Waiting = { appeal: NewAppeal; resolve: (a: AppealStaffView) => void; reject: (e: unknown) => void };

/** Hands each waiting appeal its stored row, in the order they were given. */
function settle(batch: Waiting[], stored: AppealStaffView[]): void {
  batch.forEach((w, i) => {
    const appeal = stored[i];
    if (appeal) w.resolve(appeal);
    else w.reject(new Error('appeal missing from its batch'));
  });
}

/**
 * Group commit for intake: appeals that arrive while an insert is in flight wait and go together in the
 * next one. A quiet system inserts each appeal alone at once (no timer, no added latency); a busy one pays
 * one commit, one disk flush, for many appeals instead of one each. One insert at a time: measured on
 * PostgreSQL, four in flight did no better (smaller batches, more flushes).
 */
export function createIntakeBatcher(appeals: AppealRepository) {
  let waiting: Waiting[] = [];
  let inFlight = 0;

  /**
   * A group is one statement, so one row the database refuses fails it whole: then each appeal goes again
   * alone, and only the bad one fails (issue 11, item 2). Validation refuses what it can foresee (a NUL, a
   * lone surrogate); this is for what it cannot.
   */
  async function insertGroup(batch: Waiting[]): Promise<void> {
    try {
      settle(batch, await appeals.insertMany(batch.map((w) => w.appeal)));
    } catch (error) {
      if (batch.length === 1) return batch[0]?.reject(error);
      for (const w of batch) {
        try {
          settle([w], await appeals.insertMany([w.appeal]));
        } catch (alone) {
          w.reject(alone);
        }
      }
    }
  }

  async function flush(): Promise<void> {
    const batch = waiting.slice(0, MAX_BATCH);
    waiting = waiting.slice(batch.length);
    inFlight++;
    try {
      await insertGroup(batch);
    } finally {
      inFlight--;
      if (waiting.length > 0) void flush();
    }
  }

  return {
    insert(appeal: NewAppeal): Promise<AppealStaffView> {
      return new Promise((resolve, reject) => {
        waiting.push({ appeal, resolve, reject });
        if (inFlight === 0) void flush();
      });
    },
  };
}
