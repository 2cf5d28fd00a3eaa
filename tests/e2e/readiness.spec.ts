import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import WebSocket from 'ws';
import { WorkstationReadinessSchema } from '../../domain/workstation/workstation';
import { expect, startConsoleHost, test } from '../support/e2e/fixtures';

const FIRST_CHECK_MS = 40_000;

/** Central with its demo accounts as its own process, the documented way (`npm run central -- --demo`). */
async function startDemoCentral(): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'central/main.ts'], {
    env: { ...process.env, CENTRAL_PORT: '0', CENTRAL_DEMO: '1', CENTRAL_LOG: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`central exited with ${code}:\n${output}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      output += String(chunk);
      const found = /central listening on (\S+)/.exec(output)?.[1];
      if (found) resolve(found);
    });
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

/** Asks the running host for `workstation.readiness` over the contract, as the call feature will. */
async function readinessOverContract(url: string) {
  const { origin, hash } = new URL(url);
  const secret = new URLSearchParams(hash.slice(1)).get('secret') ?? '';
  const socket = new WebSocket(`${origin.replace('http', 'ws')}/api?secret=${encodeURIComponent(secret)}`, {
    origin,
  });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const reply = new Promise<unknown>((resolve) =>
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { kind: string; result?: { value?: unknown } };
      if (message.kind === 'result') resolve(message.result?.value);
    }),
  );
  socket.send(JSON.stringify({ kind: 'call', id: 1, method: 'workstation.readiness', input: {} }));
  const value = WorkstationReadinessSchema.parse(await reply);
  socket.close();
  return value;
}

test.describe('workstation readiness (§27)', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('console102.language', 'en'));
  });

  test('with video calls set to block and no camera, readiness and the frame say calls are blocked and why', async ({
    page,
    dataDir,
  }, testInfo) => {
    writeFileSync(
      join(dataDir, 'config.json'),
      JSON.stringify({ workstation: { videoCallPolicy: 'block' } }),
    );
    const host = await startConsoleHost(dataDir);
    try {
      // The camera is gone from this workstation: the window lists every device but it.
      await page.addInitScript(() => {
        const devices = navigator.mediaDevices;
        const all = devices.enumerateDevices.bind(devices);
        devices.enumerateDevices = async () => (await all()).filter((d) => d.kind !== 'videoinput');
      });
      await page.goto(host.url);
      const status = page.getByTestId('workstation-status');
      // The first check waits for Chromium to list media devices, which takes seconds on a busy machine.
      await expect(status).toContainText('video calls blocked', { timeout: FIRST_CHECK_MS });
      await status.click();

      await expect(page.getByRole('heading', { name: 'Workstation readiness' })).toBeVisible();
      for (const id of [
        'processor',
        'memory',
        'os',
        'browser',
        'soundCard',
        'camera',
        'headset',
        'mouse',
        'keyboard',
      ]) {
        await expect(page.getByTestId(`readiness-item-${id}`)).toBeVisible();
      }
      const camera = page.getByTestId('readiness-item-camera');
      await expect(camera).toHaveAttribute('data-status', 'fail');
      await expect(camera).toContainText('No camera found: you cannot take video calls.');
      await expect(page.getByTestId('readiness-item-browser')).toHaveAttribute('data-status', 'pass');
      // No central in this machine config: the network is unknown with the reason, never a pass.
      await expect(page.getByTestId('readiness-item-networkSpeed')).toHaveAttribute('data-status', 'unknown');
      await expect(page.getByTestId('readiness-item-networkSpeed')).toContainText(
        'central is not configured',
      );

      const banner = page.getByTestId('video-call-readiness');
      await expect(banner).toHaveAttribute('data-state', 'blocked');
      await expect(banner).toContainText('Video calls are blocked on this workstation');
      await expect(banner).toContainText('Camera: not found');

      const readiness = await readinessOverContract(host.url);
      expect(readiness.videoCalls.state).toBe('blocked');
      expect(readiness.videoCalls.reasons).toContainEqual(
        expect.objectContaining({ item: 'camera', status: 'fail' }),
      );

      await page.getByRole('button', { name: 'Русский' }).click();
      await expect(banner).toContainText('Камера: не найдено');
      await expect(status).toContainText('видеозвонки запрещены');
      await page.getByRole('button', { name: 'English' }).click();
      await page.screenshot({ path: testInfo.outputPath('readiness-blocked.png'), fullPage: true });
    } finally {
      await host.stop();
    }
  });

  test('asks for the camera and microphone with the reason, then shows the microphone level and the camera picture', async ({
    page,
    host,
  }, testInfo) => {
    // Chromium's fake media UI grants access silently; a real browser hides device names until the operator
    // allows access, so hide them here until the console has asked.
    await page.addInitScript(() => {
      const devices = navigator.mediaDevices;
      const all = devices.enumerateDevices.bind(devices);
      const ask = devices.getUserMedia.bind(devices);
      let allowed = false;
      devices.getUserMedia = async (constraints) => {
        const stream = await ask(constraints);
        allowed = true;
        return stream;
      };
      devices.enumerateDevices = async () =>
        (await all()).map((d) =>
          allowed
            ? d
            : ({ ...d.toJSON(), label: '', toJSON: () => ({ ...d.toJSON(), label: '' }) } as MediaDeviceInfo),
        );
    });
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Readiness' }).click();
    await expect(page.getByTestId('readiness-item-headset')).toContainText(
      'Allow camera and microphone access when the console asks',
      { timeout: FIRST_CHECK_MS },
    );
    await expect(page.getByText('Nothing is recorded or sent')).toBeVisible();
    await page.getByRole('button', { name: 'Allow and check' }).click();
    // Names become visible once access is given, so the explanation goes away.
    await expect(page.getByRole('button', { name: 'Allow and check' })).toBeHidden();
    await expect(page.getByTestId('readiness-item-camera')).toHaveAttribute('data-status', 'pass', {
      timeout: FIRST_CHECK_MS,
    });

    await page.getByRole('button', { name: 'Start the test' }).click();
    const meter = page.getByRole('meter', { name: 'Microphone level' });
    await expect.poll(async () => Number(await meter.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
    const preview = page.getByLabel('Camera picture');
    await expect.poll(() => preview.evaluate((v: HTMLVideoElement) => v.videoWidth)).toBeGreaterThan(0);
    await page.screenshot({ path: testInfo.outputPath('readiness-devices.png'), fullPage: true });

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export report (JSON)' }).click();
    expect((await download).suggestedFilename()).toMatch(/^workstation-report-.+\.json$/);
    await page.getByRole('button', { name: 'Stop the test' }).click();
  });

  test('the digitalisation unit sees every workstation and its readiness, sent by the consoles to central (§28)', async ({
    page,
    dataDir,
  }, testInfo) => {
    test.setTimeout(120_000);
    const central = await startDemoCentral();
    writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ centralUrl: central.url, role: 'admin' }));
    const host = await startConsoleHost(dataDir);
    try {
      await page.goto(host.url);
      await page.getByLabel('Login').fill('admin');
      await page.getByLabel('Password').fill('admin');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect(page.getByTestId('workstation-status')).toContainText('not ready', {
        timeout: FIRST_CHECK_MS,
      });
      await page.getByRole('button', { name: 'Workstations' }).click();
      await expect(page.getByRole('heading', { name: 'Workstations and their readiness' })).toBeVisible();
      // The workstation is known by the id kept in its data folder (two consoles on one machine are two rows).
      const workstationId = readFileSync(join(dataDir, 'workstation-id'), 'utf8').trim();
      const row = page.getByTestId(`fleet-${workstationId}`);
      await expect(async () => {
        await page.getByRole('button', { name: 'Refresh' }).click();
        await expect(row).toContainText('Not ready', { timeout: 1_000 });
      }).toPass({ timeout: 30_000 });
      await expect(row).toContainText('Operating system');
      await page.screenshot({ path: testInfo.outputPath('workstations.png'), fullPage: true });
    } finally {
      await host.stop();
      central.stop();
    }
  });
});
