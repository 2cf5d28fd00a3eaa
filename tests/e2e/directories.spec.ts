import type { Page } from '@playwright/test';
import { expect, test } from '../support/e2e/centralTest';

/** What the admin reads, as renderer/features/admin/i18n.ts and the refusals' texts say it. */
const TEXT = {
  kk: {
    password: 'Құпиясөз',
    signIn: 'Кіру',
    nav: 'Әкімшілік',
    directories: 'Анықтамалықтар',
    id: 'Идентификатор (латын әріптері, сандар, сызықша)',
    nameKk: 'Қазақша атауы',
    nameRu: 'Орысша атауы',
    competenceKk: 'Құзыреті қазақша',
    competenceRu: 'Құзыреті орысша',
    save: 'Сақтау',
    created: 'gas-service құзыреттілігі бойынша орындаушы қызметі қосылды.',
    changed: 'gas-service құзыреттілігі бойынша орындаушы қызметі өзгертілді.',
    taken: 'Бұл идентификаторы бар құзыреттілігі бойынша орындаушы қызмет бар.',
    change: 'Өзгерту: Газ қызметі',
    shown: 'Газдың иісі, газ құбырының зақымдануы',
    edited: 'Газдың иісі',
    servicesTitle: 'Құзыреттілігі бойынша орындаушы қызметтер',
    unitsTitle: 'Нарядтар және тергеу-жедел топтары',
    department: 'Бөлім',
    callSign: 'Шақыру белгісі',
    kind: 'Түрі',
    crew: 'Экипаж',
    sogKind: 'тергеу-жедел тобы (ТЖЖТ)',
    unitCreated: 'МЕД-91 наряды қосылды.',
    unitChanged: 'МЕД-95 наряды өзгертілді.',
    unitTaken: 'Бұл идентификаторы бар наряд бар.',
    unitChange: 'МЕД-91 нарядын өзгерту',
  },
  ru: {
    password: 'Пароль',
    signIn: 'Войти',
    nav: 'Администрирование',
    directories: 'Справочники',
    id: 'Идентификатор (латиница, цифры, дефис)',
    nameKk: 'Название на казахском',
    nameRu: 'Название на русском',
    competenceKk: 'Компетенция на казахском',
    competenceRu: 'Компетенция на русском',
    save: 'Сохранить',
    created: 'Исполнитель по компетенции gas-service добавлен.',
    changed: 'Исполнитель по компетенции gas-service изменён.',
    taken: 'Исполнитель по компетенции с таким идентификатором уже есть.',
    change: 'Изменить: Газовая служба',
    shown: 'Запах газа, повреждение газопровода',
    edited: 'Запах газа',
    servicesTitle: 'Исполнители по компетенции',
    unitsTitle: 'Наряды и следственно-оперативные группы',
    department: 'Подразделение',
    callSign: 'Позывной',
    kind: 'Вид',
    crew: 'Экипаж',
    sogKind: 'следственно-оперативная группа (СОГ)',
    unitCreated: 'Наряд МЕД-91 добавлен.',
    unitChanged: 'Наряд МЕД-95 изменён.',
    unitTaken: 'Наряд с таким идентификатором уже есть.',
    unitChange: 'Изменить наряд МЕД-91',
  },
} as const;

test.describe.configure({ timeout: 180_000 });
test.use({ actionTimeout: 30_000 });

