import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layerConfig } from '../../main/config/layers';
import { POLICY_KEY } from '../../main/config/managedLocations';
import { parseRegQuery, policySettings } from '../../main/config/registryPolicy';

const recorded = (name: string) => readFileSync(join(__dirname, '../fixtures/reg-query', name), 'utf8');
const policyOf = (name: string) => policySettings(parseRegQuery(recorded(name)), POLICY_KEY);

describe('the Group Policy reader, on recorded reg query output', () => {
  it('reads REG_SZ, REG_DWORD and REG_MULTI_SZ values and the subkeys', () => {
    const keys = parseRegQuery(recorded('full-policy.txt'));
    expect(keys.map((k) => k.path)).toEqual([
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\KZ Police\\102 Console',
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\KZ Police\\102 Console\\Hotkeys',
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\KZ Police\\102 Console\\ReadinessThresholds',
    ]);
    const root = keys[0]?.values;
    expect(root?.get('CentralUrl')).toBe('https://central.102.police.kz');
    expect(root?.get('RecordingRetentionDays')).toBe(30);
    expect(root?.get('IceServers')).toEqual([
      'stun:stun.102.police.kz:3478',
      'turn:turn.102.police.kz:3478?transport=udp',
      'turns:turn.102.police.kz:5349',
    ]);
  });

  it('turns the policy into settings, with TURN’s account on the TURN servers only', () => {
    expect(policyOf('full-policy.txt')).toEqual({
      centralUrl: 'https://central.102.police.kz',
      map: { tileUrl: 'https://tiles.102.police.kz/{z}/{x}/{y}.png' },
      role: 'duty',
      territory: 'almaty-city',
      language: 'kk',
      recordingRetentionDays: 30,
      offlineSignInMaxAgeHours: 48,
      workstation: { videoCallPolicy: 'block', thresholds: { networkAtLeastMbps: 10, processorAboveGHz: 2 } },
      iceServers: [
        { urls: 'stun:stun.102.police.kz:3478' },
        {
          urls: 'turn:turn.102.police.kz:3478?transport=udp',
          username: 'console102',
          credential: 's3cr3t-turn',
        },
        { urls: 'turns:turn.102.police.kz:5349', username: 'console102', credential: 's3cr3t-turn' },
      ],
      hotkeys: { 'cards.new': 'Alt+N', 'sync.now': 'F9' },
    });
  });

  it('is no policy when reg query lists another key or nothing', () => {
    expect(policySettings(parseRegQuery(''), POLICY_KEY)).toBeUndefined();
    expect(
      policySettings(parseRegQuery('\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Other\r\n'), POLICY_KEY),
    ).toBeUndefined();
  });

  it('passes a mistyped policy on to be reported value by value, keeping the good ones', () => {
    const effective = layerConfig([
      { source: 'user', location: 'config.json', raw: { recordingRetentionDays: 14, role: 'operator' } },
      { source: 'policy', location: POLICY_KEY, raw: policyOf('bad-values.txt') },
    ]);
    expect(effective.ignored.map((i) => `${i.source} ${i.field} ${i.reason}`).sort()).toEqual([
      'policy ScreenSaver unrecognized_keys',
      'policy centralUrl invalid_type',
      'policy recordingRetentionDays too_big',
      'policy role invalid_value',
    ]);
    // The user's values stand where the policy's were unusable.
    expect(effective.config.recordingRetentionDays).toBe(14);
    expect(effective.config.role).toBe('operator');
  });
});
