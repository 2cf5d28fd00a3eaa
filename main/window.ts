import { readFile } from 'node:fs/promises';
import { BrowserWindow, protocol, session } from 'electron';
import {
  APP_HOST,
  APP_ORIGIN,
  APP_SCHEME,
  buildContentSecurityPolicy,
  chooseHeadset,
  decideDevicePermission,
  decideNavigation,
  decidePermission,
  decideRequest,
  decideWindowOpen,
} from './windowPolicy';
import { contentTypeOf, resolveRendererFile } from './rendererFiles';

/** Must run before `app.ready`: app:// behaves like a secure, standard origin (fetch, storage, media). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/** Serves the built renderer on app://console with the CSP header; nothing outside the renderer folder. */
function serveRenderer(rendererDir: string, csp: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveRendererFile(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    try {
      return new Response(await readFile(file), {
        headers: { 'content-type': contentTypeOf(file), 'content-security-policy': csp },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

export interface WindowOptions {
  rendererDir: string;
  preloadFile: string;
  tileUrl: string | null;
  /** electron-vite's dev server in development only; never set in a packaged build. */
  devServerUrl?: string;
}

export function trustedOrigins(options: Pick<WindowOptions, 'devServerUrl'>): string[] {
  return options.devServerUrl ? [APP_ORIGIN, new URL(options.devServerUrl).origin] : [APP_ORIGIN];
}

/** The hardened console window (README: Electron security checklist). */
export function createConsoleWindow(options: WindowOptions): BrowserWindow {
  const origins = trustedOrigins(options);
  const csp = buildContentSecurityPolicy({ tileUrl: options.tileUrl });
  serveRenderer(options.rendererDir, csp);

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((webContents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    callback(
      decidePermission(
        { permission, requestingUrl: details.requestingUrl ?? webContents.getURL(), mediaTypes },
        origins,
      ),
    );
  });
  ses.setPermissionCheckHandler((_webContents, permission, requestingOrigin) =>
    decidePermission({ permission, requestingUrl: requestingOrigin }, origins),
  );
  // The headset's call buttons through WebHID, telephony devices only (issue 13).
  ses.on('select-hid-device', (event, details, callback) => {
    event.preventDefault();
    callback(chooseHeadset(details.deviceList));
  });
  ses.setDevicePermissionHandler((details) => decideDevicePermission(details, origins));
  // Nothing but the app's own origin and the configured tile server is fetched: no remote content.
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({
      cancel: decideRequest(details.url, { trustedOrigins: origins, tileUrl: options.tileUrl }) === 'cancel',
    });
  });

  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: '102',
    backgroundColor: '#10151c',
    webPreferences: {
      preload: options.preloadFile,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (decideNavigation(url, origins) === 'deny') event.preventDefault();
  });
  window.webContents.on('will-redirect', (event, url) => {
    if (decideNavigation(url, origins) === 'deny') event.preventDefault();
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(decideWindowOpen);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return window;
}
