// `npm start` and `npm test` come through here, so both work on a fresh clone:
// dependencies are installed when missing or stale, Electron is optional, and tests find a Chromium.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { platform } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const isWindows = platform() === 'win32';
const npm = isWindows ? 'npm.cmd' : 'npm';
const npx = isWindows ? 'npx.cmd' : 'npx';
const stampFile = join(root, 'node_modules', '.bootstrap-stamp');
const electronStatusFile = join(root, 'node_modules', '.electron-status.json');

const say = (text) => console.log(`[102] ${text}`);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: isWindows, ...options });
  return result.status ?? 1;
}

function dependencyStamp() {
  const hash = createHash('sha256');
  for (const file of ['package.json', 'package-lock.json']) {
    if (existsSync(join(root, file))) hash.update(readFileSync(join(root, file)));
  }
  return hash.digest('hex');
}

/** Installs dependencies when node_modules is missing or older than package.json / package-lock.json. */
function ensureDependencies() {
  const stamp = dependencyStamp();
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return;
  say('Installing dependencies (first run or package.json changed)…');
  // The Electron binary is fetched separately below, so a machine that cannot download it still installs.
  const status = run(npm, ['install', '--no-audit', '--no-fund'], {
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
  });
  if (status !== 0) {
    console.error('[102] `npm install` failed; see the messages above. Check the npm registry is reachable.');
    process.exit(status);
  }
  writeFileSync(stampFile, stamp);
  // New dependencies, new chance: try the Electron download again.
  rmSync(electronStatusFile, { force: true });
}

function electronBinary() {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** Electron 45's download and rebuild tools (@electron/get, @electron/rebuild, node-abi) declare Node 22.12. */
const ELECTRON_TOOLING_NODE = [22, 12];
const nodeIsOlderThan = ([major, minor]) => {
  const [ownMajor, ownMinor] = process.versions.node.split('.').map(Number);
  return ownMajor < major || (ownMajor === major && ownMinor < minor);
};

/**
 * Tries once per dependency set to download the Electron binary and remembers why it failed, so an offline
 * machine does not wait for the download at every start; `npm start -- --retry-electron` forgets and tries again.
 */
function ensureElectron({ retry }) {
  const existing = electronBinary();
  if (existing) return { binary: existing };
  if (retry) rmSync(electronStatusFile, { force: true });
  const status = existsSync(electronStatusFile) ? JSON.parse(readFileSync(electronStatusFile, 'utf8')) : {};
  if (status.reason)
    return { reason: `${status.reason}; to try the download again: npm start -- --retry-electron` };
  say('Downloading the Electron binary…');
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], {
    cwd: root,
    encoding: 'utf8',
    timeout: 5 * 60_000,
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
  });
  const binary = electronBinary();
  if (binary) return { binary };
  const lines = `${result.stderr ?? ''}\n${result.error?.message ?? ''}`
    .split('\n')
    .map((line) => line.trim());
  const detail =
    lines.find((line) => /error/i.test(line) && !line.startsWith('at ')) ?? `exit code ${result.status}`;
  const oldNode = nodeIsOlderThan(ELECTRON_TOOLING_NODE)
    ? `; Electron's download tools need Node.js ${ELECTRON_TOOLING_NODE.join('.')} or newer, this is ${process.versions.node}`
    : '';
  const reason = `the Electron binary could not be downloaded (${detail})${oldNode}`;
  writeFileSync(electronStatusFile, JSON.stringify({ reason }));
  return { reason };
}

/** better-sqlite3 is built for Node (host mode, tests); Electron needs its own build, kept beside it. */
function ensureElectronSqlite() {
  const electronVersion = JSON.parse(
    readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
  ).version;
  const dir = join(root, 'node_modules', '.electron-native', electronVersion);
  const binding = join(dir, 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(binding)) return binding;
  say(`Preparing better-sqlite3 for Electron ${electronVersion}…`);
  mkdirSync(dir, { recursive: true });
  const source = join(root, 'node_modules', 'better-sqlite3');
  for (const part of ['package.json', 'binding.gyp', 'deps', 'src']) {
    cpSync(join(source, part), join(dir, part), { recursive: true });
  }
  const prebuilt = run(
    join(root, 'node_modules', '.bin', isWindows ? 'prebuild-install.cmd' : 'prebuild-install'),
    ['--runtime', 'electron', '--target', electronVersion],
    { cwd: dir },
  );
  if (prebuilt !== 0 || !existsSync(binding)) {
    run(
      npx,
      [
        'node-gyp',
        'rebuild',
        '--release',
        `--target=${electronVersion}`,
        '--dist-url=https://electronjs.org/headers',
      ],
      { cwd: dir },
    );
  }
  return existsSync(binding) ? binding : null;
}

function build() {
  say('Building the console…');
  const status = run(npx, ['electron-vite', 'build', '--logLevel', 'warn']);
  if (status !== 0) process.exit(status);
}

