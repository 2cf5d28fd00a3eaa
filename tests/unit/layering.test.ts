import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/tempDir';

const run = promisify(execFile);
const repo = resolve(__dirname, '../..');
const depcruise = join(repo, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

/** A small tree that breaks each rule once, and one file that keeps them. */
const FILES: Record<string, string> = {
  'renderer/leak.ts':
    "import { ipcRenderer } from 'electron';\nimport { readFileSync } from 'node:fs';\nexport const x = [ipcRenderer, readFileSync];\n",
  'renderer/ok.ts': "import { limit } from '../domain/card';\nexport const x = limit;\n",
  'domain/cards/card.ts': 'export const limit = 1;\n',
  'domain/impure.ts': "import { join } from 'node:path';\nexport const x = join;\n",
  'main/store/leak.ts': "import { app } from 'electron';\nexport const x = app;\n",
};

/** The violations the project's own dependency rules report, as "rule: from" lines. */
let violations: string[] = [];
const temp = tempDir('layering-');

beforeAll(async () => {
  for (const [path, content] of Object.entries(FILES)) {
    mkdirSync(join(temp.dir, path, '..'), { recursive: true });
    writeFileSync(join(temp.dir, path), content);
  }
  writeFileSync(join(temp.dir, 'tsconfig.web.json'), '{"compilerOptions":{"allowJs":true}}');
  const args = [
    depcruise,
    '--config',
    join(repo, '.dependency-cruiser.cjs'),
    '--output-type',
    'json',
    'renderer',
    'domain',
    'main',
  ];
  const output = await run(process.execPath, args, { cwd: temp.dir }).catch(
    (error: { stdout: string }) => error,
  );
  const result = JSON.parse(output.stdout) as {
    summary: { violations: { rule: { name: string }; from: string }[] };
  };
  violations = result.summary.violations.map((v) => `${v.rule.name}: ${v.from}`);
}, 60_000);
afterAll(() => temp.remove());

describe('the layering rules of architecture.md', () => {
  it('refuse a renderer file that imports electron or node:fs', () => {
    expect(violations).toContain('renderer-no-electron: renderer/leak.ts');
    expect(violations).toContain('renderer-no-node-builtins: renderer/leak.ts');
  });

  it('refuse a domain file that imports node', () => {
    expect(violations).toContain('domain-is-pure: domain/impure.ts');
  });

  it('refuse electron in a main service outside the thin adapters', () => {
    expect(violations).toContain('electron-only-in-thin-adapters: main/store/leak.ts');
  });

  it('accept a renderer file that imports only domain', () => {
    expect(
      violations.filter((v) => v.endsWith('renderer/ok.ts') || v.endsWith('domain/cards/card.ts')),
    ).toEqual([]);
  });
});
