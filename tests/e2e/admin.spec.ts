import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { consoleWithCentral, freePort, startCentral } from '../support/e2e/central';
import { expect, test } from '../support/e2e/fixtures';
import { tempDir } from '../support/tempDir';

/** What the admin and the operator read, as the features' i18n.ts files say it (the e2e project does not compile the renderer). */
const TEXT = {
  kk: {
    login: 'Логин',
    password: 'Құпиясөз',
    signIn: 'Кіру',
    nav: 'Әкімшілік',
    tabs: {
      accounts: 'Тіркелгілер',
      territories: 'Аумақтар',
      directories: 'Анықтамалықтар',
      workstations: 'Жұмыс орындары',
    },
    name: 'Аты-жөні',
    department: 'Бөлім',
    create: 'Тіркелгі жасау',
    created: (login: string) => `${login} тіркелгісі жасалды.`,
    unlock: 'Құлпын ашу',
    unlocked: 'inspector тіркелгісінің құлпы ашылды.',
    disable: 'Өшіру',
    file: 'Аумақтар файлы (GeoJSON)',
    crossing: 'kz-almaty-medeu шекарасы өзін-өзі қиып өтеді. Файлды түзетіп, қайта жүктеңіз.',
    import: 'Осы аумақтарды жүктеу',
    imported: '1 аумақ жүктелді. Енді карточкалар солар бойынша бөлінеді.',
  },
  ru: {
    login: 'Логин',
    password: 'Пароль',
    signIn: 'Войти',
    nav: 'Администрирование',
    tabs: {
      accounts: 'Учётные записи',
      territories: 'Территории',
      directories: 'Справочники',
      workstations: 'Рабочие места',
    },
    name: 'ФИО',
    department: 'Подразделение',
    create: 'Создать учётную запись',
    created: (login: string) => `Учётная запись ${login} создана.`,
    unlock: 'Разблокировать',
    unlocked: 'Учётная запись inspector разблокирована.',
    disable: 'Отключить',
    file: 'Файл территорий (GeoJSON)',
    crossing: 'Граница kz-almaty-medeu пересекает сама себя. Исправьте файл и загрузите его снова.',
    import: 'Загрузить эти территории',
    imported: 'Загружено территорий: 1. Карточки теперь распределяются по ним.',
  },
} as const;

const PASSPHRASE = 'a long and honest passphrase';

const fileOf = (ring: number[][]) =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { departmentId: 'kz-almaty-medeu' },
        geometry: { type: 'Polygon', coordinates: [ring] },
      },
    ],
  });

async function signInAs(page: Page, language: keyof typeof TEXT, login: string, password: string) {
  const text = TEXT[language];
  await page.getByLabel(text.login, { exact: true }).fill(login);
  await page.getByLabel(text.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: text.signIn, exact: true }).click();
}

test.describe.configure({ timeout: 240_000 });
test.use({ actionTimeout: 30_000 });

