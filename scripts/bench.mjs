// `npm run bench -- NAME` runs bench/NAME.ts; without a name it lists the benchmarks.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, 'bench');
const available = readdirSync(benchDir)
  .filter((f) => f.endsWith('.ts') && f !== 'report.ts')
  .map((f) => f.slice(0, -3));
const [name, ...rest] = process.argv.slice(2);

if (!name || !available.includes(name)) {
  if (name) console.error(`No benchmark "${name}".`);
  console.error(`Usage: npm run bench -- NAME [options]\nBenchmarks: ${available.join(', ')}`);
  process.exit(name ? 2 : 0);
}
const tsx = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');
if (!existsSync(tsx)) {
  console.error('Dependencies are missing: run `npm install` (or `npm test` once) first.');
  process.exit(2);
}
const run = spawnSync(tsx, [join(benchDir, `${name}.ts`), ...rest], { stdio: 'inherit', cwd: root, shell: process.platform === 'win32' });
process.exit(run.status ?? 1);
