import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { MANAGED_PRODUCT } from '../../main/config/managedLocations';

const repo = resolve(__dirname, '../..');
// js-yaml ships no types here; electron-builder itself reads its configuration with it.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
const config = yaml.load(readFileSync(resolve(repo, 'electron-builder.yml'), 'utf8')) as {
  appId: string;
  productName: string;
  publish: unknown;
  win: { icon: string };
  msi: Record<string, unknown>;
};

describe('electron-builder.yml, the MSI IT deploys', () => {
  const schema = JSON.parse(
    readFileSync(resolve(repo, 'node_modules/app-builder-lib/scheme.json'), 'utf8'),
  ) as object;
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

  it('is valid against electron-builder’s own schema', () => {
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('would be refused by that schema with a misspelt option (the check bites)', () => {
    expect(validate({ ...config, msi: { ...config.msi, perMachin: true } })).toBe(false);
  });

  it('keeps the upgrade code, the app id and the product name IT’s deployments rely on', () => {
    // Changing any of these makes Windows treat a new MSI as another product: two consoles side by side.
    expect(config.msi.upgradeCode).toBe('41107304-5861-4d24-a521-34c16e9d282b');
    expect(config.appId).toBe('kz.police.console102');
    expect(config.productName).toBe('102 Console');
    expect(MANAGED_PRODUCT).toBe(config.productName);
  });

  it('installs per machine with a Start-menu shortcut, never starts after a silent install and has no updater', () => {
    expect(config.msi).toMatchObject({
      perMachine: true,
      runAfterFinish: false,
      createStartMenuShortcut: true,
    });
    expect(config.publish).toBeNull();
    const packageJson = readFileSync(resolve(repo, 'package.json'), 'utf8');
    expect(packageJson).not.toContain('electron-updater');
  });

  it('packs the product’s own icon', () => {
    const ico = readFileSync(resolve(repo, config.win.icon));
    // An .ico header: reserved 0, type 1 (icon), then at least the 16, 32, 48 and 256 px images.
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
  });
});
