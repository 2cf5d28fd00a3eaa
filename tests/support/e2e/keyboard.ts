import { type Locator, type Page, expect } from '@playwright/test';

/** Presses Tab until `target` has the focus (at most `most` times): the form's tab order reaches it from here. */
export async function tabTo(page: Page, target: Locator, most = 4) {
  for (let i = 0; i < most; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** Types into whatever has the focus, after checking it is the field the operator means. */
export async function typeInto(page: Page, field: Locator, text: string) {
  await expect(field).toBeFocused();
  await page.keyboard.type(text);
}

/**
 * §9's "what is seen" from the keyboard, starting in the typed address (Alt+G): the people, their features, one
 * vehicle (Alt+Shift+V) with plate, colour and make, the other vehicles and the buildings.
 */
export async function fillSeenByKeyboard(
  page: Page,
  seen: {
    people: string;
    features: string;
    vehicle: { plate: string; colour: string; make: string };
    vehicles: string;
    buildings: string;
  },
) {
  await tabTo(page, page.locator('#card-territory'));
  await tabTo(page, page.getByLabel('Number of people'));
  await page.keyboard.type(seen.people);
  await page.keyboard.press('Tab');
  await typeInto(page, page.getByLabel('Their features'), seen.features);
  await page.keyboard.press('Alt+Shift+V');
  await typeInto(page, page.getByLabel('Plate number'), seen.vehicle.plate);
  await page.keyboard.press('Tab');
  await typeInto(page, page.getByLabel('Colour'), seen.vehicle.colour);
  await page.keyboard.press('Tab');
  await typeInto(page, page.getByLabel('Make and model'), seen.vehicle.make);
  await tabTo(page, page.getByLabel('Other details of the vehicles'));
  await page.keyboard.type(seen.vehicles);
  await page.keyboard.press('Tab');
  await typeInto(page, page.getByLabel('Buildings'), seen.buildings);
}
