// Finds a Chromium for the end-to-end tests: CHROMIUM_PATH, Debian's /usr/bin/chromium, or Playwright's own.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  try {
    candidates.push(require('playwright-core').chromium.executablePath());
  } catch {
    // playwright-core is not installed yet, or knows no browser of its own.
  }
  return candidates.find((path) => path && existsSync(path)) ?? null;
}
