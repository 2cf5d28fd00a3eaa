import type { Page } from '@playwright/test';
import type { AppealReceipt } from '../../domain/appeals/appeal';
import { signIn } from '../support/e2e/central';
import { expect, test } from '../support/e2e/centralTest';
import { aPngPhoto } from '../support/e2e/pngImage';

/** Markup, handlers, a `javascript:` link and a right-to-left override, each of which would act if rendered as HTML. */
const HOSTILE = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=2">',
  '<a href="javascript:window.__pwned=3">javascript:window.__pwned=3</a>',
  '\u202Eлавыс\u202C',
].join(' ');
/** A word too long for any line: the row must cut it, not widen the page. */
const UNBROKEN = 'Ж'.repeat(3000);
const LONE_SURROGATE = 'жарық \uD800 жоқ';

async function send(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** A citizen's text in the demo operator's territory (central Almaty), with every text field `words`. */
const anAppeal = (words: string, name = words) => ({
  kind: 'text',
  channel: 'app102',
  language: 'kk',
  location: { lat: 43.2567, lon: 76.9286 },
  anonymous: false,
  applicant: { name: name.slice(0, 200) },
  category: 'otherOffence',
  text: words,
  addressText: words.slice(0, 500),
});

/** Nothing ran, nothing became an element, and no box is wider than the window. */
async function expectInert(page: Page, boxes: string[]) {
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator('img[src=x], script:not([src]), a[href^="javascript:"]')).toHaveCount(0);
  const width = await page.evaluate(() => window.innerWidth);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  for (const testId of boxes) {
    const box = await page.getByTestId(testId).first().boundingBox();
    expect(box, testId).not.toBeNull();
    expect(box!.x + box!.width, testId).toBeLessThanOrEqual(width);
  }
}

