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
    await page.addInitScript((lng) => localStorage.setItem('console102.language', lng), language);
    const { host } = await withCentral();
    await page.goto(host.url);
    await page.getByLabel('Логин', { exact: true }).fill('admin');
    await page.getByLabel(text.password, { exact: true }).fill('admin');
    await page.getByRole('button', { name: text.signIn, exact: true }).click();
    await page.getByRole('navigation').getByRole('button', { name: text.nav }).click();
    await page.getByRole('tab', { name: text.directories }).click();
    const services = page.getByTestId('admin-services');
    // The demo's services are listed with what they take (nothing yet).
    await expect(services.locator('tr[data-service="akimat"]')).toBeVisible();

    const fill = async () => {
      await page.getByLabel(text.id).fill('gas-service');
      await page.getByLabel(text.nameKk).fill('Газ қызметі');
      await page.getByLabel(text.nameRu).fill('Газовая служба');
      await page.getByLabel(text.competenceKk).fill('Газдың иісі, газ құбырының зақымдануы');
      await page.getByLabel(text.competenceRu).fill('Запах газа, повреждение газопровода');
      await page.getByRole('button', { name: text.save }).click();
    };
    await fill();
    await expect(page.getByTestId('admin-services-outcome')).toHaveText(text.created);
    const row = services.locator('tr[data-service="gas-service"]');
    await expect(row).toContainText(text.shown);

    await fill();
    await expect(page.getByRole('alert')).toHaveText(text.taken);

    // Changing it: the keyboard reaches the row's button, the form takes the service, its id stays.
    await page.getByRole('button', { name: text.change }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel(text.id)).toBeDisabled();
    await page.getByLabel(language === 'kk' ? text.competenceKk : text.competenceRu).fill(text.edited);
    await page.getByRole('button', { name: text.save }).click();
    await expect(page.getByTestId('admin-services-outcome')).toHaveText(text.changed);
    await expect(row.locator('td').nth(1)).toHaveText(text.edited);
    await page.screenshot({ path: `/tmp/admin-services-${language}.png`, fullPage: true });
  });
}
