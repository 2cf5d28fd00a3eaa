import type { AppealReceipt } from '../../domain/appeals/appeal';
import { signIn } from '../support/e2e/central';
import { expect, test } from '../support/e2e/centralTest';

/** A citizen's text from the 102 app at `location`, in the demo operator's territory (central Almaty). */
async function appealAt(centralUrl: string, text: string, location: { lat: number; lon: number }) {
  const answer = await fetch(`${centralUrl}/api/appeals`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      kind: 'text',
      channel: 'app102',
      language: 'ru',
      location,
      anonymous: true,
      category: 'otherOffence',
      text,
    }),
  });
  expect(answer.status).toBe(201);
  return (await answer.json()) as AppealReceipt;
}

async function statusOf(centralUrl: string, appeal: AppealReceipt): Promise<string> {
  const answer = await fetch(`${centralUrl}/api/appeals/${appeal.id}`, {
    headers: { 'x-citizen-token': appeal.citizenToken },
  });
  return ((await answer.json()) as { status: string }).status;
}

test.describe('possible duplicates in the inbox (issue 12, item 5)', () => {
  test.describe.configure({ timeout: 240_000 });

  test('an appeal close in time and place to an open card is marked, and Alt+J links it to that card: it leaves the inbox, never becomes a card, and its citizen sees "in progress"', async ({
    page,
    withCentral,
  }) => {
    await page.addInitScript(() => {
      localStorage.setItem('console102.readinessIntroduced', '1');
      localStorage.setItem('console102.language', 'en');
    });
    const { central, host } = await withCentral();
    await page.goto(host.url);
    await signIn(page, 'operator', 'operator');
    await expect(page.getByTestId('connectivity')).toContainText('Online', { timeout: 60_000 });

    // The first appeal becomes a card (Alt+O, Ctrl+S): an open card with the citizen's point.
    await appealAt(central.url, 'Драка у входа в ТЦ', { lat: 43.2567, lon: 76.9286 });
    await page.keyboard.press('Alt+4');
    await expect(page.getByTestId('inbox-item').filter({ hasText: 'Драка у входа' })).toBeVisible();
    await page.getByTestId('inbox-list').focus();
    await page.keyboard.press('Alt+O');
    await expect(page.getByLabel('What the applicant says')).toHaveValue('Драка у входа в ТЦ');
    await page.keyboard.press('Control+S');
    await expect(page.getByTestId('card-save-state')).toContainText('Saved');
    // Central numbers the card when the create reaches it: wait for the number before reading it.
    const firstCard = page.getByTestId('card-list-item').first();
    await expect(firstCard).toContainText(/No\. [A-Z]+-\d+-\d+/, { timeout: 30_000 });
    const number = (await firstCard.textContent()) ?? '';

    // A second one about 100 m away, and a third across the city, which repeats nothing.
    const repeat = await appealAt(central.url, 'Там дерутся, уже трое', { lat: 43.2576, lon: 76.9286 });
    await appealAt(central.url, 'Сосед шумит ночью', { lat: 43.22, lon: 76.85 });
    await page.keyboard.press('Alt+4');
    const repeatRow = page.getByTestId('inbox-item').filter({ hasText: 'уже трое' });
    const farRow = page.getByTestId('inbox-item').filter({ hasText: 'Сосед шумит' });
    await expect(repeatRow.getByTestId('inbox-duplicate')).toBeVisible();
    await expect(farRow).toBeVisible();
    await expect(farRow.getByTestId('inbox-duplicate')).toHaveCount(0);

    // Alt+J on the far one says it repeats nothing here; on the repeat, it links it.
    const list = page.getByTestId('inbox-list');
    await list.focus();
    const selectRow = async (text: string) => {
      await page.keyboard.press('Home');
      for (let i = 0; i < 3; i++) {
        const selected = list.locator('[aria-selected=true]');
        if ((await selected.textContent())?.includes(text)) return;
        await page.keyboard.press('ArrowDown');
      }
      await expect(list.locator('[aria-selected=true]')).toContainText(text);
    };
    await selectRow('Сосед шумит');
    await page.keyboard.press('Alt+J');
    await expect(page.getByTestId('inbox-notice')).toHaveText(
      'The selected appeal repeats no open card here.',
    );
    await selectRow('уже трое');
    const cardNumber = /No\. ([A-Z]+-\d+-\d+)/.exec(number)?.[1] ?? '';
    expect(cardNumber).not.toBe('');
    await expect(repeatRow.getByTestId('inbox-duplicate')).toContainText(cardNumber);
    await page.keyboard.press('Alt+J');
    await expect(page.getByTestId('inbox-notice')).toHaveText(
      `Linked to card No. ${cardNumber} as a duplicate.`,
    );
    await expect(repeatRow).toHaveCount(0);
    await expect(farRow).toBeVisible();
    await expect.poll(() => statusOf(central.url, repeat), { timeout: 30_000 }).toBe('inProgress');
    await page.keyboard.press('Alt+1');
    await expect(page.getByTestId('card-list-item')).toHaveCount(1);
  });
});
