import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadEffectiveConfig } from '../../main/config';
import { POLICY_KEY } from '../../main/config/managedLocations';
import { tempDir } from '../support/tempDir';

const temp = tempDir('config-layers-');
afterAll(() => temp.remove());

interface Case {
  name: string;
  /** The machine's ProgramData config.json as written (a string is written as it is: broken JSON). */
  machine?: object | string;
  user?: object;
  env?: { CONSOLE_CENTRAL_URL?: string };
  policy?: Record<string, unknown>;
  expect: { field: string; value: unknown; source: string }[];
  ignored?: string[];
}

const CASES: Case[] = [
  {
    name: 'nothing set: the defaults',
    expect: [
      { field: 'centralUrl', value: null, source: 'default' },
      { field: 'role', value: 'operator', source: 'default' },
    ],
  },
  {
    name: 'the machine file sets what the user did not',
    machine: { centralUrl: 'https://central.102.police.kz', recordingRetentionDays: 20 },
    user: { recordingRetentionDays: 10 },
    expect: [
      { field: 'centralUrl', value: 'https://central.102.police.kz', source: 'machine' },
      { field: 'recordingRetentionDays', value: 10, source: 'user' },
    ],
  },
  {
    name: 'a policy that locks the central URL wins over the user’s config and the environment',
    user: { centralUrl: 'https://elsewhere.example' },
    env: { CONSOLE_CENTRAL_URL: 'http://127.0.0.1:9999' },
    policy: { centralUrl: 'https://central.102.police.kz' },
    expect: [{ field: 'centralUrl', value: 'https://central.102.police.kz', source: 'policy' }],
  },
  {
    name: 'the role lock by policy wins over the user’s role',
    user: { role: 'operator' },
    policy: { role: 'duty' },
    expect: [{ field: 'role', value: 'duty', source: 'policy' }],
  },
  {
    name: 'a broken ProgramData file does not stop the console',
    machine: '{ "centralUrl": ',
    user: { language: 'ru' },
    expect: [
      { field: 'centralUrl', value: null, source: 'default' },
      { field: 'language', value: 'ru', source: 'user' },
    ],
    ignored: ['machine  not_json'],
  },
  {
    name: 'a ProgramData file that is not an object is ignored',
    machine: '[1, 2]',
    expect: [{ field: 'role', value: 'operator', source: 'default' }],
    ignored: ['machine  invalid_type'],
  },
  {
    name: 'one bad machine value is ignored, its good neighbours count',
    machine: {
      map: { tileUrl: 'ftp://tiles', zoom: 3 },
      territory: 'astana',
      hotkeys: { 'cards.new': 'Alt+N' },
    },
    expect: [
      { field: 'map.tileUrl', value: null, source: 'default' },
      { field: 'territory', value: 'astana', source: 'machine' },
      { field: 'hotkeys', value: { 'cards.new': 'Alt+N' }, source: 'machine' },
    ],
    ignored: ['machine map.tileUrl invalid_format', 'machine map.zoom unrecognized_keys'],
  },
  {
    name: 'a bad policy value leaves the user’s value in force',
    user: { language: 'kk' },
    policy: { language: 'de', iceServers: [{ urls: 'http://not-ice' }] },
    expect: [
      { field: 'language', value: 'kk', source: 'user' },
      { field: 'iceServers', value: null, source: 'default' },
    ],
    ignored: ['policy iceServers.0.urls invalid_format', 'policy language invalid_value'],
  },
];

describe('the layered configuration: defaults < machine < user < environment < policy', () => {
  it.each(CASES)('$name', (c) => {
    const dir = join(temp.dir, c.name.replace(/\W+/g, '-'));
    const programData = join(dir, 'ProgramData');
    const machineDir = join(programData, 'KZ Police', '102 Console');
    mkdirSync(machineDir, { recursive: true });
    if (c.machine !== undefined)
      writeFileSync(
        join(machineDir, 'config.json'),
        typeof c.machine === 'string' ? c.machine : JSON.stringify(c.machine),
      );
    const userFile = join(dir, 'config.json');
    if (c.user) writeFileSync(userFile, JSON.stringify(c.user));
    const effective = loadEffectiveConfig({
      userFile,
      env: { ProgramData: programData, ...c.env },
      readPolicy: (key) => (key === POLICY_KEY ? c.policy : undefined),
    });
    for (const expected of c.expect) expect(effective.values).toContainEqual(expected);
    expect(effective.ignored.map((i) => `${i.source} ${i.field} ${i.reason}`).sort()).toEqual(
      c.ignored ?? [],
    );
    expect(effective.locations.machine).toBe(join(machineDir, 'config.json'));
  });

  it('still refuses the user’s own broken config.json with the reason, as before', () => {
    const userFile = join(temp.dir, 'user-broken.json');
    writeFileSync(userFile, JSON.stringify({ role: 'chief' }));
    expect(() => loadEffectiveConfig({ userFile, env: {}, readPolicy: () => undefined })).toThrow(
      ConfigError,
    );
  });

  it('reports a registry that cannot be read and carries on', () => {
    const effective = loadEffectiveConfig({
      userFile: join(temp.dir, 'none.json'),
      env: {},
      readPolicy: () => {
        throw new Error('reg.exe timed out');
      },
    });
    expect(effective.ignored).toMatchObject([
      { source: 'policy', reason: 'unreadable', location: POLICY_KEY },
    ]);
    expect(effective.config.role).toBe('operator');
  });
});
