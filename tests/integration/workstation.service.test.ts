import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CheckProgress,
  type ConsoleWindowFacts,
  DEFAULT_REQUIREMENTS,
  READINESS_ITEMS,
  type WorkstationReport,
  WorkstationReportSchema,
  withOverrides,
} from '../../domain/workstation/workstation';
import { invokeApi } from '../../main/api';
import { createApiHandlers } from '../../main/api';
import { REPORT_FILE_NAME, createWorkstationService } from '../../main/workstation/service';
import { memoryLogger, servicesInTempDir } from '../support/console';
import { tempDir } from '../support/tempDir';
import { startNetStandIn } from '../support/workstationNetStandIn';

const chromeUserAgent =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.7339.16 Safari/537.36';
const windowWithoutCamera: ConsoleWindowFacts = {
  userAgent: chromeUserAgent,
  finePointer: true,
  keystrokeSeen: false,
  mediaDevices: [
    { deviceId: 'a1', kind: 'audioinput', label: 'Headset Microphone (Jabra EVOLVE 30 II)', groupId: 'g1' },
    { deviceId: 'o1', kind: 'audiooutput', label: 'Headset Earphone (Jabra EVOLVE 30 II)', groupId: 'g1' },
  ],
};

describe('workstation readiness in main, on this machine', () => {
  const temp = tempDir();
  let central: Awaited<ReturnType<typeof startNetStandIn>>;
  beforeAll(async () => {
    central = await startNetStandIn();
  });
  afterAll(async () => {
    await central.close();
    temp.remove();
  });

  const service = (dataDir: string, requirements = DEFAULT_REQUIREMENTS) => {
    const progress: CheckProgress[] = [];
    const reports: WorkstationReport[] = [];
    const log = memoryLogger();
    const created = createWorkstationService({
      dataDir,
      centralUrl: central.url,
      // Signed in: the stand-in takes any token (central's own check is in workstation.network.test.ts).
      accessToken: async () => 'a-token',
      requirements,
      chromeVersion: undefined,
      log,
      now: () => new Date(),
      onProgress: (p) => progress.push(p),
      onReport: (report) => reports.push(report),
      central: null,
    });
    return { service: created, progress, reports, log };
  };

  it('produces a complete report from the real probes, without a console window (the CLI case)', async () => {
    const { service: workstation, progress, reports } = service(temp.dir);
    const report = await workstation.check(null);
    expect(WorkstationReportSchema.parse(report)).toEqual(report);
    expect(report.items.map((i) => i.id)).toEqual([...READINESS_ITEMS]);
    for (const item of report.items) {
      expect(['pass', 'fail', 'unknown']).toContain(item.status);
      if (item.status !== 'pass') expect(item.advice).not.toBeNull();
    }
    // Without a console window the engine and the cameras are unknown, never guessed.
    expect(report.items.find((i) => i.id === 'browser')?.unknownReason?.code).toBe('no_console_window');
    expect(report.items.find((i) => i.id === 'networkSpeed')?.status).toBe('pass');
    expect(progress.at(0)).toEqual({ phase: 'machine', fraction: 0 });
    expect(progress.at(-1)?.fraction).toBe(1);
    expect(reports).toEqual([report]);
  });

  it('keeps a key pressed while the first check runs, though the window facts were taken before it', async () => {
    const { service: workstation } = service(join(temp.dir, 'typed-early'));
    expect(workstation.keystrokeSeen()).toBeNull();
    const report = await workstation.check(windowWithoutCamera);
    expect(report.items.find((i) => i.id === 'keyboard')?.status).toBe('pass');
  });

  it('keeps the last report across a restart and ignores a damaged file', async () => {
    const dir = join(temp.dir, 'restart');
    const first = service(dir);
    const report = await first.service.check(null);
    expect(service(dir).service.lastReport()).toEqual(report);

    writeFileSync(join(dir, REPORT_FILE_NAME), '{"schemaVersion": 1, "verdict": "ready"');
    const damaged = service(dir);
    expect(damaged.service.lastReport()).toBeNull();
    expect(damaged.log.lines).toContain('warn workstation.reportIgnored {"reason":"invalid"}');
  });

  it('joins a check already running instead of testing the network twice', async () => {
    const { service: workstation } = service(join(temp.dir, 'join'));
    const [a, b] = await Promise.all([workstation.check(null), workstation.check(null)]);
    expect(a).toBe(b);
  });

  it('blocks video calls under the block policy when the window sees no camera, and says why', async () => {
    const { service: workstation } = service(
      join(temp.dir, 'block'),
      withOverrides({ videoCallPolicy: 'block' }),
    );
    expect(workstation.readiness()).toMatchObject({
      videoCalls: { state: 'warned', reasons: [{ item: null, status: 'not_checked' }] },
      checkedAt: null,
    });
    const report = await workstation.check(windowWithoutCamera);
    expect(report.items.find((i) => i.id === 'camera')?.status).toBe('fail');
    expect(report.items.find((i) => i.id === 'headset')?.status).toBe('pass');
    const readiness = workstation.readiness();
    expect(readiness.videoCalls.state).toBe('blocked');
    expect(readiness.videoCalls.reasons.find((r) => r.item === 'camera')).toMatchObject({
      status: 'fail',
      text: { ru: 'Камера: не найдено', kk: 'Камера: табылмады', en: 'Camera: not found' },
    });
    expect(readiness.checkedAt).toBe(report.checkedAt);
  });
});

