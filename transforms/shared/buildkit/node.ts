// npm, yarn and pnpm: the install moved before the rest of the sources; the npm cache mounted.
import type { RunView } from './builder';
import { moveInstall } from './deps';
import type { DepsPlan, PassState, Refusal, Toolchain } from './toolchain';

/** Whether a command installs the project's dependencies (no package named on the command line). */
function isInstall(argv: readonly string[]): boolean {
  const [tool, sub, ...rest] = argv;
  const noPackages = rest.every((a) => a.startsWith('-'));
  if (tool === 'npm') return (sub === 'ci' || sub === 'install' || sub === 'i') && noPackages;
  if (tool === 'yarn') return (sub === undefined || sub === 'install' || (sub.startsWith('-') && [sub, ...rest].every((a) => a.startsWith('-')))) && noPackages;
  if (tool === 'pnpm') return (sub === 'install' || sub === 'i') && noPackages;
  return false;
}

const LIFECYCLE = ['preinstall', 'install', 'postinstall', 'prepublish', 'preprepare', 'prepare', 'postprepare'];
const DEP_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies', 'overrides', 'resolutions'];
const LOCAL_SPEC = /^(file:|link:|portal:|workspace:|\.{1,2}\/|\/|~\/)/;
const LOCKS = ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', '.npmrc', '.yarnrc'];

function depsFirst(state: PassState): DepsPlan | Refusal | null {
  const { view, ctx } = state;
  const copy = view.copyAll!;
  const after = view.runs.filter((r) => view.indexOf.get(r.ins)! > copy.index);
  let run: RunView | undefined;
  for (const r of after) {
    const k = r.commands?.findIndex((c) => isInstall(c.argv)) ?? -1;
    if (k > 0) return { refuse: `line ${r.ins.line} runs the install after other commands` };
    if (k === 0) { run = r; break; }
  }
  if (!run) return null;
  if (view.stage.body.slice(0, copy.index).some((i) => i.keyword === 'COPY' && /package(-lock)?\.json/.test(i.argsText))) return null;
  const raw = ctx.readText('package.json');
  if (raw === null) return { refuse: 'no package.json at the context root' };
  let pkg: Record<string, unknown>;
  try {
    pkg = JSON.parse(raw.replace(/^\uFEFF/, '')) as Record<string, unknown>;
  } catch {
    return { refuse: 'package.json is not valid JSON' };
  }
  const scripts = (pkg.scripts ?? {}) as Record<string, unknown>;
  const hook = LIFECYCLE.find((s) => typeof scripts[s] === 'string');
  if (hook) return { refuse: `package.json has a \`${hook}\` script, which runs at install and may read any file` };
  if (pkg.workspaces !== undefined) return { refuse: 'package.json declares workspaces, whose packages are in the sources' };
  for (const field of DEP_FIELDS) {
    const deps = pkg[field];
    if (!deps || typeof deps !== 'object') continue;
    for (const [name, spec] of Object.entries(deps as Record<string, unknown>)) {
      if (typeof spec === 'string' && LOCAL_SPEC.test(spec)) return { refuse: `${name} is a local dependency (${spec}), read from the sources at install` };
    }
  }
  if (pkg.pnpm && typeof pkg.pnpm === 'object' && 'patchedDependencies' in (pkg.pnpm as object)) return { refuse: 'pnpm patches dependencies with files from the sources' };
  for (const f of ['node_modules', '.yarn', '.yarnrc.yml', '.pnp.cjs', 'pnpm-workspace.yaml', 'patches']) {
    if (ctx.kind(f) !== null) {
      return { refuse: f === 'node_modules'
        ? 'the context holds node_modules (not in .dockerignore): copying the sources after the install would overwrite what it installed'
        : `the context holds ${f}, which the install reads` };
    }
  }
  const manifests = ['package.json', ...LOCKS.filter((f) => ctx.kind(f) === 'file')];
  return moveInstall(state, run, manifests, () => false);
}

export const nodeToolchain: Toolchain = {
  name: 'npm',
  invokes: (argv) => argv[0] === 'npm',
  caches: [
    { label: 'the npm cache (/root/.npm)', target: '/root/.npm', store: false, movedBy: ['npm_config_cache', 'NPM_CONFIG_CACHE', 'HOME'] },
  ],
  officialImage: /^(docker\.io\/)?(library\/)?node$/,
  depsFirst,
  noCross: 'a Node.js image builds on the platform it runs on (cross-compilation is for Go)',
};
