import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, startConsoleHost, test } from '../support/e2e/fixtures';

/**
 * Hotkeys set by Group Policy (issue 15): the console answers to IT's key instead of the default, F1 and the
 * section buttons show it, and a key another command already has is ignored, with the reason in About.
 * The policy is recorded `reg query` output (CONSOLE_POLICY_REG_QUERY), read by the same parser as on Windows.
 */
const POLICY = [
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\KZ Police\\102 Console',
  '    Language    REG_SZ    ru',
  '',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\KZ Police\\102 Console\\Hotkeys',
  '    section.about    REG_SZ    F9',
  '    sync.now    REG_SZ    Alt+N',
  '',
].join('\r\n');

test('a hotkey set by Group Policy opens its section, F1 shows it, a clashing one is ignored with the reason', async ({
  page,
  dataDir,
}) => {
  const policyFile = join(dataDir, 'policy-reg-query.txt');
  writeFileSync(policyFile, POLICY);
  const host = await startConsoleHost(dataDir, 0, { CONSOLE_POLICY_REG_QUERY: policyFile });
  try {
    await page.goto(host.url);
    const nav = page.getByRole('navigation');
    await expect(nav.getByRole('button', { name: /О программе/ })).toContainText('F9');

    // The default Alt+0 is IT's F9 now.
    await page.keyboard.press('Alt+0');
    await expect(page.getByRole('heading', { name: 'О программе и диагностика' })).toBeHidden();
    await page.keyboard.press('F9');
    await expect(page.getByRole('heading', { name: 'О программе и диагностика' })).toBeVisible();

    const ignored = page.getByTestId('about-ignored-hotkeys');
    await expect(ignored).toContainText('sync.now');
    await expect(ignored).toContainText('эти клавиши уже заняты другой командой');
    const policyRow = page.getByTestId('about-config').locator('tr[data-field="hotkeys"]');
    await expect(policyRow).toHaveAttribute('data-source', 'policy');

    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: 'Горячие клавиши' });
    await expect(help.getByTestId('hotkey-row').filter({ hasText: 'О программе' })).toContainText('F9');
    // Alt+N stays the new card's: the clashing policy key did not take it.
    await expect(help.getByTestId('hotkey-row').filter({ hasText: 'Alt+N' })).toHaveCount(1);
    await expect(help.getByTestId('hotkey-row').filter({ hasText: 'Alt+Y' })).toHaveCount(1);
  } finally {
    await host.stop();
  }
});
