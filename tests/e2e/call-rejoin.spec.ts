import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startCentral } from '../support/e2e/central';
import { expect, test } from '../support/e2e/fixtures';
import {
  citizenWidget,
  expectFramesDecoded,
  mediaFigures,
  operatorDesk,
  type OperatorDesk,
} from './callSupport';

/**
 * The console's window is reloaded during a call (issue 13.5): the call goes on at central and at the
 * citizen's, the card and what the operator typed are still there (main's store), and the operator rejoins the
 * same call with Alt+A: a new peer connection inside the same call session, answered by the widget.
 */
test('a window reloaded during a call keeps the card and rejoins the call', async ({ browser }) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'call-rejoin-'));
  const port = await freePort();
  const central = await startCentral(port);
  let desk: OperatorDesk | null = null;
  try {
    desk = await operatorDesk(browser, dir, port, { login: 'operator', password: 'operator' });
    const operator = desk.page;
    const citizen = await citizenWidget(browser, central.url);
    await citizen.getByRole('button', { name: 'Видеовызов' }).click();
    await expect(operator.getByTestId('ringing-call')).toHaveCount(1);
    await operator.keyboard.press('Alt+A');
    await expectFramesDecoded(operator);
    await expectFramesDecoded(citizen);

    // The operator types on the call's card; the save shows in the card list.
    await operator.locator('#card-address').fill('Абая, 10, подъезд 2');
    await operator.locator('#card-category').selectOption({ index: 1 });
    const category = await operator.locator('#card-category option:checked').innerText();
    await expect(operator.getByTestId('card-list-item').first()).toContainText(category);

    await operator.reload();
    await expect(operator.getByTestId('call-phase')).toHaveText('The call goes on: rejoin it');
    await expect(operator.locator('#card-address')).toHaveValue('Абая, 10, подъезд 2');
    await operator.screenshot({ path: test.info().outputPath('console-rejoin.png') });
    // The citizen's call did not end.
    await expect(citizen.locator('#call')).not.toHaveAttribute('data-state', /ended|failed/);

    await operator.keyboard.press('Alt+A');
    await expect(operator.getByTestId('call-phase')).toHaveText('In call');
    await expectFramesDecoded(operator);
    const before = (await mediaFigures(citizen)).framesDecoded;
    await expect.poll(async () => (await mediaFigures(citizen)).framesDecoded).toBeGreaterThan(before + 5);
    await expect(citizen.locator('#call')).toHaveAttribute('data-state', 'inCall');
    await expect(operator.locator('#card-address')).toHaveValue('Абая, 10, подъезд 2');

    await operator.keyboard.press('Alt+H');
    await expect(citizen.locator('#callState')).toHaveText('Оператор завершил вызов.');
  } finally {
    await desk?.host.stop();
    await central.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
