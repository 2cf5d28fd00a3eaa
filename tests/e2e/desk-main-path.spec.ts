import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import { consoleWithCentral, signIn } from '../support/e2e/central';
import { expect, test } from '../support/e2e/centralTest';
import { fillSeenByKeyboard, tabTo, typeInto } from '../support/e2e/keyboard';

const WORDS = 'Подъезд 3, на лестнице лежит мужчина без сознания';

async function operatorsDay(page: Page, login: string, url: string) {
  await page.addInitScript(() => {
    localStorage.setItem('console102.readinessIntroduced', '1');
    localStorage.setItem('console102.language', 'en');
  });
  await page.goto(url);
  await signIn(page, login, login);
  await expect(page.getByTestId('connectivity')).toContainText('Online', { timeout: 60_000 });
  await page.keyboard.press('Alt+4');
  await expect(page.getByTestId('inbox-count')).toBeVisible();
}

/** Central's API as a staff account would call it (the inspector closing the card: no screen path in this test). */
async function asStaff(centralUrl: string, login: string) {
  const answer = await fetch(`${centralUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: login }),
  });
  const { accessToken } = (await answer.json()) as { accessToken: string };
  const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
  return {
    async cardOfAppeal(appealId: string): Promise<string | undefined> {
      const pull = await fetch(`${centralUrl}/api/sync/pull?since=0&limit=1000`, { headers });
      const { changes } = (await pull.json()) as { changes: { card?: { id: string; appealId?: string } }[] };
      return changes.find((c) => c.card?.appealId === appealId)?.card?.id;
    },
    async transition(cardId: string, payload: Record<string, unknown>) {
      const operation = {
        id: uuidv7(),
        type: 'card.transition',
        cardId,
        createdAt: new Date().toISOString(),
        payload,
      };
      const pushed = await fetch(`${centralUrl}/api/sync/push`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ operations: [operation] }),
      });
      const { results } = (await pushed.json()) as { results: { status: string }[] };
      expect(results[0]?.status).toBe('applied');
    },
  };
}

test.describe("the operator's desk, the issue's main path (issue 12)", () => {
  test.describe.configure({ timeout: 300_000 });

  test('a widget text is in the inbox within a second, becomes a whole §9 card by keyboard alone, the citizen sees every status to closed, and a second operator never sees it free once taken', async ({
    browser,
    page,
    withCentral,
    dataDir,
  }) => {
    // The zero-setup default a newcomer starts with: central on embedded PGlite.
    const { central, host, port } = await withCentral({}, { database: 'pglite' });
    const citizen = await browser.newPage();
    const otherDir = `${dataDir}-second`;
    mkdirSync(otherDir, { recursive: true });
    const otherHost = await consoleWithCentral(otherDir, port);
    const other = await browser.newPage();
    try {
      await operatorsDay(page, 'operator', host.url);
      await operatorsDay(other, 'supervisor', otherHost.url);

      // The moment the item is drawn, seen by the page itself (not by the test's polling).
      await page.evaluate((words) => {
        const marks = window as unknown as { inboxSeenAt?: number };
        new MutationObserver((_, observer) => {
          const rows = document.querySelectorAll('[data-testid="inbox-item"]');
          if ([...rows].some((row) => row.textContent?.includes(words))) {
            marks.inboxSeenAt = Date.now();
            observer.disconnect();
          }
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      }, WORDS);
      await citizen.goto(`${central.url}/widget/`);
      await citizen.locator('#category').selectOption('otherOffence');
      await citizen.locator('#text').fill(WORDS);
      await citizen.locator('#address').fill('Алматы, Толе би, 59');
      await citizen.locator('#name').fill('Ержан Тулегенов');
      const sentAt = Date.now();
      await citizen.locator('#appeal button[type=submit]').click();
      await expect(citizen.locator('#status')).toHaveText('Қабылданды');
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { inboxSeenAt?: number }).inboxSeenAt ?? null))
        .not.toBeNull();
      const seenAt = await page.evaluate(() => (window as unknown as { inboxSeenAt: number }).inboxSeenAt);
      expect(seenAt - sentAt, 'from the citizen pressing send to the item in the inbox, ms').toBeLessThan(
        1000,
      );
      const theirs = other.getByTestId('inbox-item').filter({ hasText: WORDS });
      await expect(theirs).toBeVisible();
      await expect(theirs.getByTestId('inbox-claimed')).toHaveCount(0);

      // Keyboard only from here: Alt+O takes it and opens its card; every §9 field is filled and the card sent.
      await page.getByTestId('inbox-list').focus();
      await page.keyboard.press('Alt+O');
      await expect(page.getByLabel('What the applicant says')).toHaveValue(WORDS);
      await expect(citizen.locator('#status')).toHaveText('Өңделуде', { timeout: 30_000 });
      // The second operator's list never offers it as free again: marked as another's, then gone.
      await expect
        .poll(
          async () =>
            (await theirs.count()) === 0 || (await theirs.getByTestId('inbox-claimed').count()) === 1,
        )
        .toBe(true);
      // From then on, to the end of the test, its list never shows the appeal free again.
      await other.evaluate((words) => {
        const marks = window as unknown as { seenFree?: boolean };
        const check = () => {
          const rows = [...document.querySelectorAll('[data-testid="inbox-item"]')];
          if (
            rows.some(
              (r) => r.textContent?.includes(words) && !r.querySelector('[data-testid="inbox-claimed"]'),
            )
          )
            marks.seenFree = true;
        };
        check();
        new MutationObserver(check).observe(document.body, {
          subtree: true,
          childList: true,
          characterData: true,
        });
      }, WORDS);

      await page.getByLabel('What the applicant says').focus();
      await page.keyboard.press('Tab');
      const category = page.getByLabel('Category', { exact: true });
      await tabTo(page, category);
      await expect(category).toHaveValue('otherOffence');
      await page.keyboard.press('Tab');
      const subtype = page.getByLabel('Subtype');
      await expect(subtype).toBeFocused();
      await subtype.press('ArrowDown');
      await expect(subtype).not.toHaveValue('');
      await page.keyboard.press('Tab');
      await expect(page.getByLabel('Urgent: needs a police response')).toBeFocused();
      await page.keyboard.press('Space');
      await page.keyboard.press('Alt+I');
      await typeInto(page, page.getByLabel('Full name'), 'Ержан Тулегенов');
      await page.keyboard.press('Tab');
      await typeInto(page, page.getByLabel('Phone'), '+7 707 555 00 11');
      await page.keyboard.press('Tab');
      await typeInto(page, page.getByLabel('IIN'), '850715300122');
      await expect(page.getByTestId('card-iin-reading')).toContainText('male');
      await tabTo(page, page.getByLabel('Language of the applicant'));
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Alt+G');
      await expect(page.getByLabel('Address as typed')).toHaveValue('Алматы, Толе би, 59');
      await fillSeenByKeyboard(page, {
        people: '1',
        features: 'a man of about fifty, grey coat',
        vehicle: { plate: '777 KZA 02', colour: 'black', make: 'Lada Granta' },
        vehicles: 'none other',
        buildings: 'a five-storey block of flats',
      });
      await page.keyboard.press('Control+S');
      await expect(page.getByTestId('card-save-state')).toContainText('Saved');
      await page.keyboard.press('Control+Enter');
      await expect(page.getByTestId('card-send-missing')).toHaveCount(0);
      await expect(page.locator('.card-form__badges')).toContainText('Sent to the senior inspector', {
        timeout: 30_000,
      });
      await expect(citizen.locator('#status')).toHaveText('Полицияға жіберілді', { timeout: 30_000 });

      // The senior inspector takes it and closes it through central's API (no screen of this test does).
      const appealId = await citizen.evaluate(
        () => (JSON.parse(sessionStorage.getItem('widget.appeal') ?? '{}') as { id: string }).id,
      );
      const inspector = await asStaff(central.url, 'inspector');
      const cardId = await inspector.cardOfAppeal(appealId);
      expect(cardId).toBeDefined();
      await inspector.transition(cardId!, { transition: 'startResponse' });
      await inspector.transition(cardId!, { transition: 'close', outcome: 'offenceConfirmed' });
      await expect(citizen.locator('#status')).toHaveText('Жабылды', { timeout: 30_000 });
      expect(
        await other.evaluate(() => (window as unknown as { seenFree?: boolean }).seenFree ?? false),
      ).toBe(false);
    } finally {
      await other.close();
      await otherHost.stop();
      await citizen.close();
    }
  });
});
