import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkstationReportSchema } from '../../domain/workstation/workstation';
import { tempDir } from '../support/tempDir';
import { startNetStandIn } from '../support/workstationNetStandIn';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');

/** Runs the CLI the way IT does (`npm run workstation-check -- ...`), returning the exit code and output. */
async function workstationCheck(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'main/workstation/cli.ts', ...args],
      { cwd: root },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('workstation-check for IT (§28)', () => {
  const temp = tempDir();
  let central: Awaited<ReturnType<typeof startNetStandIn>>;
  beforeAll(async () => {
    central = await startNetStandIn();
  });
  afterAll(async () => {
    await central.close();
    temp.remove();
  });

  it('prints the report as JSON and exits 1 when a required item fails (this machine is not Windows)', async () => {
    const { code, stdout } = await workstationCheck([
      '--json',
      '--data-dir',
      temp.dir,
      '--central-url',
      central.url,
    ]);
    const report = WorkstationReportSchema.parse(JSON.parse(stdout));
    expect(report.items.find((i) => i.id === 'os')?.status).toBe('fail');
    // Central lets only signed-in workstations transfer test data: the command line measures no network.
    expect(report.items.find((i) => i.id === 'networkSpeed')).toMatchObject({
      status: 'unknown',
      unknownReason: { code: 'signed_out' },
    });
    expect(report.verdict).toBe('not_ready');
    expect(code).toBe(1);
  });

  it('reads the video-call policy and thresholds from the machine config', async () => {
    const dir = join(temp.dir, 'configured');
    const out = join(temp.dir, 'report.json');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'config.json'),
      JSON.stringify({
        workstation: { videoCallPolicy: 'block', thresholds: { memoryAtLeastGiB: 4, roundTripAtMostMs: 50 } },
      }),
    );
    const { stdout } = await workstationCheck([
      '--data-dir',
      dir,
      '--central-url',
      central.url,
      '--lang',
      'en',
      '--out',
      out,
    ]);
    expect(stdout).toMatch(/Memory \(RAM\)\s+[\d.]+ GiB\s+≥ 4 GiB/);
    expect(stdout).toMatch(/Round trip to central \(ping\) \(optional\)\s+—\s+≤ 50 ms/);
    expect(stdout).toContain('The console measures the network after signing in');
    expect(stdout).toContain('Verdict: NOT READY');
    expect(WorkstationReportSchema.parse(JSON.parse(readFileSync(out, 'utf8'))).requirements).toMatchObject({
      videoCallPolicy: 'block',
      memoryAtLeastGiB: 4,
    });
  });

  it('exits 2 with the reason when the machine config is broken or a flag is wrong', async () => {
    const dir = join(temp.dir, 'broken');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'config.json'),
      JSON.stringify({ workstation: { videoCallPolicy: 'sometimes' } }),
    );
    const broken = await workstationCheck(['--json', '--data-dir', dir]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('workstation.videoCallPolicy');
    const typo = await workstationCheck(['--jsn']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("Unknown option '--jsn'");
  });
});
