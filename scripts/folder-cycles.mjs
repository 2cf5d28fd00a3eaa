// Forbids cycles between folders inside main/ and central/ (issue 10): `main/sync` may use `main/store`, but
// then nothing under `main/store` may reach back into `main/sync`. dependency-cruiser checks cycles between
// files; this folds its graph into folders (main/<folder>, central/<folder>) and looks for cycles there.
import { cruise } from 'dependency-cruiser';

const ROOTS = ['main', 'central'];
/** `main/sync/engine.ts` → `main/sync`; a file directly in main/ or central/ is its own folder. */
function folderOf(path) {
  const parts = path.split('/');
  if (!ROOTS.includes(parts[0])) return null;
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : path;
}

const result = await cruise(ROOTS, {
  doNotFollow: { path: 'node_modules' },
  exclude: { path: ['^out/', 'node_modules'] },
  tsPreCompilationDeps: true,
});
const edges = new Map();
for (const module of result.output.modules) {
  const from = folderOf(module.source);
  if (!from) continue;
  for (const dependency of module.dependencies) {
    const to = folderOf(dependency.resolved);
    if (!to || to === from) continue;
    if (!edges.has(from)) edges.set(from, new Map());
    if (!edges.get(from).has(to)) edges.get(from).set(to, `${module.source} → ${dependency.resolved}`);
  }
}

// Tarjan's strongly connected components: any component of two or more folders is a cycle.
let index = 0;
const indices = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const cycles = [];
function visit(node) {
  indices.set(node, index);
  low.set(node, index++);
  stack.push(node);
  onStack.add(node);
  for (const next of edges.get(node)?.keys() ?? []) {
    if (!indices.has(next)) {
      visit(next);
      low.set(node, Math.min(low.get(node), low.get(next)));
    } else if (onStack.has(next)) low.set(node, Math.min(low.get(node), indices.get(next)));
  }
  if (low.get(node) === indices.get(node)) {
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) cycles.push(component.sort());
  }
}
for (const node of edges.keys()) if (!indices.has(node)) visit(node);

if (cycles.length === 0) {
  console.log('✔ no cycles between folders of main/ and central/');
} else {
  for (const component of cycles) {
    console.error(`✘ folders that depend on each other: ${component.join(', ')}`);
    for (const from of component)
      for (const [to, example] of edges.get(from) ?? [])
        if (component.includes(to)) console.error(`    ${from} → ${to}   (${example})`);
  }
  process.exit(1);
}
