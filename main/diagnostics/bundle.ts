import { readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DiagnosticsBundle } from '../../domain/diagnostics/diagnostics';
import type { SyncStatus } from '../../domain/sync/syncStatus';
import { redact } from '../logRedaction';

/** What goes into a bundle; each part is read at the moment the bundle is written. */
export interface DiagnosticsSources {
  version: string;
  runtime: 'electron' | 'host' | 'cli';
  logDir: string;
  configuration: unknown;
  readiness: unknown;
  sync: SyncStatus | null;
}

/** The outbox by counts and codes: card ids and central's English reasons stay out. */
export function syncSummary(status: SyncStatus | null) {
  if (!status) return null;
  const byState: Record<string, number> = {};
  const refusals: Record<string, number> = {};
  for (const { sync } of status.cards) {
    byState[sync.state] = (byState[sync.state] ?? 0) + 1;
    if (sync.state === 'rejected')
      refusals[sync.code ?? 'uncoded'] = (refusals[sync.code ?? 'uncoded'] ?? 0) + 1;
  }
  return { unsent: status.unsent, lastSyncAt: status.lastSyncAt, cardsByState: byState, refusals };
}

function logFiles(logDir: string): string[] {
  try {
    return readdirSync(logDir).filter((name) => name.endsWith('.log'));
  } catch {
    return [];
  }
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Writes the zip IT sends to the developers: the logs, the configuration in force with each value's source,
 * the readiness report and the sync state. Every file passes through redact(), so nothing personal leaves.
 */
export async function writeDiagnosticsBundle(
  out: string,
  sources: DiagnosticsSources,
  now = new Date(),
): Promise<DiagnosticsBundle> {
  // Loaded when a bundle is asked for, never at the console's start.
  const { strToU8, zipSync } = await import('fflate');
  const texts: Record<string, string> = {
    'configuration.json': json(sources.configuration),
    'readiness.json': json(sources.readiness),
    'sync.json': json(syncSummary(sources.sync)),
  };
  for (const name of logFiles(sources.logDir))
    texts[`logs/${name}`] = readFileSync(join(sources.logDir, name), 'utf8');
  const entries = ['manifest.json', ...Object.keys(texts)];
  texts['manifest.json'] = json({
    product: '102 Console',
    version: sources.version,
    runtime: sources.runtime,
    createdAt: now.toISOString(),
    entries,
  });
  const zip = zipSync(
    Object.fromEntries(Object.entries(texts).map(([name, text]) => [name, strToU8(redact(text))])),
  );
  // Written aside and renamed, so a half-written zip is never taken for a bundle.
  const partial = `${out}.partial`;
  writeFileSync(partial, zip);
  renameSync(partial, out);
  return { file: out, bytes: zip.byteLength, entries };
}
