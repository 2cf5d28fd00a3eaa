/**
 * The import table of docs/architecture.md, enforced. A violation fails `npm run lint`.
 * Paths are relative to the repository root.
 */
const nodeOrElectron = ['core'];

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'domain/ imports nothing but zod and itself: no node:, no DOM libraries, no electron',
      severity: 'error',
      from: { path: '^domain/' },
      to: { pathNot: ['^domain/', '^node_modules/zod/'] },
    },
    {
      name: 'renderer-no-node-or-electron',
      comment: 'renderer/ never reaches node, electron, main/, central/ or preload/',
      severity: 'error',
      from: { path: '^renderer/' },
      to: {
        path: ['^main/', '^central/', '^preload/', '^scripts/', '^node_modules/(electron|better-sqlite3|electron-log|ws|fastify|pg|@electric-sql|argon2|systeminformation)/'],
      },
    },
    {
      name: 'renderer-no-node-builtins',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: nodeOrElectron },
    },
    {
      name: 'renderer-no-electron',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^electron$|node_modules/electron/' },
    },
    {
      name: 'preload-only-domain-and-electron',
      severity: 'error',
      from: { path: '^preload/' },
      to: { pathNot: ['^preload/', '^domain/', '^node_modules/zod/', '^electron$', 'node_modules/electron/'] },
    },
    {
      name: 'main-not-ui-or-central',
      severity: 'error',
      from: { path: '^main/' },
      to: { path: ['^renderer/', '^central/', '^preload/'] },
    },
    {
      name: 'electron-only-in-thin-adapters',
      comment: 'electron only in main/index.ts, main/window.ts and preload/, so host mode runs every service in plain Node',
      severity: 'error',
      from: { path: '^main/', pathNot: ['^main/index\\.ts$', '^main/window\\.ts$', '^main/electron/'] },
      to: { path: '^electron$|node_modules/electron/' },
    },
    {
      name: 'central-not-console',
      severity: 'error',
      from: { path: '^central/' },
      to: { path: ['^main/', '^renderer/', '^preload/', '^node_modules/electron/', '^electron$'] },
    },
    {
      name: 'scripts-not-app-code',
      severity: 'error',
      from: { path: '^scripts/' },
      to: { path: ['^renderer/', '^preload/'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^(domain|main|central)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^out/', '^node_modules/'] },
    tsConfig: { fileName: 'tsconfig.web.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    moduleSystems: ['es6', 'cjs'],
  },
};
