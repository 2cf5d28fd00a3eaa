import { DataKeyError, parseDataKeySet } from './db/personalData';
import { parseKeySet, SigningKeyError } from './session/signingKeys';
import { parseFrameAncestors } from './http/securityHeaders';
import { startCentral } from './server';
import { TurnConfigError } from './turn/iceServers';

/**
 * `npm run central [-- --demo]`. Env: CENTRAL_PORT (8102), CENTRAL_HOST (127.0.0.1), DATABASE_URL
 * (PostgreSQL; otherwise embedded PGlite), CENTRAL_DATA_DIR (PGlite folder; otherwise in memory),
 * CENTRAL_ATTACHMENTS_DIR, CENTRAL_RETENTION_DAYS (30), CENTRAL_SIGNING_KEY_FILE or CENTRAL_SIGNING_KEYS
 * (the token-signing keys), CENTRAL_DATA_KEY_FILE or CENTRAL_DATA_KEYS (the keys sealing personal data at rest), CENTRAL_TRUST_PROXY (reverse proxies whose X-Forwarded-For is believed),
 * CENTRAL_RATE_LIMIT_ALLOW (addresses or CIDRs of channel gateways, counted by token only, not by address),
 * CENTRAL_DEMO=1, CENTRAL_LOG=0 to silence request logs; CENTRAL_STUN_URLS, CENTRAL_TURN_URLS (comma-separated),
 * CENTRAL_TURN_SECRET (coturn's static-auth-secret), CENTRAL_TURN_TTL_SECONDS (3600), CENTRAL_ICE_RELAY_ONLY=1
 * for calls; CENTRAL_CALL_ESCALATE_SECONDS (20): an unanswered call also rings the supervisor and the
 * neighbouring territories; CENTRAL_WIDGET_FRAME_ANCESTORS: origins that may embed the citizen's widget.
 */
const env = process.env;
const demo = process.argv.includes('--demo') || env.CENTRAL_DEMO === '1';
const port = env.CENTRAL_PORT ? Number(env.CENTRAL_PORT) : 8102;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`CENTRAL_PORT must be a port number, got ${env.CENTRAL_PORT}\n`);
  process.exit(2);
}

/** A whole number from the environment within [min, max], or undefined when unset; anything else stops central. */
function wholeNumberEnv(name: string, unit: string, min: number, max: number): number | undefined {
  const text = env[name];
  if (!text) return undefined;
  const value = Number(text);
  if (Number.isInteger(value) && value >= min && value <= max) return value;
  process.stderr.write(`${name} must be a whole number of ${unit} from ${min} to ${max}, got ${text}\n`);
  process.exit(2);
}

const retentionDays = wholeNumberEnv('CENTRAL_RETENTION_DAYS', 'days', 1, 3650);
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
function dataKeysFromEnv() {
  if (!env.CENTRAL_DATA_KEYS) return undefined;
  try {
    return parseDataKeySet(JSON.parse(env.CENTRAL_DATA_KEYS), 'CENTRAL_DATA_KEYS');
  } catch (error) {
    process.stderr.write(`CENTRAL_DATA_KEYS: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
}
const dataKeys = dataKeysFromEnv();

const urlList = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter((url) => url !== '');
const turnTtl = wholeNumberEnv('CENTRAL_TURN_TTL_SECONDS', 'seconds', 60, 86_400);
const turn = {
  stunUrls: urlList(env.CENTRAL_STUN_URLS),
  turnUrls: urlList(env.CENTRAL_TURN_URLS),
  secret: env.CENTRAL_TURN_SECRET || undefined,
  ttlSeconds: turnTtl,
  relayOnly: env.CENTRAL_ICE_RELAY_ONLY === '1',
};
function frameAncestorsFromEnv(): string[] {
  try {
    return parseFrameAncestors(env.CENTRAL_WIDGET_FRAME_ANCESTORS ?? '');
  } catch (error) {
    process.stderr.write(
      `CENTRAL_WIDGET_FRAME_ANCESTORS: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(2);
  }
}
const widgetFrameAncestors = frameAncestorsFromEnv();
const escalateSeconds = wholeNumberEnv('CENTRAL_CALL_ESCALATE_SECONDS', 'seconds', 1, 600);
// §13: a card not taken turns red after CENTRAL_ACK_LATE_SECONDS (60) and rings the supervisor after CENTRAL_ACK_ESCALATE_SECONDS (120).
const ackLate = wholeNumberEnv('CENTRAL_ACK_LATE_SECONDS', 'seconds', 1, 3600);
const ackEscalate = wholeNumberEnv('CENTRAL_ACK_ESCALATE_SECONDS', 'seconds', 1, 7200);

const central = await startCentral({
  retentionDays,
  port,
  host: env.CENTRAL_HOST || '127.0.0.1',
  databaseUrl: env.DATABASE_URL || undefined,
  dataDir: env.CENTRAL_DATA_DIR || undefined,
  attachmentsDir: env.CENTRAL_ATTACHMENTS_DIR || undefined,
  ...(signingKeys ? { signingKeys } : {}),
  signingKeyFile: env.CENTRAL_SIGNING_KEY_FILE || undefined,
  ...(dataKeys ? { dataKeys } : {}),
  dataKeyFile: env.CENTRAL_DATA_KEY_FILE || undefined,
  trustProxy: env.CENTRAL_TRUST_PROXY || undefined,
  ...(env.CENTRAL_RATE_LIMIT_ALLOW
    ? { rateLimits: { allow: env.CENTRAL_RATE_LIMIT_ALLOW.split(',').filter((a) => a.trim() !== '') } }
    : {}),
  turn,
  ...(escalateSeconds === undefined ? {} : { callQueue: { escalateAfterMs: escalateSeconds * 1000 } }),
  widgetFrameAncestors,
  acknowledgement: {
    ...(ackLate === undefined ? {} : { lateAfterMs: ackLate * 1000 }),
    ...(ackEscalate === undefined ? {} : { escalateAfterMs: ackEscalate * 1000 }),
  },
  demo,
  log: env.CENTRAL_LOG !== '0',
}).catch((error: unknown) => {
  // A missing or unsafe key is IT's to fix: say what, without a stack trace.
  if (!(
    error instanceof SigningKeyError ||
    error instanceof DataKeyError ||
    error instanceof TurnConfigError
  ))
    throw error;
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
  lines.push('demo units drive patrol loops around their departments (integration signs in at /api/units/auth)');
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
