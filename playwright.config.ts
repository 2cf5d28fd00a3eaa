import { defineConfig } from '@playwright/test';
import { findChromium } from './scripts/chromium.mjs';

/** The tests that make video calls (fake camera and microphone, real WebRTC). */
const CALL_SPECS = ['calls.spec.ts', 'call-recording.spec.ts', 'call-rejoin.spec.ts'];
const BLIP_SPEC = 'call-blip.spec.ts';

/** End-to-end tests drive the built renderer in Chromium against host mode (`npm run build` first). */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  projects: [
    // A call encodes and decodes video in software on both sides: two at once took both cores, and the calls'
    // own bounds (frames within seconds) then measured the machine, not the console.
    // Listed first, so they start at once on one worker while the other takes the desk's tests.
    { name: 'calls', testMatch: CALL_SPECS, workers: 1 },
    { name: 'desk', testIgnore: [...CALL_SPECS, BLIP_SPEC] },
    // Media back within 3 s of a blip (issue 13.5) is a bound in time: measured alone, after the rest.
    { name: 'blip', testMatch: BLIP_SPEC, dependencies: ['desk', 'calls'] },
  ],
  use: {
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? findChromium() ?? undefined,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
      ],
    },
  },
});
