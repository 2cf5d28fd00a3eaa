import { expect, test } from '../support/e2e/fixtures';

test.describe("the console page's Content-Security-Policy (issue 11, item 15)", () => {
  test('an injected inline script does not run, nor an inline handler, nor a script from data: or blob:', async ({
    page,
    host,
  }) => {
    await page.goto(host.url);
    await expect(page.getByTestId('connectivity')).toBeVisible();
    const outcome = await page.evaluate(async () => {
      const violations: string[] = [];
      // The hold point: each of the four injections is answered by its own violation report.
      let allReported!: () => void;
      const reported = new Promise<void>((resolve) => (allReported = resolve));
      document.addEventListener('securitypolicyviolation', (e) => {
        violations.push(e.violatedDirective);
        if (violations.length === 4) allReported();
      });
      const marks = window as unknown as Record<string, unknown>;
      const script = document.createElement('script');
      script.textContent = 'window.injectedScriptRan = true;';
      document.body.append(script);
      const image = document.createElement('img');
      image.setAttribute('onerror', 'window.injectedHandlerRan = true;');
      image.src = 'data:image/png;base64,broken';
      document.body.append(image);
      for (const src of [
        'data:text/javascript,window.dataScriptRan=true',
        URL.createObjectURL(new Blob(['window.blobScriptRan = true;'], { type: 'text/javascript' })),
      ]) {
        const external = document.createElement('script');
        external.src = src;
        document.body.append(external);
      }
      await reported;
      return {
        scriptRan: marks.injectedScriptRan === true,
        handlerRan: marks.injectedHandlerRan === true,
        dataScriptRan: marks.dataScriptRan === true,
        blobScriptRan: marks.blobScriptRan === true,
        violations,
      };
    });
    expect(outcome.scriptRan).toBe(false);
    expect(outcome.handlerRan).toBe(false);
    expect(outcome.dataScriptRan).toBe(false);
    expect(outcome.blobScriptRan).toBe(false);
    expect(outcome.violations).toHaveLength(4);
    expect(outcome.violations.every((directive) => directive.startsWith('script-src'))).toBe(true);
  });

  test('blob: URLs are allowed for images and media only — what the attachment viewer uses — and never for a frame or an object', async ({
    page,
    host,
  }) => {
    await page.goto(host.url);
    await expect(page.getByTestId('connectivity')).toBeVisible();
    const outcome = await page.evaluate(async () => {
      const violations: string[] = [];
      let bothReported!: () => void;
      const reported = new Promise<void>((resolve) => (bothReported = resolve));
      document.addEventListener('securitypolicyviolation', (e) => {
        violations.push(e.effectiveDirective);
        if (violations.length === 2) bothReported();
      });
      // A 1×1 PNG, as the viewer gets a photo's bytes from main.
      const png = Uint8Array.from(
        atob(
          'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
        ),
        (c) => c.charCodeAt(0),
      );
      const image = document.createElement('img');
      const decoded = new Promise<number>((resolve) => {
        image.onload = () => resolve(image.naturalWidth);
        image.onerror = () => resolve(0);
      });
      image.src = URL.createObjectURL(new Blob([png], { type: 'image/png' }));
      document.body.append(image);
      const html = URL.createObjectURL(new Blob(['<p>framed</p>'], { type: 'text/html' }));
      const frame = document.createElement('iframe');
      frame.src = html;
      document.body.append(frame);
      const object = document.createElement('object');
      object.data = html;
      document.body.append(object);
      const imageWidth = await decoded;
      await reported;
      return { imageWidth, violations };
    });
    expect(outcome.imageWidth).toBe(1);
    expect(outcome.violations.sort()).toEqual(['frame-src', 'object-src']);
  });
});
