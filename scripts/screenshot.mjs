// Developer helper: `node scripts/screenshot.mjs URL out.png [kk|ru|en] [dark|light]` takes a screenshot of the console.
import { chromium } from 'playwright-core';
import { findChromium } from './chromium.mjs';

const [url, out, language, theme] = process.argv.slice(2);
if (!url || !out) {
  console.error('Usage: node scripts/screenshot.mjs URL out.png [kk|ru|en] [dark|light]');
  process.exit(2);
}
const executablePath = findChromium();
if (!executablePath) {
  console.error('No Chromium found: set CHROMIUM_PATH or install chromium.');
  process.exit(2);
}
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
page.on('pageerror', (error) => console.error('page error:', error.message));
await page.addInitScript(
  ([l, t]) => {
    if (l) localStorage.setItem('console102.language', l);
    if (t) localStorage.setItem('console102.theme', t);
  },
  [language, theme],
);
await page.goto(url);
await page.waitForLoadState('networkidle');
await page.screenshot({ path: out });
await browser.close();
