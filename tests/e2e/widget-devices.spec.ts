import { freePort, startCentral } from '../support/e2e/central';
import { expect, test } from '../support/e2e/fixtures';
import { citizenWidget } from './callSupport';

/** The citizen chooses the camera and microphone (issue 13.1), and the choice is there for the next call. */
test('the widget lets the citizen choose the microphone and remembers it', async ({ browser }) => {
  const port = await freePort();
  const central = await startCentral(port);
  try {
    const citizen = await citizenWidget(browser, central.url);
    await citizen.getByText('Камера и микрофон').click();
    const microphone = citizen.getByLabel('Микрофон');
    // Chromium's fake devices: a default microphone and a few more; the camera list has the fake camera.
    await expect(microphone.locator('option')).not.toHaveCount(1);
    await expect(citizen.getByLabel('Камера').locator('option')).not.toHaveCount(1);
    const options = await microphone
      .locator('option')
      .evaluateAll((all) => all.map((o) => (o as HTMLOptionElement).value));
    const chosen = options.at(-1) ?? '';
    await microphone.selectOption(chosen);

    await citizen.reload();
    await citizen.getByText('Камера и микрофон').click();
    await expect(citizen.getByLabel('Микрофон')).toHaveValue(chosen);
    await citizen.getByRole('button', { name: 'Видеовызов' }).click();
    await expect(citizen.locator('#call')).toHaveAttribute('data-state', 'waiting');
    const used = await citizen.evaluate(() => {
      const own = (document.getElementById('ownVideo') as HTMLVideoElement).srcObject as MediaStream;
      return own.getAudioTracks()[0]?.getSettings().deviceId;
    });
    expect(used).toBe(chosen);
    await citizen.screenshot({ path: test.info().outputPath('widget-devices.png') });
    await citizen.getByRole('button', { name: 'Завершить' }).click();
  } finally {
    await central.stop();
  }
});
