import { deskWithCentral } from '../support/e2e/central';
import { expect, test } from '../support/e2e/fixtures';
import { fillSeenByKeyboard, tabTo, typeInto } from '../support/e2e/keyboard';

const VALID_IIN = '850715300122';

test.describe('the whole §9 card from the keyboard (issue 12, item 3)', () => {
  test.describe.configure({ timeout: 240_000 });
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('console102.language', 'en'));
  });

  test('every field filled without the mouse, "send" names what is missing and puts the cursor there, central gets it all', async ({
    page,
    dataDir,
  }, testInfo) => {
    const desk = await deskWithCentral(page, dataDir);
    const { central } = desk;
    try {
      await page.keyboard.press('Alt+N');
      await typeInto(page, page.getByLabel('What the applicant says'), 'Two men fight near the market');
      // Send with category and place missing: the form names both and puts the cursor on the first.
      await page.keyboard.press('Control+Enter');
      await expect(page.getByTestId('card-send-missing')).toHaveText(
        'Fill in before sending: the category and the place (map or address). The cursor is on the first one.',
      );
      const category = page.getByLabel('Category', { exact: true });
      await expect(category).toBeFocused();
      await category.press('ArrowDown');
      await expect(category).not.toHaveValue('');
      await category.selectOption('otherOffence'); // the keyboard's pick above; set exactly for the check below
      await page.keyboard.press('Tab');
      const subtype = page.getByLabel('Subtype');
      await expect(subtype).toBeFocused();
      await subtype.selectOption('fight');
      await page.keyboard.press('Tab');
      await expect(page.getByLabel('Urgent: needs a police response')).toBeFocused();

      await page.keyboard.press('Alt+I');
      await typeInto(page, page.getByLabel('Full name'), 'Айгүл Сапарова');
      await page.keyboard.press('Tab');
      await typeInto(page, page.getByLabel('Phone'), '+7 701 555 12 34');
      await page.keyboard.press('Tab');
      const iin = page.getByLabel('IIN');
      await typeInto(page, iin, '850715300123');
      await expect(page.getByTestId('card-problems')).toContainText("The IIN's check digit is wrong");
      await page.keyboard.press('Backspace');
      await page.keyboard.type('2');
      await expect(page.getByTestId('card-iin-reading')).toContainText('male');
      await expect(page.getByTestId('card-problems')).toHaveCount(0);
      await tabTo(page, page.getByLabel('Language of the applicant'));
      await page.getByLabel('Language of the applicant').selectOption('kk');

      await page.keyboard.press('Alt+G');
      await typeInto(page, page.getByLabel('Address as typed'), 'Абай даңғылы, 10');
      await fillSeenByKeyboard(page, {
        people: '2',
        features: 'one in a red jacket',
        vehicle: { plate: '123 ABC 02', colour: 'white', make: 'Toyota Camry' },
        vehicles: 'a bus nearby',
        buildings: 'the market hall',
      });
      await page.keyboard.press('Control+S');
      await expect(page.getByTestId('card-save-state')).toContainText('Saved');

      await expect(page.getByTestId('card-send-missing')).toHaveCount(0);
      // Tall enough for the whole form in one picture: people read these screenshots, not the scroll position.
      await page.setViewportSize({ width: 1440, height: 2200 });
      for (const [button, language] of [
        ['Қазақша', 'kk'],
        ['Русский', 'ru'],
      ] as const) {
        await page.getByRole('button', { name: button }).click();
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        await page.screenshot({ path: testInfo.outputPath(`card-form-${language}.png`), fullPage: true });
      }
      await page.getByRole('button', { name: 'English' }).click();

      await page.keyboard.press('Control+Enter');
      await expect(page.getByTestId('card-send-missing')).toHaveCount(0);
      await expect(page.locator('.card-form__badges')).toContainText('Sent to the senior inspector', {
        timeout: 30_000,
      });

      const login = await fetch(`${central.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'operator', password: 'operator' }),
      });
      const { accessToken } = (await login.json()) as { accessToken: string };
      const pull = await fetch(`${central.url}/api/sync/pull?since=0&limit=1000`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      const { changes } = (await pull.json()) as {
        changes: { entity: string; card?: Record<string, unknown> }[];
      };
      const card = changes.flatMap((c) => (c.card ? [c.card] : [])).at(-1);
      expect(card).toMatchObject({
        status: 'sentToInspector',
        description: 'Two men fight near the market',
        category: 'otherOffence',
        subcategory: 'fight',
        urgent: true,
        applicant: { name: 'Айгүл Сапарова', phone: '+7 701 555 12 34', iin: VALID_IIN },
        language: 'kk',
        addressText: 'Абай даңғылы, 10',
        peopleCount: 2,
        peopleFeatures: 'one in a red jacket',
        vehicleList: [{ plate: '123 ABC 02', colour: 'white', make: 'Toyota Camry' }],
        vehicles: 'a bus nearby',
        buildings: 'the market hall',
      });
    } finally {
      await desk.stop();
    }
  });
});

test.describe('the card form on its own console', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('console102.language', 'en'));
  });

  test('an anonymous appeal: the identity fields leave the form and what was typed is gone', async ({
    page,
    host,
  }) => {
    await page.goto(host.url);
    await page.keyboard.press('Alt+N');
    await page.keyboard.type('Shouting next door');
    await page.keyboard.press('Alt+I');
    await page.keyboard.type('Zhanargulsecretova');
    await page.keyboard.press('Alt+Shift+A');
    await expect(page.getByLabel(/^Anonymous appeal/)).toBeChecked();
    await expect(page.getByTestId('card-anonymous-note')).toBeVisible();
    for (const label of ['Full name', 'Phone', 'IIN'])
      await expect(page.getByTestId('card-applicant').getByLabel(label, { exact: true })).toHaveCount(0);
    // Unmarked again, the fields come back empty: nothing typed before was kept.
    await page.keyboard.press('Alt+Shift+A');
    await expect(page.getByLabel('Full name')).toHaveValue('');
  });

  test('F1 lists the card form keys', async ({ page, host }) => {
    await page.goto(host.url);
    await expect(page.getByTestId('card-form')).toBeVisible();
    await page.keyboard.press('F1');
    const rows = page.getByTestId('hotkey-row');
    for (const [keys, label] of [
      ['Alt+I', 'Go to the applicant'],
      ['Alt+Shift+A', 'Mark the appeal anonymous (or not)'],
      ['Alt+Shift+V', 'Add a vehicle'],
      ['Alt+G', 'Go to the typed address'],
      ['Ctrl+Enter', 'Send the card to the senior inspector'],
    ])
      await expect(rows.filter({ hasText: keys }).filter({ hasText: label })).toHaveCount(1);
  });

  test('hostile text in every card field stays text, runs nothing and keeps the layout', async ({
    page,
    host,
  }) => {
    const hostile = [
      '<script>window.__pwned=1</script>',
      '<img src=x onerror="window.__pwned=2">',
      'javascript:window.__pwned=3',
      '\u202Eevil\u202C text',
      'lone \uD800 surrogate',
    ].join(' ');
    page.on('dialog', () => {
      throw new Error('a dialog opened');
    });
    await page.goto(host.url);
    await page.keyboard.press('Alt+N');
    const form = page.getByTestId('card-form');
    await page.getByRole('button', { name: /Add a vehicle/ }).click();
    const fields = form.locator(
      'input:not([type=checkbox]):not([type=file]):not([inputmode=decimal]), textarea',
    );
    const count = await fields.count();
    expect(count).toBeGreaterThan(10);
    for (let i = 0; i < count; i++) {
      const field = fields.nth(i);
      if (await field.isEditable()) await field.fill(hostile);
    }
    await page.getByLabel('What the applicant says').fill('x'.repeat(1_000_000).slice(0, 4000));
    await page.keyboard.press('Control+S');
    await expect(page.getByTestId('card-save-state')).toBeVisible();
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(page.locator('img[src=x]')).toHaveCount(0);
    // The list shows the card's text as text, and nothing made the page wider than the window.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });
});
