import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { signIn } from '../support/e2e/central';
import { expect, test } from '../support/e2e/centralTest';
import { aPngPhoto } from '../support/e2e/pngImage';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** What central stored as complete uploads (`<id>`; `.json` and `.part` files are uploads in progress). */
const storedOnCentral = (attachmentsDir: string) => {
  const dir = join(attachmentsDir, 'card-files');
  return readdirSync(dir)
    .filter((name) => !name.includes('.'))
    .map((name) => sha256(readFileSync(join(dir, name))))
    .sort();
};

test.describe('photos on a card', () => {
  test.describe.configure({ timeout: 240_000 });
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('console102.language', 'en'));
  });

  test('a PNG attached with Alt+P to a new card saves the card, uploads after it, and central keeps the same bytes', async ({
    page,
    withCentral,
    dataDir,
  }) => {
    const attachmentsDir = join(dataDir, 'central-attachments');
    const { host } = await withCentral({ CENTRAL_ATTACHMENTS_DIR: attachmentsDir });
    await page.goto(host.url);
    await signIn(page, 'operator', 'operator');
    // Two cores shared with other suites: steps that wait on central or a 1 MB round trip get room.
    const busy = { timeout: 30_000 };
    await expect(page.getByTestId('connectivity')).toContainText('Online', busy);
    await expect(page.getByText('Attaching a photo saves this new card first.')).toBeVisible();

    const photo = aPngPhoto(640, 480);
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Alt+p');
    await (await chooser).setFiles({ name: 'yard.png', mimeType: 'image/png', buffer: photo });

    await expect(page.getByTestId('card-list-item')).toHaveCount(1, busy);
    const item = page.getByTestId('card-photo');
    await expect(item).toHaveCount(1, busy);
    await expect(item).toContainText('yard.png');
    await expect(item).toContainText(/\d KB/);
    await expect(item.getByTestId('card-photo-upload')).toHaveText('Uploaded to central', {
      timeout: 60_000,
    });
    await expect(item.getByRole('img', { name: 'yard.png' })).toHaveJSProperty('naturalWidth', 640, busy);
    expect(storedOnCentral(attachmentsDir)).toEqual([sha256(photo)]);

    // Dropped onto the card: a second photo is attached, a GIF is refused with its name.
    const second = aPngPhoto(480, 360, [150, 60, 40]);
    const dataTransfer = await page.evaluateHandle((png) => {
      const transfer = new DataTransfer();
      const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], 'подъезд 3.png', { type: 'image/png' }));
      transfer.items.add(new File(['GIF89a, an animation'], 'animation.gif', { type: 'image/gif' }));
      return transfer;
    }, second.toString('base64'));
    const card = page.getByTestId('card-form');
    await card.dispatchEvent('dragenter', { dataTransfer });
    await expect(page.getByText('Drop the photos to attach them to this card')).toBeVisible();
    await card.dispatchEvent('drop', { dataTransfer });
    await expect(card.getByRole('alert')).toHaveText('animation.gif: not a JPEG, PNG or WebP photo.');
    await expect(page.getByTestId('card-photo')).toHaveCount(2, busy);
    await expect(page.getByTestId('card-photo-upload').nth(1)).toHaveText('Uploaded to central', {
      timeout: 60_000,
    });
    expect(storedOnCentral(attachmentsDir)).toEqual([sha256(photo), sha256(second)].sort());

    // Reopened later, the card shows its photos again, previews read back from the console's data folder.
    await page.reload();
    await page.getByTestId('card-list-item').click();
    await expect(page.getByRole('img', { name: 'подъезд 3.png' })).toHaveJSProperty(
      'naturalWidth',
      480,
      busy,
    );
    await expect(page.getByTestId('card-photo-upload')).toHaveText([
      'Uploaded to central',
      'Uploaded to central',
    ]);

    await page.keyboard.press('F1');
    await expect(page.getByRole('dialog')).toContainText('Alt+PAttach a photo to the card');
  });
});
