import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, startConsoleHost, test } from '../support/e2e/fixtures';

/**
 * IT's About and diagnostics screen (issue 15): each setting with where it came from, the machine file's bad
 * values ignored with the reason instead of stopping the console, and the bundle saved with a clear result.
 */
for (const { lang, words } of [
  {
    lang: 'ru',
    words: {
      title: 'О программе и диагностика',
      machine: 'файл компьютера',
      user: 'файл пользователя',
      wrongFormat: 'неверный формат',
      save: 'Сохранить пакет диагностики',
      saved: 'Сохранён:',
    },
  },
  {
    lang: 'kk',
    words: {
      title: 'Бағдарлама туралы және диагностика',
      machine: 'компьютер файлы',
      user: 'пайдаланушы файлы',
      wrongFormat: 'пішімі қате',
      save: 'Диагностика бумасын сақтау',
      saved: 'Сақталды:',
    },
  },
]) {
  test(`in ${lang}: the settings in force with their source, the ignored values, and the diagnostics bundle`, async ({
    page,
    dataDir,
  }) => {
    const machineFile = join(dataDir, 'machine-config.json');
    writeFileSync(
      machineFile,
      JSON.stringify({ territory: 'astana', map: { tileUrl: 'ftp://tiles.local/{z}' } }),
    );
    writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ recordingRetentionDays: 14 }));
    const host = await startConsoleHost(dataDir, 0, { CONSOLE_MACHINE_CONFIG: machineFile });
    try {
      await page.addInitScript((l) => localStorage.setItem('console102.language', l), lang);
      await page.goto(host.url);
      await expect(page.getByRole('navigation')).toBeVisible();
      await page.keyboard.press('Alt+0');
      await expect(page.getByRole('heading', { name: words.title })).toBeVisible();

      const config = page.getByTestId('about-config');
      await expect(config.locator('tr[data-field="territory"]')).toContainText(words.machine);
      await expect(config.locator('tr[data-field="recordingRetentionDays"]')).toContainText(words.user);
      await expect(config.locator('tr[data-field="map.tileUrl"]')).toHaveAttribute('data-source', 'default');
      const ignored = page.getByTestId('about-ignored');
      await expect(ignored).toContainText('map.tileUrl');
      await expect(ignored).toContainText(words.wrongFormat);

      await page.getByRole('button', { name: words.save }).click();
      const status = page.getByTestId('about-bundle-status');
      await expect(status).toContainText(words.saved);
      // The size with the decimal comma of kk and ru (glossary), never a decimal point.
      await expect(status).toHaveText(/\(\d+(,\d)? КБ\)\.$/);
      const file = /(\S+\.zip)/.exec((await status.textContent()) ?? '')?.[1] ?? '';
      expect(file.startsWith(join(dataDir, 'diagnostics'))).toBe(true);
      expect(existsSync(file)).toBe(true);
    } finally {
      await host.stop();
    }
  });
}

test('the screens start in the language IT set for the workstation, until the operator picks one', async ({
  page,
  dataDir,
}) => {
  writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ language: 'ru' }));
  const host = await startConsoleHost(dataDir);
  try {
    await page.goto(host.url);
    await expect(page.getByRole('navigation')).toContainText('Карточки');
    await page.getByRole('button', { name: 'Қазақша' }).click();
    await page.reload();
    await expect(page.getByRole('navigation')).toContainText('Карточкалар');
  } finally {
    await host.stop();
  }
});