describe('workstation readiness through the console API contract', () => {
  let running: ReturnType<typeof servicesInTempDir>;
  beforeAll(() => {
    running = servicesInTempDir();
  });
  afterAll(() => running.cleanup());

  it('answers readiness, checks with the window facts, and announces the new report', async () => {
    const handlers = createApiHandlers(running.services);
    const announced: string[] = [];
    running.services.events.subscribe((event) => announced.push(event));
    expect(await invokeApi(handlers, 'workstation.report', {}, running.log)).toEqual({
      ok: true,
      value: null,
    });

    const checked = await invokeApi(handlers, 'workstation.check', windowWithoutCamera, running.log);
    expect(checked.ok).toBe(true);
    // No central configured in the default machine config: the network items say so.
    const report = WorkstationReportSchema.parse(checked.ok ? checked.value : null);
    expect(report.items.find((i) => i.id === 'networkSpeed')?.unknownReason?.code).toBe(
      'central_not_configured',
    );
    expect(report.items.find((i) => i.id === 'browser')).toMatchObject({
      status: 'pass',
      value: '140.0.7339.16',
    });
    expect(announced).toContain('workstation.progress');
    expect(announced.at(-1)).toBe('workstation.changed');

    // Without a central the digitalisation unit's list is unavailable, with the reason.
    expect(await invokeApi(handlers, 'workstation.fleet', {}, running.log)).toEqual({
      ok: true,
      value: { state: 'unavailable', reason: 'central_not_configured' },
    });
    const readiness = await invokeApi(handlers, 'workstation.readiness', {}, running.log);
    expect(readiness).toMatchObject({ ok: true, value: { videoCalls: { state: 'warned', policy: 'warn' } } });
  });

  it('takes the first keystroke in the window as a keyboard, re-deciding the last report without a new check', async () => {
    const handlers = createApiHandlers(running.services);
    const checked = await invokeApi(handlers, 'workstation.check', windowWithoutCamera, running.log);
    const before = WorkstationReportSchema.parse(checked.ok ? checked.value : null);
    // Unknown unless this machine lists a USB keyboard (the build machines do not, like PS/2 and laptops).
    expect(['unknown', 'pass']).toContain(before.items.find((i) => i.id === 'keyboard')?.status);

    const typed = await invokeApi(handlers, 'workstation.keystrokeSeen', {}, running.log);
    const after = WorkstationReportSchema.parse(typed.ok ? typed.value : null);
    expect(after.items.find((i) => i.id === 'keyboard')?.status).toBe('pass');
    expect(after.checkedAt).toBe(before.checkedAt);
    expect(running.services.workstation.lastReport()).toEqual(after);
  });

  it('refuses window facts that are not the contract shape', async () => {
    const handlers = createApiHandlers(running.services);
    const result = await invokeApi(
      handlers,
      'workstation.check',
      { userAgent: 'x', mediaDevices: 'all of them' },
      running.log,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
