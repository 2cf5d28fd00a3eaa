import type { Page } from '@playwright/test';
import { expect, test } from '../support/e2e/fixtures';

/** Every label a person can see or hear: text, placeholders, accessible names. The map's data and shortcuts are not labels. */
async function visibleLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const skip = (el: Element | null) =>
      !!el?.closest('.leaflet-container, kbd, button[lang], .brand__mark, [data-testid="card-list-item"]');
    const labels: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim() ?? '';
      if (!parent || skip(parent) || !/\p{L}{2,}/u.test(text)) continue;
      if (parent.closest('select') || parent.checkVisibility()) labels.push(text);
    }
    for (const el of document.querySelectorAll('[placeholder], [aria-label]')) {
      if (skip(el)) continue;
      for (const attr of ['placeholder', 'aria-label']) {
        const value = el.getAttribute(attr);
        if (value) labels.push(value);
      }
    }
    return labels;
  });
}

test('switching language changes every visible label', async ({ page, host }) => {
  // Start in English once; the reload at the end must keep what the operator chose.
  await page.addInitScript(
    () => localStorage.getItem('console102.language') ?? localStorage.setItem('console102.language', 'en'),
  );
  await page.goto(host.url);
  await expect(
    page.getByRole('heading', { name: 'Incident cards' }).or(page.getByText('New card (not saved yet)')),
  ).toBeVisible();
  const english = await visibleLabels(page);
  expect(english.length).toBeGreaterThan(20);

  for (const [button, language, sample] of [
    ['Қазақша', 'kk', 'Жаңа карточка'],
    ['Русский', 'ru', 'Новая карточка'],
  ] as const) {
    await page.getByRole('button', { name: button }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await expect(page.getByRole('button', { name: new RegExp(sample) })).toBeVisible();
    const translated = await visibleLabels(page);
    const untranslated = translated.filter((label) => english.includes(label));
    expect(untranslated, `labels still in English after switching to ${language}`).toEqual([]);
    expect(translated.length).toBeGreaterThan(20);
  }

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
});
