// Runs Doyensec's Electronegativity over the Electron code (main/, preload/, renderer/) as part of lint
// (issue 11, item 15): any HIGH or MEDIUM finding fails unless `.electronegativity.json` suppresses it
// with a reason. A suppression that no longer matches a finding fails too, so none outlives its cause.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
// Lint never touches the network: the library asks GitHub for translations (three seconds each time it
// starts a stage, offline); its `got` answers "unreachable" at once instead, and the English texts stay.
const libraryGot = createRequire(require.resolve('@doyensec/electronegativity')).resolve('got');
require.cache[libraryGot] = {
  id: libraryGot,
  filename: libraryGot,
  loaded: true,
  exports: () => Promise.reject(new Error('lint does not use the network')),
};
// The library's runner, not its CLI: the CLI needs an old `commander` that the package does not declare.
const runElectronegativity = require('@doyensec/electronegativity');
const electronVersion = JSON.parse(
  readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
).version;
/** The library's own scale: INFORMATIONAL 0, LOW 1, MEDIUM 2, HIGH 3. */
const SEVERITY_MEDIUM = 2;
const suppressions = JSON.parse(readFileSync(join(root, '.electronegativity.json'), 'utf8')).suppressions;

// One scan over a copy of the three folders: each run costs the library a second of trying the network.
const scratch = mkdtempSync(join(tmpdir(), 'electronegativity-'));
let findings;
try {
  for (const folder of ['main', 'preload', 'renderer'])
    cpSync(join(root, folder), join(scratch, folder), { recursive: true });
  const { issues, errors } = await runElectronegativity({
    input: scratch,
    customScan: [],
    // It downloads Electron's release list to compare versions: lint must not depend on the network.
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    severitySet: 'medium',
    confidenceSet: 'tentative',
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  });
  const unread = errors.filter((error) => !error.tolerable);
  if (unread.length > 0) {
    for (const error of unread)
      console.error(`✘ electronegativity could not read ${relative(scratch, error.file)}: ${error.message}`);
    process.exit(1);
  }
  findings = issues
    .filter((issue) => issue.severity.value >= SEVERITY_MEDIUM)
    .map((issue) => ({
      check: issue.id,
      severity: issue.severity.name,
      file: issue.file === 'N/A' ? '*' : relative(scratch, issue.file).split(sep).join('/'),
      location: `${issue.location.line}:${issue.location.column}`,
    }));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const suppressed = (finding) =>
  suppressions.find((s) => s.check === finding.check && (s.file === finding.file || s.file === '*'));
const open = findings.filter((finding) => !suppressed(finding));
const stale = suppressions.filter(
  (s) => !findings.some((f) => f.check === s.check && (s.file === f.file || s.file === '*')),
);

for (const finding of open)
  console.error(`✘ ${finding.severity} ${finding.check} at ${finding.file}:${finding.location}`);
for (const suppression of stale)
  console.error(
    `✘ .electronegativity.json suppresses ${suppression.check} in ${suppression.file}, which no longer occurs`,
  );
if (open.length > 0 || stale.length > 0) process.exit(1);
console.log(
  `✔ electronegativity: no open high or medium findings (${findings.length} suppressed with a reason)`,
);
