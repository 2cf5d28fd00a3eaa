import type { Database } from './database';
import { DataKeyError, type Sealer } from './personalData';

/** A known text sealed under each key that sealed rows here: opening it proves the key is the right one. */
const PROBE = 'personal data at rest';

/** Every column that holds the applicant's identity or the citizen's words (migration 0160). */
const SEALED_COLUMNS: readonly { table: string; key: string; column: string }[] = [
  { table: 'appeals', key: 'id', column: 'text' },
  { table: 'appeals', key: 'id', column: 'address_text' },
  { table: 'appeals', key: 'id', column: 'applicant' },
  { table: 'attachments', key: 'id', column: 'name' },
  { table: 'chat_messages', key: 'id', column: 'text' },
  { table: 'cards', key: 'id', column: 'fields' },
  { table: 'changes', key: 'seq', column: 'payload' },
  { table: 'bus_spill', key: 'id', column: 'payload' },
];

/**
 * At start, after the migrations: seals the rows stored before 0160 (once: the first probe marks it done),
 * then checks that every key that sealed rows here is configured and opens its probe. Instances starting
 * together take turns on an advisory lock.
 */
export async function sealPersonalData(db: Database, sealer: Sealer): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(1020003)');
    const probes = await tx.query<{ key_id: string; probe: string }>(
      'select key_id, probe from data_key_probes',
    );
    if (probes.length === 0) {
      for (const { table, key, column } of SEALED_COLUMNS) {
        const rows = await tx.query<{ k: string; v: string }>(
          `select ${key}::text as k, ${column} as v from ${table} where ${column} is not null`,
        );
        if (rows.length === 0) continue;
        await tx.query(
          `update ${table} t set ${column} = u.v from unnest($1::text[], $2::text[]) as u(k, v)
           where t.${key}::text = u.k`,
          [rows.map((r) => r.k), rows.map((r) => sealer.seal(r.v))],
        );
      }
    }
    for (const { key_id: keyId, probe } of probes) {
      if (!sealer.hasKey(keyId))
        throw new DataKeyError(
          `the personal data here was sealed with key ${keyId}, which is not configured: restore it (CENTRAL_DATA_KEY_FILE or CENTRAL_DATA_KEYS); no new key was made`,
        );
      let opened: string | null;
      try {
        opened = sealer.open(probe);
      } catch {
        opened = null;
      }
      if (opened !== PROBE)
        throw new DataKeyError(`key ${keyId} does not open the personal data sealed with it: a wrong key`);
    }
    await tx.query(
      'insert into data_key_probes (key_id, probe) values ($1, $2) on conflict (key_id) do nothing',
      [sealer.currentKeyId, sealer.seal(PROBE)],
    );
  });
  db.useSealer(sealer);
}