async function isHealthy(url) {
  try {
    const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * A newcomer gets a working pair at once: the reference central system with demo data beside the console
 * (PGlite in .data/central). Skipped with --no-central, or reused when one already answers on the port.
 */
async function startDemoCentral(children) {
  const port = process.env.CENTRAL_PORT ?? '8102';
  const url = `http://127.0.0.1:${port}`;
  if (await isHealthy(url)) {
    say(`Using the central system already running at ${url}.`);
    return url;
  }
  say(`Starting the demo central system on ${url}…`);
  mkdirSync(join(root, '.data', 'central'), { recursive: true });
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'central', 'main.ts'), '--demo'], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      CENTRAL_PORT: port,
      CENTRAL_DATA_DIR: join(root, '.data', 'central'),
      CENTRAL_LOG: '0',
    },
  });
  children.push(child);
  for (let waited = 0; waited < 60_000; waited += 250) {
    if (child.exitCode !== null) break;
    if (await isHealthy(url)) return url;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  say('The demo central system did not start (see above); the console starts offline.');
  return null;
}

async function start() {
  build();
  const args = process.argv.slice(3);
  const children = [];
  const stopAll = () => children.forEach((child) => child.exitCode === null && child.kill('SIGTERM'));
  process.on('SIGINT', stopAll);
  process.on('SIGTERM', stopAll);
  process.on('exit', stopAll);
  const centralUrl = args.includes('--no-central') ? null : await startDemoCentral(children);
  const consoleEnv = centralUrl ? { ...process.env, CONSOLE_CENTRAL_URL: centralUrl } : process.env;
  const bootstrapFlags = ['--no-central', '--retry-electron', '--host'];
  const consoleArgs = args.filter((arg) => !bootstrapFlags.includes(arg));
  // --host: a second console beside the first (its own --data-dir and --port), as a browser tab.
  const electron = args.includes('--host')
    ? { reason: 'host mode was asked for (--host)' }
    : ensureElectron({ retry: args.includes('--retry-electron') });
  if (electron.binary) {
    const binding = ensureElectronSqlite();
    if (binding) {
      say('Starting the console window (Electron)…');
      const child = spawn(electron.binary, ['.'], {
        cwd: root,
        stdio: 'inherit',
        env: { ...consoleEnv, CONSOLE_SQLITE_BINDING: binding },
      });
      children.push(child);
      child.on('exit', (code) => process.exit(code ?? 0));
      return;
    }
    electron.reason = 'better-sqlite3 could not be prepared for Electron';
  }
  say(`Electron was not started: ${electron.reason}.`);
  say('Running host mode instead: open the URL below in Chrome or Edge.');
  const child = spawn(process.execPath, [join(root, 'out', 'main', 'host.js'), ...consoleArgs], {
    cwd: root,
    stdio: 'inherit',
    env: consoleEnv,
  });
  children.push(child);
  child.on('exit', (code) => process.exit(code ?? 0));
}

function isDebianRoot() {
  return !isWindows && process.getuid?.() === 0 && existsSync('/etc/debian_version');
}

/** A Chromium for the end-to-end tests, installed from Debian or by Playwright when none is found. */
function ensureChromium() {
  let found = findChromium();
  if (!found && isDebianRoot()) {
    say("Installing Debian's chromium for the end-to-end tests…");
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'chromium']);
    found = findChromium();
  }
  if (!found && !isDebianRoot()) {
    say("Downloading Playwright's Chromium for the end-to-end tests…");
    run(npx, ['playwright', 'install', 'chromium']);
    found = findChromium();
  }
  if (!found) {
    console.error(
      '[102] No Chromium for the end-to-end tests. Install one (Debian: `apt-get install chromium`; ' +
        'elsewhere: `npx playwright install chromium`) or set CHROMIUM_PATH to a Chromium or Chrome executable.',
    );
    process.exit(1);
  }
  return found;
}

const onPath = (command) =>
  spawnSync(isWindows ? 'where' : 'which', [command], { stdio: 'ignore', shell: isWindows }).status === 0;

/**
 * coturn, the reference TURN server, for the call tests that relay media through it (issue 13): installed
 * from Debian like Chromium. It has no Windows build; there those tests say what is missing.
 */
function ensureCoturn() {
  if (onPath('turnserver')) return;
  if (isDebianRoot()) {
    say("Installing Debian's coturn for the call tests…");
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'coturn']);
  }
  if (!onPath('turnserver'))
    console.error(
      '[102] No coturn (`turnserver`) for the call tests. Install it (Debian: `apt-get install coturn`).',
    );
}

function test() {
  const chromium = ensureChromium();
  ensureCoturn();
  const env = { ...process.env, CHROMIUM_PATH: chromium };
  const steps = [
    ['lint', [npm, ['run', '--silent', 'lint']]],
    ['typecheck', [npm, ['run', '--silent', 'typecheck']]],
    ['build', [npx, ['electron-vite', 'build', '--logLevel', 'warn']]],
    ['unit and integration tests', [npx, ['vitest', 'run']]],
    ['end-to-end tests', [npx, ['playwright', 'test']]],
  ];
  for (const [name, [command, args]] of steps) {
    say(`${name}…`);
    const status = run(command, args, { env });
    if (status !== 0) {
      console.error(`[102] ${name} failed.`);
      process.exit(status);
    }
  }
  say('All checks passed.');
}

const [command] = process.argv.slice(2);
ensureDependencies();
if (command === 'start') await start();
else if (command === 'test') test();
else {
  console.error('Usage: node scripts/bootstrap.mjs start|test');
  process.exit(2);
}