test.describe('hostile text in every inbox and card field (issue 12)', () => {
  test.describe.configure({ timeout: 300_000 });

  test('the appeal text, address, applicant, attachment name, chat and card fields render as text, run nothing and keep the layout', async ({
    page,
    withCentral,
  }, testInfo) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    });
    await page.addInitScript(() => {
      localStorage.setItem('console102.readinessIntroduced', '1');
      localStorage.setItem('console102.language', 'en');
    });
    const { central, host } = await withCentral();

    // What central refuses, it refuses by a code and stays up: a lone surrogate in any field, a 1 MB text.
    for (const refused of [
      anAppeal(LONE_SURROGATE, 'Айгерім'),
      { ...anAppeal('Айгерім'), addressText: LONE_SURROGATE },
      anAppeal('Айгерім', LONE_SURROGATE),
    ]) {
      const answer = await send(`${central.url}/api/appeals`, refused);
      expect(answer.status).toBe(400);
      expect(((await answer.json()) as { code: string }).code).toBe('text.unstorable');
    }
    const huge = await send(`${central.url}/api/appeals`, anAppeal('ж'.repeat(1024 * 1024)));
    expect(huge.status).toBe(413);

    const words = `${HOSTILE} ${UNBROKEN}`;
    const answer = await send(`${central.url}/api/appeals`, anAppeal(words, `${HOSTILE} Айгерім`));
    expect(answer.status).toBe(201);
    const appeal = (await answer.json()) as AppealReceipt;
    const citizen = { 'x-citizen-token': appeal.citizenToken };
    const hostileName = `<img src=x onerror=window.__pwned=4> \u202Egnp.exe ${'Ф'.repeat(150)}.png`;
    const attached = await fetch(
      `${central.url}/api/appeals/${appeal.id}/attachments?kind=photo&name=${encodeURIComponent(hostileName)}`,
      {
        method: 'POST',
        headers: { ...citizen, 'content-type': 'image/png' },
        body: new Uint8Array(aPngPhoto(64, 48)),
      },
    );
    expect(attached.status).toBe(201);
    expect(
      (
        await send(
          `${central.url}/api/appeals/${appeal.id}/messages`,
          { text: words.slice(0, 2000) },
          citizen,
        )
      ).status,
    ).toBe(201);

    await page.goto(host.url);
    await signIn(page, 'operator', 'operator');
    await expect(page.getByTestId('connectivity')).toContainText('Online', { timeout: 60_000 });

    // The inbox: the citizen's words as text, cut for the list; the attachment's name as text.
    await page.keyboard.press('Alt+4');
    const item = page.getByTestId('inbox-item').filter({ hasText: 'window.__pwned=1' });
    await expect(item).toBeVisible();
    await expect(item).toContainText('<script>window.__pwned=1</script>');
    await expect(item).toContainText('<img src=x onerror="window.__pwned=2">');
    await expect(page.getByTestId('appeal-attachment')).toContainText('<img src=x onerror=window.__pwned=4>');
    await expectInert(page, ['inbox-item', 'inbox-list', 'appeal-attachments']);
    await page.screenshot({ path: testInfo.outputPath('hostile-inbox.png') });

    // The viewer's title carries the name too.
    await page.getByTestId('inbox-list').focus();
    await page.keyboard.press('Alt+V');
    await expect(page.getByTestId('attachment-viewer')).toContainText('<img src=x onerror=window.__pwned=4>');
    await expect
      .poll(() => page.getByTestId('attachment-photo').evaluate((i: HTMLImageElement) => i.naturalWidth))
      .toBe(64);
    await expectInert(page, ['attachment-viewer']);
    await page.keyboard.press('Escape');

    // Alt+R: the card of the appeal, saved, with its chat; the citizen's line is text.
    await page.keyboard.press('Alt+R');
    await expect(page.getByLabel('What the applicant says')).toHaveValue(words);
    const citizenLine = page.getByTestId('chat-line').filter({ hasText: 'window.__pwned=1' });
    await expect(citizenLine).toBeVisible();
    await page.keyboard.type(HOSTILE);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('chat-line')).toHaveCount(2);
    // The long line scrolls in the chat; the reply box keeps its two rows.
    const reply = page.getByLabel('Message to the applicant');
    expect((await reply.boundingBox())!.height).toBeGreaterThan(36);

    // Every card field the operator can type in gets the same words.
    const form = page.getByTestId('card-form');
    await page.keyboard.press('Alt+Shift+V');
    const fields = form.locator(
      'input:not([type=checkbox]):not([type=file]):not([inputmode=decimal]), textarea',
    );
    const count = await fields.count();
    expect(count).toBeGreaterThan(10);
    for (let i = 0; i < count; i++) {
      const field = fields.nth(i);
      if (await field.isEditable()) await field.fill(HOSTILE);
    }
    // A megabyte pasted into the description is cut to the limit, with a note, not a frozen window.
    const description = page.getByLabel('What the applicant says');
    await description.fill('');
    await description.evaluate((area: HTMLTextAreaElement) => {
      const data = new DataTransfer();
      data.setData('text/plain', 'ы'.repeat(1024 * 1024));
      area.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    });
    await expect.poll(() => description.evaluate((a: HTMLTextAreaElement) => a.value.length)).toBe(4000);
    await expect(form.getByRole('alert').filter({ hasText: '4,000' })).toBeVisible();
    await page.keyboard.press('Control+S');
    await expect(page.getByTestId('card-save-state')).toBeVisible();
    await expectInert(page, ['card-form', 'chat-line', 'appeal-attachments', 'card-list-item']);
    await page.screenshot({ path: testInfo.outputPath('hostile-card.png'), fullPage: true });

    // A lone surrogate typed into a card field is refused in words, and the card and the window go on.
    await description.evaluate((area: HTMLTextAreaElement, text) => {
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
      setter?.call(area, text);
      area.dispatchEvent(new Event('input', { bubbles: true }));
    }, LONE_SURROGATE);
    await page.keyboard.press('Control+S');
    await expect(page.getByTestId('card-problems')).toBeVisible();
    await expect(page.getByTestId('card-problems')).not.toContainText('surrogate');
    await expectInert(page, ['card-form']);
    expect(dialogs).toEqual([]);
  });
});
