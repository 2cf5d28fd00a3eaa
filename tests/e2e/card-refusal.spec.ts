import { signIn } from '../support/e2e/central';
import { expect, test } from '../support/e2e/centralTest';

test.describe('a change central refused', () => {
  test.describe.configure({ timeout: 240_000 });
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('console102.language', 'en'));
  });

  test("shows on the card what central refused and why, in the operator's language", async ({
    page,
    withCentral,
  }, testInfo) => {
    const { host } = await withCentral();
    await page.goto(host.url);
    await signIn(page, 'operator', 'operator');
    // The first round after a sign-in (the account's reference data and feed) is what "online" waits for.
    await expect(page.getByTestId('connectivity')).toContainText('Online', { timeout: 60_000 });
    // The card form lets an operator take only the steps it may (issue 9, item 6). A card without a place:
    // the form names it first (issue 12); sent again as it is, central decides and says why.
    await page.getByLabel('What the applicant says').fill('Two wounded at the market');
    await page.getByLabel('Category').selectOption('roadAccident');
    await expect(page.getByTestId('card-list-item')).toHaveCount(1);
    const send = page.getByRole('button', { name: 'Send to the senior inspector' });
    await send.click();
    await expect(page.getByTestId('card-send-missing')).toContainText('the place (map or address)');
    await send.click();
    const refusal = page.getByTestId('card-refusal');
    await expect(refusal).toContainText('Central refused a step of this card');
    await expect(refusal).toContainText('Fill in before sending: place');
    // Central's English detail is for its log, never for the operator.
    await expect(refusal).not.toContainText('location or address');
    await expect(page.getByLabel('What the applicant says')).toHaveValue('Two wounded at the market');

    for (const [button, language, title] of [
      ['Қазақша', 'kk', 'Орталық жүйе карточка бойынша қадамды қабылдамады'],
      ['Русский', 'ru', 'Центральная система не приняла шаг по карточке'],
    ] as const) {
      await page.getByRole('button', { name: button }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await expect(refusal).toContainText(title);
      await page.screenshot({ path: testInfo.outputPath(`card-refusal-${language}.png`), fullPage: true });
    }
  });
});
