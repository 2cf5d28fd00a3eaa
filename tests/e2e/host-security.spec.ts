import { expect, test } from '../support/e2e/fixtures';

test.describe('host mode refuses strangers', () => {
  test('a page opened with a wrong secret cannot reach the console and says the address is wrong, not "reconnecting"', async ({
    page,
    host,
  }) => {
    await page.addInitScript(() => localStorage.setItem('console102.language', 'ru'));
    await page.goto(`${host.origin}/#secret=not-the-secret`);
    await expect(page.getByTestId('console-refused')).toContainText('Этот адрес не принадлежит пульту');
    await expect(page.getByTestId('console-lost')).toHaveCount(0);
  });

  test('a page on a foreign origin cannot open the WebSocket even with the right secret', async ({
    page,
    host,
  }) => {
    const secret = new URL(host.url).hash.replace('#secret=', '');
    const port = new URL(host.origin).port;
    // Same host and port, other origin: the browser sends Origin http://localhost:PORT.
    await page.goto(`http://localhost:${port}/does-not-exist`);
    const outcome = await page.evaluate(
      ([p, s]) =>
        new Promise<string>((resolve) => {
          const socket = new WebSocket(`ws://127.0.0.1:${p}/api?secret=${encodeURIComponent(s ?? '')}`);
          socket.onopen = () => resolve('open');
          socket.onclose = () => resolve('refused');
        }),
      [port, secret] as const,
    );
    expect(outcome).toBe('refused');
  });

  test('the right page with the right secret is served', async ({ page, host }) => {
    await page.goto(host.url);
    await expect(page.getByTestId('connectivity')).toBeVisible();
    // The secret leaves the address bar once the console has it.
    expect(page.url()).not.toContain('secret');
  });
});
