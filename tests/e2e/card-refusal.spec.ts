import { v7 as uuidv7 } from 'uuid';
import { consoleWithCentral, freePort, signIn, startCentral } from './central';
import { expect, test } from './fixtures';

/** A token of a demo account (password = login), as another workstation would hold it. */
async function tokenOf(centralUrl: string, login: string): Promise<string> {
  const answer = await fetch(`${centralUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: login }),
  });
  return ((await answer.json()) as { accessToken: string }).accessToken;
}

test.describe('a change central refused', () => {
  test.describe.configure({ timeout: 240_000 });
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('console102.language', 'en'));
  });

  test("shows on the card what central refused and why, with central's text back in the form", async ({
    page,
    dataDir,
  }, testInfo) => {
    const port = await freePort();
    const central = await startCentral(port);
    const host = await consoleWithCentral(dataDir, port);
    try {
      await page.goto(host.url);
      await signIn(page, 'operator', 'operator');
      // The first round after a sign-in (the account's reference data and feed) is what "online" waits for.
      await expect(page.getByTestId('connectivity')).toContainText('Online', { timeout: 60_000 });
      await page.getByLabel('What the applicant says').fill('Two wounded at the market');
      await page.getByLabel('Category').selectOption('roadAccident');
      await page.getByLabel('Latitude').fill('43,238');
      await page.getByLabel('Longitude').fill('76,945');
      await expect(page.getByTestId('card-list-item')).toHaveCount(1);

      // At another workstation the supervisor sends the card on to the inspector, once central has it whole…
      const supervisor = await tokenOf(central.url, 'supervisor');
      const atCentral = async () => {
        const listed = await fetch(`${central.url}/api/cards`, {
          headers: { authorization: `Bearer ${supervisor}` },
        });
        const { cards } = (await listed.json()) as {
          cards: { id: string; description: string; category: string | null; location: unknown }[];
        };
        return cards.find((c) => c.description === 'Two wounded at the market' && c.category && c.location);
      };
      await expect.poll(atCentral, { timeout: 60_000 }).toBeDefined();
      const card = await atCentral();
      const sent = await fetch(`${central.url}/api/sync/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${supervisor}` },
        body: JSON.stringify({
          operations: [
            {
              id: uuidv7(),
              cardId: card?.id,
              type: 'card.transition',
              createdAt: new Date().toISOString(),
              payload: { transition: 'sendToInspector' },
            },
          ],
        }),
      });
      expect(await sent.text()).toContain('"applied"');

      // …while the operator, here, still changes its text: central refuses the change.
      await page.getByLabel('What the applicant says').fill('Nobody was hurt, a false call');
      const refusal = page.getByTestId('card-refusal');
      await expect(refusal).toContainText('Central refused a change to this card');
      await expect(refusal).toContainText('an operator edits a card only until it is sent');
      await expect(refusal).toContainText('The card shows central’s version.');
      await expect(page.getByLabel('What the applicant says')).toHaveValue('Two wounded at the market');

      for (const [button, language, title] of [
        ['Қазақша', 'kk', 'Орталық жүйе карточкадағы өзгерісті қабылдамады'],
        ['Русский', 'ru', 'Центральная система не приняла изменение карточки'],
      ] as const) {
        await page.getByRole('button', { name: button }).click();
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        await expect(refusal).toContainText(title);
        await page.screenshot({ path: testInfo.outputPath(`card-refusal-${language}.png`), fullPage: true });
      }
    } finally {
      await host.stop();
      await central.stop();
    }
  });
});
