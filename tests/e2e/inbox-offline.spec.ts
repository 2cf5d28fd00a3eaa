import type { Page } from '@playwright/test';
import { consoleWithCentral, freePort, signIn, startCentral } from '../support/e2e/central';
import { expect, test } from '../support/e2e/fixtures';
import { startTcpProxy } from '../support/sync/tcpProxy';

async function sendFromWidget(page: Page, centralUrl: string, text: string) {
  await page.goto(`${centralUrl}/widget/`);
  await page.locator('#category').selectOption('otherOffence');
  await page.locator('#text').fill(text);
  await page.locator('#address').fill('Алматы, Абай даңғылы, 10');
  await page.locator('#anonymous').check();
  await page.locator('#appeal button[type=submit]').click();
  await expect(page.locator('#number')).not.toBeEmpty();
}

/** Another operator of the territory, online, takes the appeal through central's API. */
async function claimAsSupervisor(centralUrl: string, text: string) {
  const login = await fetch(`${centralUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'supervisor', password: 'supervisor' }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const headers = { authorization: `Bearer ${accessToken}` };
  const list = (await (await fetch(`${centralUrl}/api/inbox`, { headers })).json()) as {
    items: { appealId: string; text: string | null }[];
  };
  const item = list.items.find((i) => i.text === text);
  if (!item) throw new Error('the appeal is not in the supervisor’s inbox');
  const claim = await fetch(`${centralUrl}/api/inbox/${item.appealId}/claim`, { method: 'POST', headers });
  expect(claim.status).toBe(200);
}

test.describe('inbox actions while central is out of reach (issue 12, item 1)', () => {
  test.describe.configure({ timeout: 300_000 });

  test('a claim taken offline is queued and shown so; when central is back and another operator took it meanwhile, the item says so in the operator’s language', async ({
    page,
    browser,
    dataDir,
  }, testInfo) => {
    const port = await freePort();
    const central = await startCentral(port);
    const proxy = await startTcpProxy();
    proxy.setTarget(port);
    const host = await consoleWithCentral(dataDir, Number(new URL(proxy.url).port));
    const citizen = await browser.newPage();
    try {
      await page.addInitScript(() => localStorage.setItem('console102.language', 'en'));
      await page.goto(host.url);
      await signIn(page, 'operator', 'operator');
      await expect(page.getByTestId('connectivity')).toContainText('Online', { timeout: 60_000 });
      await sendFromWidget(citizen, central.url, 'Аулада түнде шу');
      // A second citizen: the widget remembers its own appeal and shows its status.
      const second = await browser.newPage();
      await sendFromWidget(second, central.url, 'Подъезде драка');
      await second.close();
      await page.keyboard.press('Alt+4');
      const contested = page.getByTestId('inbox-item').filter({ hasText: 'Аулада түнде шу' });
      const mine = page.getByTestId('inbox-item').filter({ hasText: 'Подъезде драка' });
      await expect(contested).toBeVisible();
      await expect(mine).toBeVisible();

      // Central out of reach: the last copy, its age, and the operator keeps working.
      proxy.setTarget(null);
      proxy.dropAll();
      await expect(page.getByTestId('connectivity')).not.toContainText('Online', { timeout: 60_000 });
      await page.getByTestId('inbox-list').focus();
      const rows = page.getByTestId('inbox-item');
      const contestedIndex = (await rows.allTextContents()).findIndex((t) => t.includes('Аулада түнде шу'));
      await page.keyboard.press('Home');
      for (let i = 0; i < contestedIndex; i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Alt+O');
      await expect(page.getByLabel('What the applicant says')).toHaveValue('Аулада түнде шу');
      await page.keyboard.press('Alt+4');
      await expect(page.getByTestId('inbox-offline')).toContainText('min ago');
      await expect(contested.getByTestId('inbox-queued')).toHaveText('Taken here, not yet sent');
      await expect(page.getByTestId('inbox-queued-count')).toContainText('1 action');

      await claimAsSupervisor(central.url, 'Аулада түнде шу');
      proxy.setTarget(port);
      await expect(page.getByTestId('connectivity')).toContainText('Online', { timeout: 60_000 });
      const refused = contested.getByTestId('inbox-action-refused');
      await expect(refused).toContainText('Taking it was refused', { timeout: 60_000 });
      await expect(page.getByTestId('inbox-queued-count')).toHaveCount(0);
      await expect(contested.getByTestId('inbox-claimed')).toHaveText('Another operator is on it');
      for (const [button, language] of [
        ['Қазақша', 'kk'],
        ['Русский', 'ru'],
      ] as const) {
        await page.getByRole('button', { name: button }).click();
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        await expect(refused).not.toContainText('Taking it was refused');
        await expect(refused).not.toContainText('inbox.claimed');
        await page.screenshot({ path: testInfo.outputPath(`inbox-refused-${language}.png`) });
      }
    } finally {
      await citizen.close();
      await host.stop();
      await proxy.close();
      await central.stop();
    }
  });
});
