import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REQUIREMENTS, WorkstationProbesSchema } from '../../domain/workstation/workstation';
import { evaluate } from '../../domain/workstation/workstationEvaluate';
import { createCentralClient } from '../../main/central/client';
import { createWorkstationCentral } from '../../main/workstation/centralReports';
import { loadWorkstationId, WORKSTATION_ID_FILE_NAME } from '../../main/workstation/workstationId';
import { tempDir } from '../support/tempDir';
import { memoryLogger } from '../support/console';
import { type TestCentral, startTestCentral } from '../support/central/central';

const officeReport = () =>
  evaluate(
    DEFAULT_REQUIREMENTS,
    WorkstationProbesSchema.parse(
      JSON.parse(
        readFileSync(
          join(import.meta.dirname, '../fixtures/workstation/windows10-office-jabra.json'),
          'utf8',
        ),
      ),
    ),
  );

describe('each workstation reports its readiness to central (§28)', () => {
  let central: TestCentral;
  // Central with its demo accounts takes seconds to start, longer on a busy machine.
  beforeAll(async () => {
    central = await startTestCentral({ pglite: true });
  }, 180_000);
  afterAll(() => central.close());

  const signedInAs = async (login: string) => {
    const answer = await createCentralClient(central.url).anonymous('POST /api/auth/login', {
      body: { login, password: login },
    });
    if (!answer.ok) throw new Error(`demo sign-in failed: ${answer.failure.message}`);
    return createCentralClient(central.url).signedIn({
      accessToken: async () => answer.value.accessToken,
      refused: () => undefined,
    });
  };

  it("sends the operator's last report, and the digitalisation unit sees it in the list of workstations", async () => {
    const log = memoryLogger();
    const publisher = createWorkstationCentral({
      central: await signedInAs('operator'),
      workstationId: 'DCH-ALM-OP07-3f9a1c2b',
      log,
    });
    const report = officeReport();
    expect(await publisher.publish(report)).toBe('sent');
    expect(log.lines).toContain('info workstation.reportPublished {"verdict":"ready"}');

    // The digitalisation unit's console lists it; an operator's may not.
    const admin = createWorkstationCentral({
      central: await signedInAs('admin'),
      workstationId: 'admin-ws',
      log,
    });
    const fleet = await admin.fleet();
    expect(fleet).toMatchObject({ state: 'listed' });
    expect(fleet.state === 'listed' ? fleet.workstations : []).toContainEqual({
      workstationId: 'DCH-ALM-OP07-3f9a1c2b',
      receivedAt: expect.any(String),
      checkedAt: report.checkedAt,
      verdict: 'ready',
      videoCalls: 'allowed',
      failed: [],
      unknown: [],
    });
    expect(await publisher.fleet()).toEqual({ state: 'unavailable', reason: 'refused' });
  });

  it('sends nothing while nobody is signed in, and says why when central refuses', async () => {
    const log = memoryLogger();
    const signedOut = createWorkstationCentral({
      central: createCentralClient(central.url).signedIn({
        accessToken: async () => null,
        refused: () => undefined,
      }),
      workstationId: 'ws-1',
      log,
    });
    expect(await signedOut.publish(officeReport())).toBe('signed_out');
    expect(await signedOut.fleet()).toEqual({ state: 'unavailable', reason: 'signed_out' });

    let refused = 0;
    const stale = createWorkstationCentral({
      central: createCentralClient(central.url).signedIn({
        accessToken: async () => 'not-a-token',
        refused: () => refused++,
      }),
      workstationId: 'ws-1',
      log,
    });
    expect(await stale.publish(officeReport())).toBe('failed');
    expect(refused).toBe(1);
    expect(log.lines).toContain('warn workstation.reportNotPublished {"status":401}');
  });

  it('names the workstation by its data folder, not its host name: two consoles on one machine are two rows (§28)', () => {
    const first = tempDir();
    const second = tempDir();
    try {
      const id = loadWorkstationId(first.dir, 'DCH-ALM-OP07');
      expect(id).toMatch(/^DCH-ALM-OP07-[0-9a-f]{8}$/);
      expect(loadWorkstationId(first.dir, 'RENAMED-PC')).toBe(id);
      expect(loadWorkstationId(second.dir, 'DCH-ALM-OP07')).not.toBe(id);
      expect(loadWorkstationId(tempDir().dir, 'ПК оператора 7')).toMatch(/^-------------7-[0-9a-f]{8}$/);
      expect(loadWorkstationId(tempDir().dir, 'x'.repeat(100))).toHaveLength(57);
      writeFileSync(join(second.dir, WORKSTATION_ID_FILE_NAME), 'not a name!');
      expect(loadWorkstationId(second.dir, 'DCH-ALM-OP07')).toMatch(/^DCH-ALM-OP07-[0-9a-f]{8}$/);
    } finally {
      first.remove();
      second.remove();
    }
  });
});
