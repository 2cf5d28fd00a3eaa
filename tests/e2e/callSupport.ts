import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect } from '../support/e2e/fixtures';
import { consoleWithCentral, signIn } from '../support/e2e/central';
import type { ConsoleHost } from '../support/e2e/fixtures';

/** Where the citizen stands: central Almaty, the demo operators' territory. */
export const ALMATY_CENTRE = { latitude: 43.2567, longitude: 76.9286 };

async function post<T>(url: string, body: unknown, token?: string): Promise<T> {
  const r = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!r.ok) throw new Error(`POST ${url} answered ${r.status}: ${await r.text()}`);
  return (await r.json()) as T;
}

/** A second "102" operator of Almaty, created by the demo admin as IT would (§28). */
export async function aSecondOperator(centralUrl: string): Promise<{ login: string; password: string }> {
  const { accessToken } = await post<{ accessToken: string }>(`${centralUrl}/api/auth/login`, {
    login: 'admin',
    password: 'admin',
  });
  const account = { login: 'operator2', password: 'Kezekshi-Almaty-2026', role: 'operator' };
  await post(
    `${centralUrl}/api/accounts`,
    { ...account, departmentId: 'kz-almaty', displayName: 'Дана Ахметова' },
    accessToken,
  );
  return account;
}

/**
 * Test instrumentation, not a fake: every RTCPeerConnection the page makes is kept on `window`, so the test
 * can read the real connection's `getStats` (frames decoded, candidate types) on either side.
 */
export async function keepPeerConnections(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const Original = window.RTCPeerConnection;
    const kept: RTCPeerConnection[] = [];
    (window as unknown as { keptPeers: RTCPeerConnection[] }).keptPeers = kept;
    window.RTCPeerConnection = class extends Original {
      constructor(config?: RTCConfiguration) {
        super(config);
        kept.push(this);
      }
    } as typeof RTCPeerConnection;
  });
}

/** Video frames the page's call decoded, and the types of the candidates in use. */
export async function mediaFigures(page: Page): Promise<{ framesDecoded: number; candidateTypes: string[] }> {
  return page.evaluate(async () => {
    const peers = (window as unknown as { keptPeers?: RTCPeerConnection[] }).keptPeers ?? [];
    // The call's peer: the newest connected one (a console also makes peers for calls that only rang).
    const pc = peers.filter((p) => p.connectionState === 'connected').at(-1) ?? peers.at(-1);
    if (!pc) return { framesDecoded: 0, candidateTypes: [] };
    const reports = [...(await pc.getStats()).values()] as Record<string, unknown>[];
    const byId = new Map(reports.map((r) => [r.id, r]));
    let framesDecoded = 0;
    const candidateTypes: string[] = [];
    // The pairs in use: the transport's selected one (a nominated flag can lag behind it on the answering side).
    const selected = new Set(
      reports.filter((r) => r.type === 'transport').map((r) => r.selectedCandidatePairId),
    );
    for (const r of reports) {
      if (r.type === 'inbound-rtp' && r.kind === 'video') framesDecoded += Number(r.framesDecoded ?? 0);
      if (r.type === 'candidate-pair' && r.state === 'succeeded' && (r.nominated || selected.has(r.id))) {
        for (const id of [r.localCandidateId, r.remoteCandidateId])
          candidateTypes.push(String(byId.get(id)?.candidateType));
      }
    }
    return { framesDecoded, candidateTypes };
  });
}

/** Waits until the page's call decodes the other side's video (polling the real getStats, never a sleep). */
export async function expectFramesDecoded(page: Page): Promise<void> {
  await expect
    .poll(async () => (await mediaFigures(page)).framesDecoded, { timeout: 30_000 })
    .toBeGreaterThan(10);
}

export interface OperatorDesk {
  page: Page;
  host: ConsoleHost;
}

