import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserWindow, app, dialog, ipcMain } from 'electron';
import { CONSOLE_METHODS, ipcChannel } from '../domain/contract/ipc';
import { invokeApi } from './api';
import { ConfigError } from './config';
import {
  CONFIG_ERROR_TITLE,
  atRestKeyErrorText,
  configErrorText,
  startupLanguageOf,
} from './configErrorText';
import { safeStorageKeySource } from './electron/safeStorageKeys';
import { type RunningConsole, startConsole } from './startup';
import { AtRestKeyError } from './store/atRestKeys';
import { runDiagnosticsCli } from './diagnostics/cli';
import { runWorkstationCheckCli } from './workstation/checkCli';
import { createConsoleWindow, registerAppScheme, trustedOrigins } from './window';
import { isTrustedSender } from './windowPolicy';

/** Electron entry: one instance, one hardened window, the contract over IPC. */
const here = dirname(fileURLToPath(import.meta.url));
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;

registerAppScheme();

let consoleWindow: BrowserWindow | null = null;
let running: RunningConsole | null = null;

function serveContract(current: RunningConsole, origins: string[]): void {
  for (const method of CONSOLE_METHODS) {
    ipcMain.handle(ipcChannel.method(method), (event, input: unknown) => {
      const frame = event.senderFrame;
      if (!frame || frame !== event.sender.mainFrame || !isTrustedSender(frame.url, origins)) {
        current.log.warn('ipc.untrustedSender', { method });
        return { ok: false, error: { code: 'unavailable', messageKey: 'errors.untrustedSender' } };
      }
      return invokeApi(current.handlers, method, input, current.log);
    });
  }
}

function start(): void {
  const dataDir = process.env.CONSOLE_DATA_DIR ?? app.getPath('userData');
  try {
    running = startConsole({
      runtime: 'electron',
      version: app.getVersion(),
      dataDir,
      logToConsole: !app.isPackaged,
      nativeBinding: process.env.CONSOLE_SQLITE_BINDING,
      atRestKeys: safeStorageKeySource,
    });
  } catch (error) {
    const lang = startupLanguageOf(app.getPreferredSystemLanguages());
    if (error instanceof ConfigError)
      dialog.showErrorBox(CONFIG_ERROR_TITLE[lang], configErrorText(error, lang));
    else if (error instanceof AtRestKeyError)
      dialog.showErrorBox(CONFIG_ERROR_TITLE[lang], atRestKeyErrorText(error, lang));
    else dialog.showErrorBox('102', (error as Error).message);
    app.exit(1);
    return;
  }
  const current = running;
  const origins = trustedOrigins({ devServerUrl });
  serveContract(current, origins);
  consoleWindow = createConsoleWindow({
    rendererDir: join(here, '../renderer'),
    preloadFile: join(here, '../preload/index.cjs'),
    tileUrl: current.services.info.tileUrl,
    devServerUrl,
  });
  current.services.events.subscribe((event, payload) => {
    consoleWindow?.webContents.send(ipcChannel.event(event), payload);
  });
}

/** IT's deployment scripts run the installed app with --workstation-check (§28): report, exit, no window. */
function runWorkstationCheck(): void {
  void app.whenReady().then(async () => {
    const code = await runWorkstationCheckCli(process.argv.slice(1), {
      defaultDataDir: process.env.CONSOLE_DATA_DIR ?? app.getPath('userData'),
      chromeVersion: process.versions.chrome,
      env: process.env,
      out: (text) => process.stdout.write(`${text}\n`),
      err: (text) => process.stderr.write(`${text}\n`),
    });
    app.exit(code);
  });
}

/** `--diagnostics --out FILE`: IT's bundle from a script, no window (main/diagnostics/cli.ts). */
function runDiagnostics(): void {
  void app.whenReady().then(async () => {
    const code = await runDiagnosticsCli(process.argv.slice(1), {
      defaultDataDir: process.env.CONSOLE_DATA_DIR ?? app.getPath('userData'),
      version: app.getVersion(),
      env: process.env,
      atRestKeys: safeStorageKeySource,
      out: (text) => process.stdout.write(`${text}\n`),
      err: (text) => process.stderr.write(`${text}\n`),
    });
    app.exit(code);
  });
}

if (process.argv.includes('--workstation-check')) {
  runWorkstationCheck();
} else if (process.argv.includes('--diagnostics')) {
  runDiagnostics();
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (consoleWindow?.isMinimized()) consoleWindow.restore();
    consoleWindow?.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => running?.stop());
  void app.whenReady().then(start);
}