for (const language of ['kk', 'ru'] as const) {
  test(`in ${language}: the admin adds a competent service with its competence, is told its id is taken, and changes it (§12.4, §28)`, async ({
    page,
    withCentral,
  }) => {
    const text = TEXT[language];
    const { host } = await withCentral();
    await openDirectories(page, host.url, language);
    const section = page.getByRole('region', { name: text.servicesTitle });
    const services = section.getByTestId('admin-services');
    // The demo's services are listed with what they take (nothing yet).
    await expect(services.locator('tr[data-service="akimat"]')).toBeVisible();

    const fill = async () => {
      await section.getByLabel(text.id).fill('gas-service');
      await section.getByLabel(text.nameKk).fill('Газ қызметі');
      await section.getByLabel(text.nameRu).fill('Газовая служба');
      await section.getByLabel(text.competenceKk).fill('Газдың иісі, газ құбырының зақымдануы');
      await section.getByLabel(text.competenceRu).fill('Запах газа, повреждение газопровода');
      await section.getByRole('button', { name: text.save }).click();
    };
    await fill();
    await expect(page.getByTestId('admin-services-outcome')).toHaveText(text.created);
    const row = services.locator('tr[data-service="gas-service"]');
    await expect(row).toContainText(text.shown);

    await fill();
    await expect(section.getByRole('alert')).toHaveText(text.taken);

    // Changing it: the keyboard reaches the row's button, the form takes the service, its id stays.
    await section.getByRole('button', { name: text.change }).focus();
    await page.keyboard.press('Enter');
    await expect(section.getByLabel(text.id)).toBeDisabled();
    await section.getByLabel(language === 'kk' ? text.competenceKk : text.competenceRu).fill(text.edited);
    await section.getByRole('button', { name: text.save }).click();
    await expect(page.getByTestId('admin-services-outcome')).toHaveText(text.changed);
    await expect(row.locator('td').nth(1)).toHaveText(text.edited);
    await page.screenshot({ path: `/tmp/admin-services-${language}.png`, fullPage: true });
  });
}

/** Signs the admin in, in the language, and opens the directories tab. */
async function openDirectories(page: Page, url: string, language: 'kk' | 'ru') {
  const text = TEXT[language];
  await page.addInitScript((lng) => localStorage.setItem('console102.language', lng), language);
  await page.goto(url);
  await page.getByLabel('Логин', { exact: true }).fill('admin');
  await page.getByLabel(text.password, { exact: true }).fill('admin');
  await page.getByRole('button', { name: text.signIn, exact: true }).click();
  await page.getByRole('navigation').getByRole('button', { name: text.nav }).click();
  await page.getByRole('tab', { name: text.directories }).click();
}

for (const language of ['kk', 'ru'] as const) {
  test(`in ${language}: the admin adds a СОГ to a department, is told its id is taken, and changes its call sign and crew (§13, §28)`, async ({
    page,
    withCentral,
  }) => {
    const text = TEXT[language];
    const { host } = await withCentral();
    await openDirectories(page, host.url, language);
    const section = page.getByRole('region', { name: text.unitsTitle });
    await section.getByRole('combobox', { name: text.department }).selectOption('kz-almaty-medeu');
    const units = section.getByTestId('admin-units');
    // The demo's units of the department are listed with their kind and crew.
    await expect(units.locator('tr[data-unit="kz-almaty-medeu-p1"]')).toBeVisible();

    const fill = async () => {
      await section.getByLabel(text.id).fill('kz-almaty-medeu-sog-2');
      await section.getByRole('textbox', { name: text.callSign }).fill('МЕД-91');
      await section.getByRole('combobox', { name: text.kind }).selectOption('sog');
      await section.getByRole('spinbutton', { name: text.crew }).fill('4');
      await section.getByRole('button', { name: text.save }).click();
    };
    await fill();
    await expect(section.getByTestId('admin-units-outcome')).toHaveText(text.unitCreated);
    const row = units.locator('tr[data-unit="kz-almaty-medeu-sog-2"]');
    await expect(row).toContainText(text.sogKind);
    await expect(row.locator('td').nth(1)).toHaveText('4');

    await fill();
    await expect(section.getByRole('alert')).toHaveText(text.unitTaken);

    // Changing it from the keyboard: the row's button, the form takes the unit, its id stays.
    await section.getByRole('button', { name: text.unitChange }).focus();
    await page.keyboard.press('Enter');
    await expect(section.getByLabel(text.id)).toBeDisabled();
    await section.getByRole('textbox', { name: text.callSign }).fill('МЕД-95');
    await section.getByRole('spinbutton', { name: text.crew }).fill('3');
    await section.getByRole('button', { name: text.save }).click();
    await expect(section.getByTestId('admin-units-outcome')).toHaveText(text.unitChanged);
    await expect(row.locator('th')).toHaveText('МЕД-95');
    await expect(row.locator('td').nth(1)).toHaveText('3');
    await section.screenshot({ path: `/tmp/admin-units-${language}.png` });
  });
}