/** An operator's console (host mode with its own data folder) in its own browser context, signed in, in English. */
export async function operatorDesk(
  browser: Browser,
  dataDir: string,
  centralPort: number,
  account: { login: string; password: string },
): Promise<OperatorDesk> {
  const host = await consoleWithCentral(dataDir, centralPort);
  const context = await browser.newContext();
  await keepPeerConnections(context);
  await context.addInitScript(() => {
    localStorage.setItem('console102.language', 'en');
    localStorage.setItem('console102.readinessIntroduced', '1');
  });
  const page = await context.newPage();
  await page.goto(host.url);
  await signIn(page, account.login, account.password);
  await expect(page.getByRole('complementary', { name: 'Calls' })).toBeVisible();
  return { page, host };
}

/** The citizen's phone browser at the widget, with the device's location and the fake camera. */
export async function citizenWidget(browser: Browser, centralUrl: string): Promise<Page> {
  return (await citizenWidgetContext(browser, centralUrl)).page;
}

/** The same, with its context: the test moves the citizen with `context.setGeolocation`. */
export async function citizenWidgetContext(
  browser: Browser,
  centralUrl: string,
): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({
    geolocation: ALMATY_CENTRE,
    permissions: ['geolocation', 'camera', 'microphone'],
  });
  await keepPeerConnections(context);
  await context.addInitScript(() => localStorage.setItem('widget.lang', 'ru'));
  const page = await context.newPage();
  await page.goto(`${centralUrl}/widget/`);
  return { page, context };
}

/** A supervisor's console (§16, §17) in its own browser context, signed in, in the given language. */
export async function supervisorDesk(
  browser: Browser,
  dataDir: string,
  centralPort: number,
  language: 'en' | 'ru' | 'kk' = 'en',
): Promise<OperatorDesk> {
  const host = await consoleWithCentral(dataDir, centralPort);
  const context = await browser.newContext();
  await context.addInitScript((lang) => {
    localStorage.setItem('console102.language', lang);
    localStorage.setItem('console102.readinessIntroduced', '1');
  }, language);
  const page = await context.newPage();
  await page.goto(host.url);
  await signIn(page, 'supervisor', 'supervisor');
  return { page, host };
}

/** A recording as central lists it for a card (GET /api/cards/:id/recordings). */
export interface ListedRecording {
  fileId: string;
  startedAt: string;
  durationMs: number;
  size: number;
  mimeType: string;
  /** The call and the part of it (a window reloaded during the call records it in parts). */
  callPart: { appealId: string; part: number } | null;
}

/** An access token of a demo account (password = login); sign in once per test, central throttles sign-ins. */
export async function demoToken(centralUrl: string, login: string): Promise<string> {
  const { accessToken } = await post<{ accessToken: string }>(`${centralUrl}/api/auth/login`, {
    login,
    password: login,
  });
  return accessToken;
}

async function getJson<T>(centralUrl: string, path: string, token: string): Promise<T> {
  const r = await fetch(`${centralUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!r.ok) throw new Error(`GET ${path} answered ${r.status}`);
  return (await r.json()) as T;
}

/** The cards central shows the demo supervisor (`supervisorToken`), and each one's recordings. */
export async function recordingsOnCentral(
  centralUrl: string,
  supervisorToken: string,
): Promise<{ cardId: string; recordings: ListedRecording[] }[]> {
  const { cards } = await getJson<{ cards: { id: string }[] }>(centralUrl, '/api/cards', supervisorToken);
  return Promise.all(
    cards.map(async (card) => ({
      cardId: card.id,
      recordings: (
        await getJson<{ recordings: ListedRecording[] }>(
          centralUrl,
          `/api/cards/${card.id}/recordings`,
          supervisorToken,
        )
      ).recordings,
    })),
  );
}

/** Whether central has a recording's bytes whole (its upload is complete): asked as the operator, not played. */
export async function recordingUploaded(
  centralUrl: string,
  fileId: string,
  operatorToken: string,
): Promise<boolean> {
  const r = await fetch(`${centralUrl}/api/uploads/${fileId}`, {
    headers: { authorization: `Bearer ${operatorToken}` },
  });
  return r.ok && ((await r.json()) as { complete: boolean }).complete;
}
