// nounset's layering, checked by dependency-cruiser (test/layering.test.ts runs it in `npm test`).
// Imports point downward only, as in mvdan/sh (syntax knows nothing of expand, expand nothing of
// interp) and ShellCheck (the parser knows nothing of the checks); a folder is entered through
// its index.ts; there is no cycle outside the parser's recursive descent.

const { readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

/** Bottom to top: a folder may import itself, what lies below it, and the shared leaves. */
const LAYERS = [
  'parse',
  'types',
  'analyze',
  'edit',
  'transforms',
  'fix',
  'contract',
  'io',
  'config',
  'report',
  'review',
  'github-api',
  'run',
  'cli',
];
/** Top-level modules anything may import; they import nothing of ours but each other and types/. */
const LEAVES = ['src/errors.ts', 'src/line-index.ts', 'src/lazy-builtin.ts', 'src/text-offsets.ts'];

/** Imports the front-door rules would refuse, kept on purpose, each with why. */
const EXCEPTIONS = [
  // The public API re-exports every syntax node type; `export type *` of parse/index.ts would also
  // export parse's helper functions (as types), so it names parse/ast.ts itself.
  { from: 'src/index.ts', to: 'src/parse/ast.ts' },
];

const folderPath = (layer) => (layer === 'transforms' ? '^transforms/' : `^src/${layer}/`);
const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** Every folder of ours with an index.ts, as `src/analyze`, `src/analyze/flow`, `transforms`. */
function frontDoors(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const sub = join(dir, name);
    if (!statSync(sub).isDirectory()) continue;
    if (readdirSync(sub).includes('index.ts')) out.push(sub.split('\\').join('/'));
    out.push(...frontDoors(sub));
  }
  return out;
}

// The top layer (cli) has nothing above it: no rule.
const layerRules = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `layer-${layer}`,
  comment: `${layer} imports only itself, what lies below it (${LAYERS.slice(0, i).join(', ') || 'nothing'}) and the shared leaves`,
  severity: 'error',
  from: { path: folderPath(layer) },
  to: { path: LAYERS.slice(i + 1).map(folderPath) },
}));

/** For each folder: code outside it imports its index.ts only (tests and benchmarks may look inside). */
const doorRules = [
  ...frontDoors(join(__dirname, 'src')).map((d) => d.slice(__dirname.length + 1)),
  'transforms',
].flatMap((door) => {
  const inside = `^${escapeRegExp(door)}/`;
  const index = `^${escapeRegExp(door)}/index\\.ts$`;
  const excepted = EXCEPTIONS.filter((e) => e.to.startsWith(`${door}/`) && !e.to.slice(door.length + 1).includes('/'));
  return [
    {
      name: `front-door-${door}`,
      comment: `code outside ${door}/ imports it through ${door}/index.ts`,
      severity: 'error',
      from: { pathNot: [inside, '^(test|bench|scripts)/', ...excepted.map((e) => `^${escapeRegExp(e.from)}$`)] },
      to: { path: inside, pathNot: index },
    },
    ...excepted.map((e) => ({
      name: `front-door-${door}`,
      comment: `${e.from} may import ${e.to} besides ${door}/index.ts (see EXCEPTIONS)`,
      severity: 'error',
      from: { path: `^${escapeRegExp(e.from)}$` },
      to: { path: inside, pathNot: [index, `^${escapeRegExp(e.to)}$`] },
    })),
  ];
});

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'leaves-stay-leaves',
      comment: 'errors, line-index and lazy-builtin import nothing of ours but types/',
      severity: 'error',
      from: { path: LEAVES.map((l) => `^${escapeRegExp(l)}$`) },
      to: { path: '^(src|transforms)/', pathNot: [...LEAVES.map((l) => `^${escapeRegExp(l)}$`), '^src/types/'] },
    },
    {
      name: 'nothing-imports-cli',
      comment: 'cli/ is the top: yargs, stdout, exit codes; the library never needs it',
      severity: 'error',
      from: { pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'no-circular',
      comment: 'no import cycle, except inside the parser, whose recursive descent is one cycle by nature',
      severity: 'error',
      from: { pathNot: '^src/parse/' },
      to: { circular: true },
    },
    ...doorRules,
  ],
  options: {
    // Type-only imports count: a layer that needs another's types depends on it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '^node_modules/'] },
  },
};
