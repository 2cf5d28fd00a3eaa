import { describe, expect, it } from 'vitest';
import { browserFromUserAgent, compareVersions } from '../../domain/workstation/workstation';
import { windowsVersionOf } from '../../domain/workstation/workstationEvaluate';

describe('versions the readiness check compares (§27)', () => {
  it('compares dotted versions part by part as numbers', () => {
    expect(compareVersions('86.0.4240.183', '86.0.4240.183')).toBe(0);
    expect(compareVersions('86.0.4240.99', '86.0.4240.183')).toBe(-1);
    expect(compareVersions('86.0.4240.1830', '86.0.4240.183')).toBe(1);
    expect(compareVersions('140', '86.0.4240.183')).toBe(1);
    expect(compareVersions('86', '86.0.0.0')).toBe(0);
    expect(compareVersions('82.0.2', '82.0.10')).toBe(-1);
  });

  it('reads the engine from a user agent, Edge counting as Chrome', () => {
    expect(
      browserFromUserAgent(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/86.0.4240.183 Safari/537.36',
      ),
    ).toEqual({ engine: 'chrome', version: '86.0.4240.183', source: 'user_agent' });
    expect(
      browserFromUserAgent(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36 Edg/140.0.0.0',
      )?.version,
    ).toBe('140.0.0.0');
    expect(
      browserFromUserAgent('Mozilla/5.0 (Windows NT 10.0; rv:82.0) Gecko/20100101 Firefox/82.0.2'),
    ).toEqual({
      engine: 'firefox',
      version: '82.0.2',
      source: 'user_agent',
    });
    expect(browserFromUserAgent('curl/8.0')).toBeNull();
  });

  it('names the Windows version from the distro, or from the release when the distro does not say', () => {
    expect(windowsVersionOf('Microsoft Windows 10 Pro', '10.0.19045')).toBe('10');
    expect(windowsVersionOf('Microsoft Windows 11 Pro', '10.0.22631')).toBe('11');
    expect(windowsVersionOf('Microsoft Windows 8.1 Pro', '6.3.9600')).toBe('8.1');
    expect(windowsVersionOf('Microsoft Windows 7 Professional', '6.1.7601')).toBe('7');
    expect(windowsVersionOf('Windows', '10.0.22000')).toBe('11');
    expect(windowsVersionOf('Windows', '6.2.9200')).toBe('8');
    expect(windowsVersionOf('Microsoft Windows Server 2019 Standard', '10.0.17763')).toBeNull();
  });
});
