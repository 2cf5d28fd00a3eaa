import { join } from 'node:path';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { MachineConfigSchema } from '../main/config';
import { createServices } from '../main/services';
import { aDraft, memoryLogger } from '../tests/support/console';
import { tempDir } from '../tests/support/tempDir';
import { percentile, reportBench } from './report';

/**
 * card-save: how long saving a draft durably through the store takes, against the raw cost of one
 * fsync-ed SQLite commit of the same row on the same disk, measured in the same run.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2000);
const WARMUP = 100;

/** Times the two alternately, so disk caches and background flushes weigh on both alike. */
function timeInterleaved(a: () => void, b: () => void): [number[], number[]] {
  const samples: [number[], number[]] = [[], []];
  for (let i = 0; i < ROUNDS + WARMUP; i++) {
    [a, b].forEach((fn, which) => {
      const start = process.hrtime.bigint();
      fn();
      if (i >= WARMUP) samples[which]?.push(Number(process.hrtime.bigint() - start) / 1e6);
    });
  }
  return [samples[0].sort((x, y) => x - y), samples[1].sort((x, y) => x - y)];
}

const temp = tempDir('bench-card-save-');
try {
  // Reference: a bare table, the same row, WAL + synchronous=FULL, one commit each.
  const raw = new Database(join(temp.dir, 'raw.sqlite'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.exec(`CREATE TABLE cards (id TEXT PRIMARY KEY, local_number INTEGER, status TEXT, description TEXT, category TEXT,
    lat REAL, lon REAL, location_source TEXT, created_at TEXT, updated_at TEXT) STRICT`);
  const insert = raw.prepare('INSERT INTO cards VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const draft = aDraft();
  let n = 0;
  const services = createServices({
    runtime: 'host',
    version: 'bench',
    dataDir: join(temp.dir, 'console'),
    logDir: join(temp.dir, 'logs'),
    config: MachineConfigSchema.parse({}),
    log: memoryLogger(),
  });
  const [reference, store] = timeInterleaved(
    () => {
      const now = new Date().toISOString();
      insert.run(uuidv7(), ++n, 'draft', draft.description, draft.category, 51.1, 71.4, 'map', now, now);
    },
    () => services.cards.saveDraft(draft),
  );
  raw.close();
  services.close();

  const median = percentile(store, 50);
  const referenceMedian = percentile(reference, 50);
  const ratio = median / referenceMedian;
  reportBench({
    name: 'card-save',
    metric: 'median latency of a durable draft save',
    unit: 'ms',
    value: median,
    reference: referenceMedian,
    ratio,
    target: 'ratio <= 1.5',
    pass: ratio <= 1.5,
    extra: { p99: percentile(store, 99), referenceP99: percentile(reference, 99), rounds: ROUNDS },
  });
} finally {
  temp.remove();
}
