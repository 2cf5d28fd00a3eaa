import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { IceConfig } from '../../domain/calls/iceConfig';
import { iceServersInForce, loadEffectiveConfig } from '../../main/config';
import { POLICY_KEY } from '../../main/config/managedLocations';
import { tempDir } from '../support/tempDir';

const temp = tempDir('config-ice-');
afterAll(() => temp.remove());

const EXPIRES = '2026-12-01T10:00:00.000Z';
/** Central's answer for one call: its STUN and its TURN with short-lived credentials. */
const fromCentral: IceConfig = {
  iceServers: [
    { urls: ['stun:central-stun.kz:3478'] },
    { urls: ['turn:central-turn.kz:3478'], username: '1764583200:acc-1', credential: 'short-lived' },
  ],
  iceTransportPolicy: 'relay',
  expiresAt: EXPIRES,
};

interface Case {
  name: string;
  machine?: object;
  user?: object;
  policy?: Record<string, unknown>;
  central: IceConfig | null;
  expect: IceConfig | null;
}

const CASES: Case[] = [
  {
    name: 'nothing configured: central’s answer as it is',
    central: fromCentral,
    expect: fromCentral,
  },
  {
    name: 'nothing configured and central not reachable: none (host candidates only)',
    central: null,
    expect: null,
  },
  {
    name: 'a configured STUN replaces central’s STUN; central’s TURN stays with its credentials',
    machine: { iceServers: [{ urls: 'stun:machine-stun.kz:3478' }] },
    central: fromCentral,
    expect: {
      iceServers: [
        { urls: ['stun:machine-stun.kz:3478'] },
        { urls: ['turn:central-turn.kz:3478'], username: '1764583200:acc-1', credential: 'short-lived' },
      ],
      iceTransportPolicy: 'relay',
      expiresAt: EXPIRES,
    },
  },
  {
    name: 'the policy’s servers win over the user’s and the machine’s',
    machine: { iceServers: [{ urls: 'stun:machine-stun.kz:3478' }] },
    user: { iceServers: [{ urls: 'stun:user-stun.kz:3478' }] },
    policy: { iceServers: [{ urls: 'stun:policy-stun.kz:3478' }] },
    central: null,
    expect: {
      iceServers: [{ urls: ['stun:policy-stun.kz:3478'] }],
      iceTransportPolicy: 'all',
      expiresAt: '2026-12-01T09:00:00.000Z',
    },
  },
  {
    name: 'a configured TURN without credentials takes central’s short-lived ones',
    policy: { iceServers: [{ urls: 'turn:region-turn.kz:3478' }] },
    central: fromCentral,
    expect: {
      iceServers: [
        { urls: ['turn:region-turn.kz:3478'], username: '1764583200:acc-1', credential: 'short-lived' },
        { urls: ['turn:central-turn.kz:3478'], username: '1764583200:acc-1', credential: 'short-lived' },
      ],
      iceTransportPolicy: 'relay',
      expiresAt: EXPIRES,
    },
  },
  {
    name: 'a configured TURN with its own account keeps it, and central’s same URL is not repeated',
    policy: {
      iceServers: [{ urls: 'turn:central-turn.kz:3478', username: 'console102', credential: 'static' }],
    },
    central: fromCentral,
    expect: {
      iceServers: [{ urls: ['turn:central-turn.kz:3478'], username: 'console102', credential: 'static' }],
      iceTransportPolicy: 'relay',
      expiresAt: EXPIRES,
    },
  },
  {
    name: 'a configured TURN without credentials while central cannot be asked is left out',
    user: { iceServers: [{ urls: 'stun:user-stun.kz:3478' }, { urls: 'turns:region-turn.kz:5349' }] },
    central: null,
    expect: {
      iceServers: [{ urls: ['stun:user-stun.kz:3478'] }],
      iceTransportPolicy: 'all',
      expiresAt: '2026-12-01T09:00:00.000Z',
    },
  },
];

describe('the STUN/TURN servers a call uses: the layered configuration combined with central’s answer', () => {
  it.each(CASES)('$name', (c) => {
    const dir = join(temp.dir, c.name.replace(/\W+/g, '-'));
    mkdirSync(dir, { recursive: true });
    const machineFile = join(dir, 'machine.json');
    if (c.machine) writeFileSync(machineFile, JSON.stringify(c.machine));
    const userFile = join(dir, 'config.json');
    if (c.user) writeFileSync(userFile, JSON.stringify(c.user));
    const effective = loadEffectiveConfig({
      userFile,
      env: c.machine ? { CONSOLE_MACHINE_CONFIG: machineFile } : {},
      readPolicy: (key) => (key === POLICY_KEY ? c.policy : undefined),
    });
    expect(effective.ignored).toEqual([]);
    const now = new Date('2026-12-01T08:00:00.000Z');
    expect(iceServersInForce(c.central, effective.config.iceServers, now)).toEqual(c.expect);
  });
});