for (const language of ['kk', 'ru'] as const) {
  test(`the admin's desk in ${language}: a new operator signs in elsewhere, a locked login is unlocked, a disabled account is signed out at once, a territory file is previewed then imported (§28)`, async ({
    page,
    context,
    dataDir,
  }) => {
    const text = TEXT[language];
    const login = `desk.${language}`;
    await context.addInitScript((lng) => localStorage.setItem('console102.language', lng), language);
    const port = await freePort();
    const central = await startCentral(port);
    const secondDir = tempDir('console-e2e-second-');
    const adminConsole = await consoleWithCentral(dataDir, port);
    const secondConsole = await consoleWithCentral(secondDir.dir, port);
    const second = await context.newPage();
    try {
      await page.goto(adminConsole.url);
      await signInAs(page, language, 'admin', 'admin');
      await page.getByRole('navigation').getByRole('button', { name: text.nav }).click();
      await expect(page.getByRole('tab', { name: text.tabs.accounts })).toHaveAttribute(
        'aria-selected',
        'true',
      );

      // The admin creates an operator account.
      const form = page.locator('form.admin-form');
      await form.getByLabel(text.login, { exact: true }).fill(login);
      await form.getByLabel(text.name, { exact: true }).fill('Жаңа Оператор');
      await form.getByLabel(text.password, { exact: true }).fill(PASSPHRASE);
      // The select's name includes its chosen option, so it is found by its label's id.
      await form.locator('#admin-new-department').selectOption('kz-almaty');
      await form.getByRole('button', { name: text.create }).click();
      await expect(page.getByTestId('admin-outcome')).toHaveText(text.created(login));
      await expect(page.getByTestId(`account-${login}`)).toBeVisible();

      // That operator signs in on a second console.
      await second.goto(secondConsole.url);
      await signInAs(second, language, login, PASSPHRASE);
      await expect(second.getByTestId('session')).toContainText('Жаңа Оператор', { timeout: 30_000 });

      // A login slowed down by wrong passwords shows as locked; the admin unlocks it.
      for (let i = 0; i < 4; i++)
        await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ login: 'inspector', password: 'wrong guess' }),
        });
      await page.getByRole('button', { name: language === 'kk' ? 'Жаңарту' : 'Обновить' }).click();
      const inspector = page.getByTestId('account-inspector');
      await inspector.getByRole('button', { name: text.unlock }).click();
      await expect(page.getByTestId('admin-outcome')).toHaveText(text.unlocked);
      await expect(inspector.getByRole('button', { name: text.unlock })).toHaveCount(0);
      await expect(page.getByTestId(`account-${login}`).getByTestId('account-sessions')).toHaveText('1');
      await page.screenshot({ path: `/tmp/admin-accounts-${language}.png`, fullPage: true });

      // Disabling the account signs its console out at once.
      await page.getByTestId(`account-${login}`).getByRole('button', { name: text.disable }).click();
      await expect(second.getByLabel(text.password, { exact: true })).toBeVisible({ timeout: 20_000 });
      await expect(page.getByTestId(`account-${login}`).getByTestId('account-sessions')).toHaveText('0');

      // A territory file: a bad one is refused with its reason, a good one is previewed, then imported.
      await page.getByRole('tab', { name: text.tabs.territories }).click();
      const bad = join(dataDir, 'bow-tie.geojson');
      writeFileSync(
        bad,
        fileOf([
          [76.9, 43.2],
          [77.0, 43.3],
          [77.0, 43.2],
          [76.9, 43.3],
          [76.9, 43.2],
        ]),
      );
      await page.getByLabel(text.file).setInputFiles(bad);
      await expect(page.getByTestId('territory-refusal')).toHaveText(text.crossing);
      const good = join(dataDir, 'medeu.geojson');
      writeFileSync(
        good,
        fileOf([
          [76.95, 43.1],
          [77.05, 43.1],
          [77.05, 43.2],
          [76.95, 43.2],
          [76.95, 43.1],
        ]),
      );
      await page.getByLabel(text.file).setInputFiles(good);
      await expect(
        page.getByTestId('territory-preview').locator('path.leaflet-interactive, canvas').first(),
      ).toBeVisible();
      await expect(page.getByTestId('territory-departments').getByRole('listitem')).toHaveCount(1);
      await page.screenshot({ path: `/tmp/admin-territories-${language}.png`, fullPage: true });
      await page.getByRole('button', { name: text.import }).click();
      await expect(page.getByTestId('territory-imported')).toHaveText(text.imported);

      await page.getByRole('tab', { name: text.tabs.directories }).click();
      await page.screenshot({ path: `/tmp/admin-directories-${language}.png`, fullPage: true });
      await page.getByRole('tab', { name: text.tabs.workstations }).click();
      await page.screenshot({ path: `/tmp/admin-workstations-${language}.png`, fullPage: true });
    } finally {
      await second.close();
      await secondConsole.stop();
      await adminConsole.stop();
      await central.stop();
      secondDir.remove();
    }
  });
}
