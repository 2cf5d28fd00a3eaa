import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startCentral } from '../support/e2e/central';
import {
  aSecondOperator,
  ALMATY_CENTRE,
  citizenWidget,
  citizenWidgetContext,
  expectFramesDecoded,
  mediaFigures,
  operatorDesk,
  type OperatorDesk,
} from './callSupport';
import { expect, test } from '../support/e2e/fixtures';
import { startCoturn } from '../support/coturn';

/**
 * A citizen's video call from the widget to two operators' consoles (§7, §18, issue 13): both ring, one
 * accepts by hotkey, the other stops ringing, both sides decode each other's video, and a hang-up on
 * either side ends the call for both. Real central, two real consoles, real Chromium WebRTC (fake camera).
 */
test.describe('a citizen calls the 102 operators', () => {
  test.describe.configure({ timeout: 240_000 });

  test('two consoles ring; the first to press Alt+A gets the call; both sides see video; either side hangs up', async ({
    browser,
  }) => {
    const dirs = [mkdtempSync(join(tmpdir(), 'calls-a-')), mkdtempSync(join(tmpdir(), 'calls-b-'))];
    const port = await freePort();
    const central = await startCentral(port);
    const desks: OperatorDesk[] = [];
    try {
      const second = await aSecondOperator(central.url);
      const [dirA = '', dirB = ''] = dirs;
      const a = await operatorDesk(browser, dirA, port, { login: 'operator', password: 'operator' });
      desks.push(a);
      const b = await operatorDesk(browser, dirB, port, second);
      desks.push(b);

      const { page: citizen, context: citizenPhone } = await citizenWidgetContext(browser, central.url);
      await citizen.getByRole('button', { name: 'Видеовызов' }).click();
      await expect(citizen.locator('#call')).toHaveAttribute('data-state', 'waiting');

      for (const desk of [a, b]) await expect(desk.page.getByTestId('ringing-call')).toHaveCount(1);
      await expect(a.page.getByTestId('ringing-call')).toContainText('Call');

      await a.page.screenshot({ path: test.info().outputPath('ringing-panel.png') });
      await citizen.screenshot({ path: test.info().outputPath('widget-waiting.png') });
      await a.page.keyboard.press('Alt+A');
      await expect(a.page.getByTestId('call-view')).toBeVisible();
      // The card opens beside the call with the caller's place, from the caller's device (§9 step 3).
      await expect(a.page.locator('#card-lat')).toHaveValue(String(ALMATY_CENTRE.latitude));
      await expect(a.page.locator('#card-lon')).toHaveValue(String(ALMATY_CENTRE.longitude));
      await expect(a.page.getByText('from the caller’s device')).toBeVisible();
      // The other console stops ringing at once and has no call.
      await expect(b.page.getByTestId('ringing-call')).toHaveCount(0);
      await expect(b.page.getByTestId('call-view')).toHaveCount(0);

      await expect(citizen.locator('#call')).toHaveAttribute('data-state', 'inCall');
      await expect(a.page.getByTestId('call-phase')).toHaveText('In call');
      await expectFramesDecoded(a.page);
      await expectFramesDecoded(citizen);
      // The console's own quality figures come from the same getStats.
      await expect
        .poll(async () => Number(await a.page.getByTestId('stats-frames').getAttribute('data-value')))
        .toBeGreaterThan(0);

      await a.page.screenshot({ path: test.info().outputPath('call-view.png') });
      await citizen.screenshot({ path: test.info().outputPath('widget-in-call.png') });
      // The citizen walks ~300 m: the card's place follows the device.
      await citizenPhone.setGeolocation({ latitude: 43.2594, longitude: 76.9286 });
      await expect(a.page.locator('#card-lat')).toHaveValue('43.2594');
      // Once the operator types the place, the device no longer moves it.
      await a.page.locator('#card-lat').fill('43.25');
      await citizenPhone.setGeolocation({ latitude: 43.2621, longitude: 76.9286 });
      // The place is the operator's now; the caller's last place is only offered back beside it.
      await expect(a.page.getByTestId('card-place-source')).toContainText('typed');
      await expect(a.page.locator('#card-lat')).toHaveValue('43.25');

      // The citizen hangs up: the operator's call ends too.
      await citizen.getByRole('button', { name: 'Завершить' }).click();
      await expect(citizen.locator('#call')).toHaveAttribute('data-state', 'ended');
      await expect(a.page.getByTestId('call-phase')).toHaveText('Call ended');
      await expect(a.page.getByTestId('call-view')).toContainText('The caller ended the call.');
      await a.page.getByRole('button', { name: 'Close' }).click();

      // A second call, taken by the other operator this time with the button, ended by the operator.
      await citizen.getByRole('button', { name: 'Новое обращение' }).click();
      await citizen.getByRole('button', { name: 'Видеовызов' }).click();
      await expect(b.page.getByTestId('ringing-call')).toHaveCount(1);
      await b.page.getByRole('button', { name: /Accept/ }).click();
      await expect(a.page.getByTestId('ringing-call')).toHaveCount(0);
      await expectFramesDecoded(b.page);
      await b.page.keyboard.press('Alt+H');
      await expect(b.page.getByTestId('call-phase')).toHaveText('Call ended');
      await expect(citizen.locator('#call')).toHaveAttribute('data-state', 'ended');
      await expect(citizen.locator('#callState')).toHaveText('Оператор завершил вызов.');
      expect((await mediaFigures(citizen)).candidateTypes).not.toContain('relay');
    } finally {
      for (const desk of desks) await desk.host.stop();
      await central.stop();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    }
  });

  test('relay only: the same call through a real coturn with the credentials central hands out', async ({
    browser,
  }) => {
    const dir = mkdtempSync(join(tmpdir(), 'calls-relay-'));
    const coturn = await startCoturn();
    const port = await freePort();
    const central = await startCentral(port, {
      CENTRAL_TURN_URLS: coturn.turnUrl,
      CENTRAL_TURN_SECRET: coturn.secret,
      CENTRAL_ICE_RELAY_ONLY: '1',
    });
    let desk: OperatorDesk | null = null;
    try {
      desk = await operatorDesk(browser, dir, port, { login: 'operator', password: 'operator' });
      const citizen = await citizenWidget(browser, central.url);
      await citizen.getByRole('button', { name: 'Аудиовызов' }).click();
      await expect(desk.page.getByTestId('ringing-call')).toContainText('audio');
      await citizen.getByRole('button', { name: 'Завершить' }).click();
      await expect(desk.page.getByTestId('ringing-call')).toHaveCount(0);

      await citizen.getByRole('button', { name: 'Новое обращение' }).click();
      await citizen.getByRole('button', { name: 'Видеовызов' }).click();
      await expect(desk.page.getByTestId('ringing-call')).toContainText('video');
      await desk.page.keyboard.press('Alt+A');
      await expectFramesDecoded(desk.page);
      await expectFramesDecoded(citizen);
      // Both ends of the path in use are relay candidates: the media went through coturn.
      for (const page of [desk.page, citizen])
        expect((await mediaFigures(page)).candidateTypes).toEqual(['relay', 'relay']);
      await expect(desk.page.getByTestId('stats-bitrate')).toContainText('through the relay server');
      await desk.page.getByRole('button', { name: /Hang up/ }).click();
      await expect(citizen.locator('#call')).toHaveAttribute('data-state', 'ended');
    } finally {
      await desk?.host.stop();
      await central.stop();
      await coturn.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a citizen who hangs up while the call is still being set up is never connected: the ring stops, the camera goes off', async ({
    browser,
  }) => {
    const dir = mkdtempSync(join(tmpdir(), 'calls-early-hangup-'));
    const port = await freePort();
    const central = await startCentral(port);
    let desk: OperatorDesk | null = null;
    try {
      desk = await operatorDesk(browser, dir, port, { login: 'operator', password: 'operator' });
      const citizen = await citizenWidget(browser, central.url);
      // The ICE servers' answer is held back: the appeal rings already, the widget has no call yet.
      let release = () => undefined as void;
      const held = new Promise<void>((resolve) => (release = resolve));
      await citizen.route('**/api/appeals/*/ice', async (route) => {
        await held;
        await route.continue();
      });
      await citizen.getByRole('button', { name: 'Видеовызов' }).click();
      await expect(desk.page.getByTestId('ringing-call')).toHaveCount(1);
      await citizen.getByRole('button', { name: 'Завершить' }).click();
      await expect(citizen.locator('#call')).toHaveAttribute('data-state', 'ended');
      release();

      // Before, the call went on once the answer came: it rang on, and the camera of a citizen who had hung up
      // was one accept away from the operator.
      await expect(desk.page.getByTestId('ringing-call')).toHaveCount(0);
      const cameraOff = await citizen.evaluate(() => {
        const own = (document.getElementById('ownVideo') as HTMLVideoElement).srcObject;
        return own instanceof MediaStream && own.getTracks().every((track) => track.readyState === 'ended');
      });
      expect(cameraOff).toBe(true);
      await expect(citizen.locator('#call')).toHaveAttribute('data-state', 'ended');
    } finally {
      await desk?.host.stop();
      await central.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
