import { parseKeySet, SigningKeyError } from './session/signingKeys';
import { startCentral } from './server';

/**
 * `npm run central [-- --demo]`. Env: CENTRAL_PORT (8102), CENTRAL_HOST (127.0.0.1), DATABASE_URL
 * (PostgreSQL; otherwise embedded PGlite), CENTRAL_DATA_DIR (PGlite folder; otherwise in memory),
 * CENTRAL_ATTACHMENTS_DIR, CENTRAL_RETENTION_DAYS (30), CENTRAL_SIGNING_KEY_FILE or CENTRAL_SIGNING_KEYS
 * (the token-signing keys), CENTRAL_TRUST_PROXY (reverse proxies whose X-Forwarded-For is believed),
 * CENTRAL_RATE_LIMIT_ALLOW (addresses or CIDRs of channel gateways, counted by token only, not by address),
 * CENTRAL_DEMO=1, CENTRAL_LOG=0 to silence request logs.
 */
const env = process.env;
const demo = process.argv.includes('--demo') || env.CENTRAL_DEMO === '1';
const port = env.CENTRAL_PORT ? Number(env.CENTRAL_PORT) : 8102;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`CENTRAL_PORT must be a port number, got ${env.CENTRAL_PORT}\n`);
  process.exit(2);
}

const retentionDays = env.CENTRAL_RETENTION_DAYS ? Number(env.CENTRAL_RETENTION_DAYS) : undefined;
if (
  retentionDays !== undefined &&
  !(Number.isInteger(retentionDays) && retentionDays >= 1 && retentionDays <= 3650)
) {
  process.stderr.write(
    `CENTRAL_RETENTION_DAYS must be a whole number of days from 1 to 3650, got ${env.CENTRAL_RETENTION_DAYS}\n`,
  );
  process.exit(2);
}
function signingKeysFromEnv() {
  if (!env.CENTRAL_SIGNING_KEYS) return undefined;
  try {
    return parseKeySet(JSON.parse(env.CENTRAL_SIGNING_KEYS), 'CENTRAL_SIGNING_KEYS');
  } catch (error) {
    process.stderr.write(`CENTRAL_SIGNING_KEYS: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
}
const signingKeys = signingKeysFromEnv();

const central = await startCentral({
  retentionDays,
  port,
  host: env.CENTRAL_HOST || '127.0.0.1',
  databaseUrl: env.DATABASE_URL || undefined,
  dataDir: env.CENTRAL_DATA_DIR || undefined,
  attachmentsDir: env.CENTRAL_ATTACHMENTS_DIR || undefined,
  ...(signingKeys ? { signingKeys } : {}),
  signingKeyFile: env.CENTRAL_SIGNING_KEY_FILE || undefined,
  trustProxy: env.CENTRAL_TRUST_PROXY || undefined,
  ...(env.CENTRAL_RATE_LIMIT_ALLOW
    ? { rateLimits: { allow: env.CENTRAL_RATE_LIMIT_ALLOW.split(',').filter((a) => a.trim() !== '') } }
    : {}),
  demo,
  log: env.CENTRAL_LOG !== '0',
}).catch((error: unknown) => {
  // A missing or unsafe key is IT's to fix: say what, without a stack trace.
  if (!(error instanceof SigningKeyError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
});

const lines = [
  `central listening on ${central.url} (database: ${central.db})`,
  `citizen widget: ${central.url}/widget/`,
];
if (demo) {
  lines.push('demo accounts (password = login, demo only):');
  for (const a of central.demoAccounts) lines.push(`  ${a.login.padEnd(11)} ${a.role}`);
}
process.stdout.write(`${lines.join('\n')}\n`);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    void central.close().then(() => process.exit(0));
  });
}
