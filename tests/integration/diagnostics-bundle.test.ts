import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDiagnosticsCli } from '../../main/diagnostics/cli';
import { LOG_FILE_NAME } from '../../main/log';
import { aDraft, servicesInTempDir } from '../support/console';

/** Someone's identity, planted where a careless line could carry it out of the data folder. */
const IIN = '900101300123';
const NAME = 'Айгерім Сейітқызы';
const PHONE = '+7 701 234 56 78';
const PLANTED = [IIN, NAME, '701 234 56 78', 'көмектесіңіз'];

const unzip = (file: string) =>
  Object.fromEntries(
    Object.entries(unzipSync(readFileSync(file))).map(([name, bytes]) => [name, strFromU8(bytes)]),
  );

describe('the diagnostics bundle', () => {
  const consoleData = servicesInTempDir({ centralUrl: 'http://127.0.0.1:9', role: 'operator' });
  const { services, dataDir } = consoleData;
  afterAll(() => consoleData.cleanup());

  beforeAll(() => {
    // A card holding the applicant's identity, and a log line from before redaction existed that names them.
    services.cards.saveDraft(aDraft({ description: `${NAME}, ИИН ${IIN}, тел. ${PHONE}: көмектесіңіз` }));
    mkdirSync(join(dataDir, 'logs'), { recursive: true });
    appendFileSync(
      join(dataDir, 'logs', LOG_FILE_NAME),
      `[2026-11-30 10:00:00.000] [info] card.saved {"applicant":{"name":"${NAME}","iin":"${IIN}"},"phone":"${PHONE}"}\n` +
        `[2026-11-30 10:00:01.000] [info] chat.sent {"text":"көмектесіңіз","cardId":"c-1"} ${IIN}\n`,
    );
  });

  it('from the About screen’s action: holds what it says, and no personal data', async () => {
    const bundle = await services.diagnostics.writeBundle();
    expect(bundle.file.startsWith(join(dataDir, 'diagnostics'))).toBe(true);
    const files = unzip(bundle.file);
    expect(Object.keys(files).sort()).toEqual(
      ['configuration.json', 'logs/console.log', 'manifest.json', 'readiness.json', 'sync.json'].sort(),
    );
    expect(bundle.entries.sort()).toEqual(Object.keys(files).sort());
    // The configuration with each value's source; the sync state as counts; the log's own events.
    const configuration = JSON.parse(files['configuration.json'] ?? '') as {
      values: { field: string; source: string }[];
    };
    expect(configuration.values).toContainEqual({
      field: 'centralUrl',
      value: '"http://127.0.0.1:9"',
      source: 'user',
    });
    expect(JSON.parse(files['sync.json'] ?? '')).toMatchObject({ unsent: 1, cardsByState: { local: 1 } });
    expect(files['logs/console.log']).toContain('card.saved');
    expect(JSON.parse(files['manifest.json'] ?? '')).toMatchObject({
      product: '102 Console',
      version: '0.0.0-test',
    });
    for (const [name, text] of Object.entries(files))
      for (const planted of PLANTED) expect(text, `${planted} in ${name}`).not.toContain(planted);
  });

  it('from the command line: --diagnostics --out FILE writes the same, with exit code 0', async () => {
    const out = join(dataDir, 'from-cli.zip');
    writeFileSync(join(dataDir, 'workstation-report.json'), '{"not":"a report"}');
    const said: string[] = [];
    const code = await runDiagnosticsCli(['--diagnostics', '--out', out, '--data-dir', dataDir], {
      defaultDataDir: '/nowhere',
      version: '9.9.9',
      env: {},
      out: (text) => said.push(text),
      err: (text) => said.push(text),
    });
    expect(code).toBe(0);
    expect(said.join('\n')).toContain(out);
    const files = unzip(out);
    expect(JSON.parse(files['manifest.json'] ?? '')).toMatchObject({ runtime: 'cli', version: '9.9.9' });
    expect(JSON.parse(files['sync.json'] ?? '')).toMatchObject({ unsent: 1 });
    expect(JSON.parse(files['readiness.json'] ?? '')).toBeNull();
    for (const [name, text] of Object.entries(files))
      for (const planted of PLANTED) expect(text, `${planted} in ${name}`).not.toContain(planted);
  });

  it('is what host mode does with --diagnostics --out FILE: writes the bundle and exits without starting', async () => {
    const out = join(dataDir, 'from-host.zip');
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(__dirname, '../../main/host.ts'),
        '--diagnostics',
        '--out',
        out,
        '--data-dir',
        dataDir,
      ],
      { cwd: join(__dirname, '../..'), stdio: 'ignore' },
    );
    const code = await new Promise<number | null>((done) => child.once('exit', done));
    expect(code).toBe(0);
    expect(Object.keys(unzip(out))).toContain('configuration.json');
  });

  it('says what is missing on a wrong command line (exit code 2)', async () => {
    const said: string[] = [];
    const code = await runDiagnosticsCli(['--diagnostics'], {
      defaultDataDir: dataDir,
      version: '1',
      env: {},
      out: (text) => said.push(text),
      err: (text) => said.push(text),
    });
    expect(code).toBe(2);
    expect(said.join('\n')).toContain('--out FILE is required');
  });
});
