import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, startConsoleHost, test } from '../support/e2e/fixtures';
import { tempDir } from '../support/tempDir';

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('console102.language', 'en'));
});

const section = (page: Page, name: string) => page.getByRole('navigation').getByRole('button', { name });

test('Alt+N on the readiness check of a new workstation opens the cards with a new card, ready for typing', async ({
  browser,
  host,
}) => {
  // A fresh profile: the one-time readiness introduction is on screen.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => localStorage.setItem('console102.language', 'en'));
  await page.goto(host.url);
  await expect(section(page, 'Readiness')).toHaveAttribute('aria-current', 'page');

  await page.keyboard.press('Alt+N');
  await expect(section(page, 'Cards')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByLabel('What the applicant says')).toBeFocused();
  await page.keyboard.type('Shots heard near the bazaar');
  await expect(page.getByTestId('card-list-item')).toContainText('Shots heard near the bazaar');
  await context.close();
});

test('every section has a hotkey, and the card commands work from any section', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(section(page, 'Cards')).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('Alt+2');
  await expect(section(page, 'Readiness')).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('Alt+D');
  await expect(page.getByLabel('What the applicant says')).toBeFocused();
  await page.keyboard.press('Alt+2');
  await page.keyboard.press('Alt+1');
  await expect(section(page, 'Cards')).toHaveAttribute('aria-current', 'page');
});

test('a command that cannot run says why, in the operator language', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(section(page, 'Cards')).toBeVisible();
  // This console has no central system: there is nothing to sync.
  await page.keyboard.press('Alt+Y');
  await expect(page.getByTestId('command-refusal')).toHaveText(
    'This console works without a central system: there is nothing to sync.',
  );
  // The fleet is the digitalisation unit's section.
  await page.keyboard.press('Alt+3');
  await expect(page.getByTestId('command-refusal')).toHaveText(
    'This command is not available to the role “102 operator”.',
  );
});

test("F1 lists the operator's commands, with the map's keys", async ({ page, host }) => {
  await page.goto(host.url);
  await expect(section(page, 'Cards')).toBeVisible();
  await page.keyboard.press('F1');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Start a new card');
  await expect(help).toContainText('Go to the map: arrows move the incident location');
  await expect(help).toContainText('Find a place by name');
  await expect(help).not.toContainText('Workstations');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('the digitalisation unit sees only its own commands in F1, and Alt+N says it is not theirs', async ({
  page,
}) => {
  const temp = tempDir('console-e2e-admin-');
  const dataDir = temp.dir;
  writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ role: 'admin' }));
  const admin = await startConsoleHost(dataDir);
  try {
    await page.goto(admin.url);
    await expect(section(page, 'Workstations')).toBeVisible();
    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toContainText('Workstations');
    await expect(help).not.toContainText('Start a new card');
    await expect(help).not.toContainText('Go to the map');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Alt+N');
    await expect(page.getByTestId('command-refusal')).toContainText('not available to the role');
    await page.keyboard.press('Alt+3');
    await expect(section(page, 'Workstations')).toHaveAttribute('aria-current', 'page');
  } finally {
    await admin.stop();
    temp.remove();
  }
});

test('the place is set by its name in Kazakh or Russian, from the keyboard', async ({ page, host }) => {
  await page.goto(host.url);
  // The console is ready when its sections are: a key pressed while it starts is answered "still starting".
  await expect(section(page, 'Cards')).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('Alt+F');
  await expect(page.getByRole('combobox', { name: 'Find a place by name' })).toBeFocused();
  await page.keyboard.type('Қараған');
  await expect(page.getByRole('option', { name: 'Karagandy' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Place set: Karagandy')).toBeVisible();
  await expect(page.getByLabel('Latitude')).toHaveValue(/^49\.8019/);
  await expect(page.getByLabel('Longitude')).toHaveValue(/^73\.1021/);

  await page.keyboard.press('Alt+F');
  await page.keyboard.press('Escape');
  await page.keyboard.type('Уральск');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Place set: Oral')).toBeVisible();

  await page.keyboard.press('Alt+F');
  await page.keyboard.press('Escape');
  await page.keyboard.type('Лондон');
  await expect(page.getByText('No such place in the offline list')).toBeVisible();
});

test('arrow keys on the map move the incident; Enter sets the place, Esc puts it back', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  // The console is ready when its sections are: a key pressed while it starts is answered "still starting".
  await expect(section(page, 'Cards')).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('Alt+F');
  await page.keyboard.type('Astana');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Latitude')).toHaveValue(/^51\.1801/);
  const placeSet = await page.getByLabel('Latitude').inputValue();

  await page.keyboard.press('Alt+M');
  const map = page.getByRole('application', { name: /Incident location on the map/ });
  await expect(map).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('map-pending')).toContainText('Enter sets the place');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('map-pending')).toBeHidden();
  await expect(page.getByLabel('Latitude')).toHaveValue(placeSet);

  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('map-pending')).toBeHidden();
  const lat = Number(await page.getByLabel('Latitude').inputValue());
  const lon = Number(await page.getByLabel('Longitude').inputValue());
  expect(lat).toBeGreaterThan(51.1801);
  expect(lon).toBeGreaterThan(71.446);
  await expect(page.getByText('from map')).toBeVisible();
});

test('a place name typed and Entered before the list of places has loaded is set once it loads', async ({
  page,
  host,
}) => {
  // Hold the offline list of places back, as a slow disk or a busy workstation does right after start.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/cities.*\.json/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(host.url);
  await expect(section(page, 'Cards')).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('Alt+F');
  await page.keyboard.type('Astana');
  await expect(page.getByRole('status').filter({ hasText: 'Loading the list of places' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Latitude')).toHaveValue('');
  release();
  await expect(page.getByLabel('Latitude')).toHaveValue(/^51\.1801/);
});
