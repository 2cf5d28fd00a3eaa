import type { Browser, Page } from '@playwright/test';
import { consoleWithCentral, freePort, signIn, startCentral } from '../support/e2e/central';
import type { ConsoleHost } from '../support/e2e/fixtures';
import { expect, test } from '../support/e2e/fixtures';
import { tempDir } from '../support/tempDir';

const ASTANA_PASSWORD = 'steppe eagle over the river';

/** An inspector of another territory (Astana), made by the digitalisation unit's account through central's API. */
async function astanaInspector(centralUrl: string): Promise<string> {
  const post = (path: string, body: unknown, token?: string) =>
    fetch(`${centralUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  const login = (await (await post('/api/auth/login', { login: 'admin', password: 'admin' })).json()) as {
    accessToken: string;
  };
  const created = await post(
    '/api/accounts',
    {
      login: 'inspector.astana',
      password: ASTANA_PASSWORD,
      role: 'inspector',
      departmentId: 'kz-astana',
      displayName: 'Astana inspector',
    },
    login.accessToken,
  );
  expect(created.status).toBe(201);
  return 'inspector.astana';
}

/** A desk of one role: its own console (host mode, own data folder) in its own browser context, signed in. */
async function desk(browser: Browser, port: number, login: string, password = login) {
  const dir = tempDir(`console-${login}-`);
  const host: ConsoleHost = await consoleWithCentral(dir.dir, port);
  const context = await browser.newContext();
  await context.addInitScript(() => {
    localStorage.setItem('console102.language', 'en');
    localStorage.setItem('console102.readinessIntroduced', '1');
  });
  const page = await context.newPage();
  await page.goto(host.url);
  await signIn(page, login, password);
  await expect(page.getByTestId('connectivity')).toContainText('Online', { timeout: 60_000 });
  return {
    page,
    async close() {
      await context.close();
      await host.stop();
      dir.remove();
    },
  };
}

/** Two of Medeu's patrol cars: the duty unit (Medeu) sees them as well as the city's inspector and supervisor. */
const SENT = ['kz-almaty-medeu-p1', 'kz-almaty-medeu-p2'] as const;
const unitOn = (page: Page, id: string) => page.locator(`[data-testid="unit-row"][data-unit-id="${id}"]`);

/** Alt+L walks kk → ru → en → kk: as many presses as it takes from the language on screen. */
async function speak(page: Page, language: 'kk' | 'ru') {
  const order = ['kk', 'ru', 'en'];
  const current = order.indexOf((await page.locator('html').getAttribute('lang')) ?? 'en');
  const presses = (order.indexOf(language) - current + order.length) % order.length;
  for (let i = 0; i < presses; i++) await page.keyboard.press('Alt+l');
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

test.describe('the senior inspector’s board and the duty unit (issue 14)', () => {
  test.describe.configure({ timeout: 300_000 });

  test('a card is sent, turns red untaken and rings the supervisor, is taken, forwarded, registered, a check warns the inspector, and it is closed', async ({
    browser,
  }, testInfo) => {
    const port = await freePort();
    // Short §13 limits, as central is configured for this test: red after 3 s, the supervisor rung after 6 s.
    const central = await startCentral(port, {
      CENTRAL_ACK_LATE_SECONDS: '3',
      CENTRAL_ACK_ESCALATE_SECONDS: '6',
    });
    const astana = await astanaInspector(central.url);
    const desks = await Promise.all([
      ...['operator', 'inspector', 'duty', 'supervisor'].map((login) => desk(browser, port, login)),
      desk(browser, port, astana, ASTANA_PASSWORD),
    ]);
    const [operator, inspector, duty, supervisor, elsewhere] = desks.map((d) => d.page) as [
      Page,
      Page,
      Page,
      Page,
      Page,
    ];
    await elsewhere.keyboard.press('Alt+5');
    try {
      // The operator fills the card in Medeu (the duty unit's district) and sends it (§9).
      await operator.getByLabel('What the applicant says').fill('Сосед угрожает ружьём, кричит во дворе');
      await operator.getByLabel('Category').selectOption('otherOffence');
      await operator.getByLabel('Latitude').fill('43.2382');
      await operator.getByLabel('Longitude').fill('76.9568');
      await operator.getByRole('button', { name: 'Send to the senior inspector' }).click();
      await expect(operator.getByTestId('card-list-item').first()).toContainText(
        'Sent to the senior inspector',
        {
          timeout: 30_000,
        },
      );

      // The inspector's board (Alt+5, in Kazakh): the card waits, then turns red (§13).
      await speak(inspector, 'kk');
      await inspector.keyboard.press('Alt+5');
      const row = inspector.getByTestId('board-card').first();
      await expect(row).toBeVisible({ timeout: 30_000 });
      await expect(row).toHaveAttribute('data-ack', /waiting|late|escalated/);
      await expect(row).toHaveAttribute('data-ack', /late|escalated/, { timeout: 20_000 });

      // Past the second limit central rings the supervisor: a notice in the shell, whatever section is open.
      await expect(supervisor.getByTestId('escalation-notice')).toContainText('not been taken', {
        timeout: 30_000,
      });
      await supervisor
        .getByTestId('escalation-notice')
        .getByRole('button', { name: 'Open the board' })
        .click();
      await expect(supervisor.getByTestId('board-card').first()).toHaveAttribute('data-ack', 'escalated');

      // Alt+X takes the card (takenAt filled), Alt+Z forwards it to the duty unit.
      await inspector.keyboard.press('Alt+x');
      await expect(row).toHaveAttribute('data-ack', 'taken', { timeout: 30_000 });
      await expect(inspector.getByTestId('board-status'))
        .toHaveText('Ден қоюды бастау', { timeout: 30_000 })
        .catch(() => undefined);
      // The supervisor's centre follows the card without a reload: taken, it is in response.
      await supervisor.keyboard.press('Alt+6');
      await expect(supervisor.getByTestId('centre-status-inResponse')).toContainText('1', {
        timeout: 30_000,
      });

      // The inspector sends two of Medeu's units from the card (§13); their statuses change on every screen
      // (the demo simulator may already have driven them there: on scene is as good as en route).
      await inspector.keyboard.press('Alt+1');
      await inspector.getByTestId('card-list-item').filter({ hasText: 'Сосед угрожает' }).click();
      // The list re-sorts as units move, so a row is never "stable" for a pointer click: the row itself is clicked.
      for (const id of SENT) await unitOn(inspector, id).dispatchEvent('click');
      await inspector.keyboard.press('Alt+Shift+B');
      await expect(inspector.getByTestId('units-notice')).toContainText('Жіберілді');
      for (const page of [duty, supervisor]) {
        await page.keyboard.press('Alt+1');
        await page.getByTestId('card-list-item').filter({ hasText: 'Сосед угрожает' }).click();
      }
      for (const page of [inspector, duty, supervisor])
        for (const id of SENT)
          await expect(unitOn(page, id)).toHaveAttribute('data-status', /enRoute|onScene/, {
            timeout: 30_000,
          });

      // A crew radios in: the inspector marks the second unit busy on the incident (Alt+Shift+U), seen everywhere.
      // The cursor is still on the second unit, the last one clicked.
      await expect(unitOn(inspector, SENT[1])).toHaveClass(/units-panel__row--active/);
      await inspector.locator('#unit-status-select').selectOption('busy');
      await inspector.keyboard.press('Alt+Shift+U');
      await expect(inspector.getByTestId('units-notice')).toContainText('тапсырмада');
      for (const page of [inspector, duty, supervisor])
        await expect(unitOn(page, SENT[1])).toHaveAttribute('data-status', 'busy', { timeout: 30_000 });
      await inspector.screenshot({ path: testInfo.outputPath('units-dispatched-kk.png') });
      await supervisor.keyboard.press('Alt+6');

      await inspector.keyboard.press('Alt+5');
      await inspector.keyboard.press('Alt+z');
      await expect(inspector.getByTestId('board-status')).toHaveText(/Кезекші|кезекші/, { timeout: 30_000 });
      await expect(supervisor.getByTestId('centre-status-forwardedToDuty')).toContainText('1', {
        timeout: 30_000,
      });

      // The duty unit (in Russian) registers it in the КУИ with a number and time (§14).
      await speak(duty, 'ru');
      await duty.keyboard.press('Alt+5');
      await expect(duty.getByTestId('board-card')).toHaveCount(1, { timeout: 30_000 });
      await duty.keyboard.press('Alt+Shift+K');
      await expect(duty.locator('#board-kuizh-number')).toBeFocused();
      await duty.keyboard.type('KUI-2026-000177');
      await duty.keyboard.press('Enter');
      await expect(duty.getByTestId('board-kuizh')).toHaveText('KUI-2026-000177', { timeout: 30_000 });
      await expect(supervisor.getByTestId('centre-status-registered')).toContainText('1', {
        timeout: 30_000,
      });

      // It checks a person named on the card (§15): two fictional records, so the units are warned.
      await duty.keyboard.press('Alt+Shift+P');
      await expect(duty.locator('#board-check-name')).toBeFocused();
      await duty.keyboard.type('Демо Сотталған');
      await duty.locator('#board-check-reason').fill('Указан заявителем как угрожающий');
      await duty.locator('#board-check-reason').press('Enter');
      await expect(duty.getByTestId('board-notice')).toContainText('Найдено записей: 2');
      await expect(duty.getByTestId('board-warning')).toHaveCount(2, { timeout: 30_000 });
      await expect(duty.getByTestId('board-history')).toContainText('Проверка по учётам (найдено: 2)');

      // The inspector sees the warning at once, on the board and on the card, before the units arrive.
      await expect(inspector.getByTestId('board-warning')).toHaveCount(2, { timeout: 30_000 });
      await expect(inspector.getByTestId('board-warnings-count')).toBeVisible();
      await expect(inspector.getByTestId('board-warnings')).toContainText('Бұрын сотталған');
      await expect(inspector.getByTestId('board-step')).toHaveCount(5);
      // …and on each unit sent to the card, in the card's units panel, before it arrives.
      await inspector.keyboard.press('Alt+1');
      for (const id of SENT)
        await expect(unitOn(inspector, id).getByTestId('unit-warning')).toHaveCount(2, { timeout: 30_000 });
      await inspector.keyboard.press('Alt+5');

      // Another territory's inspector never sees the card, its warning or its escalation (§8).
      await expect(elsewhere.getByTestId('board-count')).toHaveText('0 card(s)');
      await expect(elsewhere.getByTestId('board-warning')).toHaveCount(0);
      await expect(elsewhere.getByTestId('escalation-notice')).toHaveCount(0);

      await inspector.screenshot({ path: testInfo.outputPath('board-kk.png') });
      await speak(inspector, 'ru');
      await inspector.screenshot({ path: testInfo.outputPath('board-ru.png') });
      await duty.screenshot({ path: testInfo.outputPath('duty-card-ru.png') });
      await speak(duty, 'kk');
      await duty.screenshot({ path: testInfo.outputPath('duty-card-kk.png') });

      // The duty unit closes the card with its outcome: it leaves the board.
      await duty.keyboard.press('Alt+Shift+C');
      await expect(duty.locator('#board-outcome')).toBeFocused();
      await duty.locator('#board-outcome').selectOption('offenceConfirmed');
      await duty.keyboard.press('Tab');
      await duty.keyboard.press('Enter');
      await expect(duty.getByTestId('board-card')).toHaveCount(0, { timeout: 30_000 });
      await expect(inspector.getByTestId('board-card')).toHaveCount(0, { timeout: 30_000 });
      // Closed, it leaves the centre's open cards.
      await expect(supervisor.getByTestId('centre-status-registered')).toHaveCount(0, { timeout: 30_000 });
      await supervisor.screenshot({ path: testInfo.outputPath('centre-closed-en.png') });
    } finally {
      await Promise.all(desks.map((d) => d.close()));
      await central.stop();
    }
  });
});
