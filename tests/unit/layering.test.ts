import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/console';

const run = promisify(execFile);
const repo = resolve(__dirname, '../..');
const depcruise = join(repo, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

/** Runs the project's own dependency rules over a small tree of files written for the test. */
async function cruise(files: Record<string, string>): Promise<string> {
  const temp = tempDir('layering-');
  cleanups.push(temp.remove);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(temp.dir, path, '..'), { recursive: true });
    writeFileSync(join(temp.dir, path), content);
  }
  writeFileSync(join(temp.dir, 'tsconfig.web.json'), '{"compilerOptions":{"allowJs":true}}');
  try {
    const { stdout } = await run(
      process.execPath,
      [
        depcruise,
        '--config',
        join(repo, '.dependency-cruiser.cjs'),
        ...Object.keys(files).map((f) => f.split('/')[0] ?? f),
      ],
      { cwd: temp.dir },
    );
    return stdout;
  } catch (error) {
    return (error as { stdout: string }).stdout;
  }
}
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

describe('the layering rules of architecture.md', () => {
  it('refuse a renderer file that imports electron or node:fs', async () => {
    const out = await cruise({
      'renderer/leak.ts':
        "import { ipcRenderer } from 'electron';\nimport { readFileSync } from 'node:fs';\nexport const x = [ipcRenderer, readFileSync];\n",
    });
    expect(out).toContain('renderer-no-electron');
    expect(out).toContain('renderer-no-node-builtins');
  });

  it('refuse a domain file that imports node', async () => {
    const out = await cruise({
      'domain/impure.ts': "import { join } from 'node:path';\nexport const x = join;\n",
    });
    expect(out).toContain('domain-is-pure');
  });

  it('refuse electron in a main service outside the thin adapters', async () => {
    const out = await cruise({
      'main/store/leak.ts': "import { app } from 'electron';\nexport const x = app;\n",
    });
    expect(out).toContain('electron-only-in-thin-adapters');
  });

  it('accept a renderer file that imports only domain', async () => {
    const out = await cruise({
      'domain/card.ts': 'export const limit = 1;\n',
      'renderer/ok.ts': "import { limit } from '../domain/card';\nexport const x = limit;\n",
    });
    expect(out).toContain('no dependency violations found');
  });
});
