import type { Page } from '@playwright/test';
import { expect, startConsoleHost, test } from '../support/e2e/fixtures';

/** One card as an operator might mistype it: every field filled, the coordinates wrong in a different way. */
interface Typed {
  description: string;
  category: string;
  categoryLabel: string;
  lat: string;
  lon: string;
}

const cards: Typed[] = [
  {
    description: 'Gunshots at the market, two wounded',
    category: 'otherOffence',
    categoryLabel: 'Other offence or incident',
    lat: '432389',
    lon: 'east of the bazaar',
  },
  {
    description: 'A car hit a cyclist at the crossroads, driver fled',
    category: 'roadAccident',
    categoryLabel: 'Road traffic accident',
    lat: '1e1',
    lon: '76,95',
  },
  {
    description: 'Children alone on the balcony of the fifth floor',
    category: 'childIncident',
    categoryLabel: 'Incident involving children',
    lat: '51.5074',
    lon: '-0.1278',
  },
];

async function typeCard(page: Page, card: Typed) {
  await page.getByLabel('What the applicant says').fill(card.description);
  await page.getByLabel('Category').selectOption(card.category);
  await page.getByLabel('Latitude').fill(card.lat);
  await page.getByLabel('Longitude').fill(card.lon);
}

test.describe('the card keeps every word the operator typed', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('console102.language', 'en'));
  });

  test('invalid values in every field survive Alt+N at once, Alt+N after a pause, and a restart', async ({
    page,
    host,
  }) => {
    // Five cards typed, a restart and every field checked: more than the default minute on a shared machine.
    test.setTimeout(150_000);
    await page.goto(host.url);
    await expect(page.getByText('No cards yet')).toBeVisible();

    const [atOnce, afterPause, abroad] = cards as [Typed, Typed, Typed];
    // At once: Alt+N the moment the last key is typed, long before the autosave would have run.
    await typeCard(page, atOnce);
    await page.keyboard.press('Alt+N');
    await expect(page.getByRole('heading', { name: 'New card (not saved yet)' })).toBeVisible();
    await expect(page.getByLabel('What the applicant says')).toHaveValue('');

    // After a pause: the form says it kept the card here with errors to fix, and marks the field.
    await typeCard(page, afterPause);
    await expect(page.getByTestId('card-save-state')).toContainText('with errors to fix');
    await expect(page.getByLabel('Latitude')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('card-problems')).toContainText('Latitude is a number from -90 to 90.');
    await page.keyboard.press('Alt+N');

    // A place abroad is a number, but not a place for a card here: marked, and kept as typed.
    await typeCard(page, abroad);
    await expect(page.getByTestId('card-problems')).toContainText('The place is outside Kazakhstan.');
    await page.keyboard.press('Alt+N');
    // Every valid field, Alt+N at once, and the next card typed straight away.
    await page.getByLabel('What the applicant says').fill('Smoke from the basement of the school');
    await page.keyboard.press('Alt+N');
    await page.getByLabel('What the applicant says').fill('Lost child found near the fountain');

    const list = page.getByTestId('card-list-item');
    await expect(list).toHaveCount(5);
    for (const text of [...cards.map((c) => c.description), 'Smoke from the basement', 'Lost child found']) {
      await expect(list.filter({ hasText: text })).toHaveCount(1);
    }

    await host.stop();
    await expect(page.getByTestId('console-lost')).toBeVisible();
    const restarted = await startConsoleHost(host.dataDir);
    try {
      await page.goto(restarted.url);
      await expect(list).toHaveCount(5);
      await expect(list.filter({ hasText: 'Lost child found near the fountain' })).toHaveCount(1);
      await expect(list.filter({ hasText: 'Smoke from the basement of the school' })).toHaveCount(1);
      for (const card of cards) {
        const item = list.filter({ hasText: card.description });
        await expect(item).toHaveCount(1);
        await expect(item).toContainText(card.categoryLabel);
        await item.click();
        await expect(page.getByLabel('What the applicant says')).toHaveValue(card.description);
        await expect(page.getByLabel('Category')).toHaveValue(card.category);
        await expect(page.getByLabel('Latitude')).toHaveValue(card.lat);
        await expect(page.getByLabel('Longitude')).toHaveValue(card.lon);
      }
    } finally {
      await restarted.stop();
    }
  });

  test('makes no card of an empty form saved with Ctrl+S', async ({ page, host }) => {
    await page.goto(host.url);
    await expect(page.getByText('No cards yet')).toBeVisible();
    await page.getByLabel('What the applicant says').focus();
    await page.keyboard.press('Control+s');
    await page.keyboard.press('Alt+N');
    await page.getByLabel('What the applicant says').fill('Noise at night in the flat above');
    // The first card with words in it is the first card: the empty save before it made none.
    const item = page.getByTestId('card-list-item');
    await expect(item.filter({ hasText: 'Noise at night' }).getByTestId('card-number')).toHaveText('No. 1');
    await expect(item).toHaveCount(1);
  });

  test('says how much of a long paste was left out of the description, and counts near the limit', async ({
    page,
    host,
  }) => {
    await page.goto(host.url);
    const description = page.getByLabel('What the applicant says');
    await description.fill('Start. ');
    await description.evaluate((area: HTMLTextAreaElement) => {
      area.setSelectionRange(area.value.length, area.value.length);
      const data = new DataTransfer();
      data.setData('text/plain', 'x'.repeat(100_000));
      area.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    });
    await expect(
      page.getByRole('alert').filter({ hasText: 'the end of the pasted text was left out' }),
    ).toContainText('(96,007 characters)');
    await expect(page.getByTestId('description-counter')).toHaveText('4,000 of 4,000 characters');
    await expect(description).toHaveValue(`Start. ${'x'.repeat(3993)}`);
  });
});
