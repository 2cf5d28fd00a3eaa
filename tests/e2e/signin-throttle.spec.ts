import { expect, test } from '../support/e2e/centralTest';

/** What the operator reads, as renderer/features/session/i18n.ts says it (the e2e project does not compile the renderer). */
const TEXT = {
  kk: {
    login: 'Логин',
    password: 'Құпиясөз',
    signIn: 'Кіру',
    locked: 'Бұл жұмыс орнынан сәтсіз әрекеттер тым көп. Біраз күтіп, қайталаңыз.',
  },
  ru: {
    login: 'Логин',
    password: 'Пароль',
    signIn: 'Войти',
    locked: 'Слишком много неудачных попыток с этого рабочего места. Подождите немного и повторите.',
  },
} as const;

test.describe.configure({ timeout: 360_000 });

test('tells an operator who mistyped too often to wait a little, in kk and ru (issue 11 item 7)', async ({
  page,
  withCentral,
}) => {
  const { host } = await withCentral();
  for (const language of ['kk', 'ru'] as const) {
    const text = TEXT[language];
    if (language === 'kk') {
      await page.addInitScript(() => localStorage.setItem('console102.language', 'kk'));
      await page.goto(host.url);
    } else await page.getByRole('button', { name: 'Русский' }).click();
    const alert = page.getByRole('alert');
    // A few typos are free; then central asks this workstation to wait before the next guess.
    let refusal = '';
    for (let attempt = 0; attempt < 8 && !refusal.includes(text.locked); attempt++) {
      await page.getByLabel(text.login, { exact: true }).fill('operator');
      await page.getByLabel(text.password, { exact: true }).fill('wrong guess');
      await page.getByRole('button', { name: text.signIn, exact: true }).click();
      await expect(alert).toBeVisible({ timeout: 30_000 });
      refusal = (await alert.textContent()) ?? '';
    }
    await expect(alert).toHaveText(text.locked);
    await page.screenshot({ path: `/tmp/security-signin-locked-${language}.png` });
  }
});
