import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadMachineConfig } from '../../main/config';
import { configErrorText, startupLanguageOf } from '../../main/configErrorText';
import { tempDir } from '../support/tempDir';

describe('the machine configuration', () => {
  const temp = tempDir();
  afterAll(() => temp.remove());
  const write = (content: string) => {
    const file = join(temp.dir, `config-${Math.random()}.json`);
    writeFileSync(file, content);
    return file;
  };

  it('falls back to defaults when the file does not exist', () => {
    expect(loadMachineConfig(join(temp.dir, 'missing.json'))).toEqual({
      centralUrl: null,
      role: 'operator',
      map: { tileUrl: null },
    });
  });

  it('reads the central URL and an internal tile server', () => {
    const file = write(
      JSON.stringify({
        centralUrl: 'https://central.102.local',
        map: { tileUrl: 'https://tiles.102.local/{z}/{x}/{y}.png' },
      }),
    );
    expect(loadMachineConfig(file)).toMatchObject({
      centralUrl: 'https://central.102.local',
      map: { tileUrl: 'https://tiles.102.local/{z}/{x}/{y}.png' },
    });
  });

  it('refuses a file that is not JSON, naming the file', () => {
    const file = write('{ centralUrl: ');
    expect(() => loadMachineConfig(file)).toThrow(ConfigError);
    expect(() => loadMachineConfig(file)).toThrow(file);
  });

  it('refuses wrong values with the field and the reason', () => {
    const file = write(
      JSON.stringify({ centralUrl: 'central', role: 'chief', map: { tileUrl: 'ftp://x' }, colour: 1 }),
    );
    let message = '';
    try {
      loadMachineConfig(file);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('centralUrl');
    expect(message).toContain('role');
    expect(message).toContain('map.tileUrl');
    expect(message).toContain('colour');
  });

  it('says what is wrong in the language of the person at the machine, not in English (issue 16)', () => {
    const file = write(
      JSON.stringify({ centralUrl: 'central', role: 'chief', map: { tileUrl: 'ftp://x' }, colour: 1 }),
    );
    let error: unknown = null;
    try {
      loadMachineConfig(file);
    } catch (caught) {
      error = caught;
    }
    if (!(error instanceof ConfigError)) throw new Error('expected a ConfigError');
    const ru = configErrorText(error, 'ru');
    expect(ru).toContain(`Пульт «102» не запущен: файл настроек ${file} заполнен неверно.`);
    expect(ru).toContain('centralUrl: нужен адрес вида http:// или https://');
    expect(ru).toContain('role: недопустимое значение; допустимы: operator, inspector');
    expect(ru).toContain('весь файл: неизвестное поле: colour');
    const kk = configErrorText(error, 'kk');
    expect(kk).toContain('баптау файлы қате толтырылған');
    expect(kk).toContain('map.tileUrl: {z}, {x} және {y} бар http(s) мекенжай үлгісі болуы керек');
    for (const text of [ru, kk]) expect(text).not.toMatch(/must be|Invalid|Unrecognized|expected/);
  });

  it('takes the language from the system locale, Kazakh when it is neither kk, ru nor en', () => {
    expect(startupLanguageOf(['ru-RU'])).toBe('ru');
    expect(startupLanguageOf([undefined, 'C.UTF-8', 'kk_KZ.UTF-8'])).toBe('kk');
    expect(startupLanguageOf(['de-DE'])).toBe('kk');
  });

  it('lets CONSOLE_CENTRAL_URL replace the central URL, validated like the file', () => {
    const file = write(JSON.stringify({ centralUrl: 'https://central.102.local' }));
    expect(loadMachineConfig(file, { CONSOLE_CENTRAL_URL: 'http://127.0.0.1:8102' }).centralUrl).toBe(
      'http://127.0.0.1:8102',
    );
    expect(() => loadMachineConfig(file, { CONSOLE_CENTRAL_URL: 'nowhere' })).toThrow('CONSOLE_CENTRAL_URL');
  });

  it('accepts the example IT installs beside the app', () => {
    const example = join(__dirname, '../../resources/config.example.json');
    expect(loadMachineConfig(example).workstation?.videoCallPolicy).toBe('block');
  });
});
