// Cargo: `cargo fetch` before the sources, the registry and git caches mounted. The target folder
// is not mounted: the runtime stage copies the binary out of it, and a mount would hide it.
import { insertDownload, sameFolder } from './deps';
import type { DepsPlan, PassState, Refusal, Toolchain } from './toolchain';

const isCargoBuild = (argv: readonly string[]) => argv[0] === 'cargo' && (argv[1] === 'build' || argv[1] === 'install');

function depsFirst(state: PassState): DepsPlan | Refusal | null {
  const { view, ctx } = state;
  const copy = view.copyAll!;
  const after = view.runs.filter((r) => view.indexOf.get(r.ins)! > copy.index);
  const run = after.find((r) => r.commands?.some((c) => isCargoBuild(c.argv)));
  if (!run) return null;
  if (view.stage.body.slice(0, copy.index).some((i) => i.keyword === 'COPY' && /Cargo\.toml/.test(i.argsText))) return null;
  const toml = ctx.readText('Cargo.toml');
  if (toml === null) return { refuse: 'no Cargo.toml at the context root' };
  const code = toml.split(/\r?\n/).map((l) => l.replace(/#.*$/, '')).join('\n');
  if (/^\s*\[workspace\]/m.test(code)) return { refuse: 'Cargo.toml is a workspace, whose members are in the sources' };
  if (/\bpath\s*=/.test(code)) return { refuse: 'Cargo.toml has a path dependency, read from the sources' };
  if (/^\s*\[\[?(lib|bin|example|test|bench)\]?\]/m.test(code) || /^\s*build\s*=/m.test(code)) {
    return { refuse: 'Cargo.toml names its targets itself; `cargo fetch` needs them before the sources are there' };
  }
  if (ctx.kind('Cargo.lock') !== 'file') return { refuse: 'there is no Cargo.lock: a fetch ahead would resolve versions of its own' };
  if (ctx.kind('src/main.rs') !== 'file') return { refuse: 'there is no src/main.rs: a stand-in target for `cargo fetch` would not be replaced by the sources' };
  for (const f of ['.cargo', 'rust-toolchain', 'rust-toolchain.toml']) {
    if (ctx.kind(f) !== null) return { refuse: `the context holds ${f}, which cargo reads` };
  }
  for (const [name] of view.envNames) if (name === 'CARGO_HOME' || name.startsWith('CARGO_REGISTRIES') || name === 'CARGO_NET_OFFLINE') return { refuse: `the stage sets ${name}` };
  const folder = sameFolder(state, run);
  if (folder) return folder;
  // cargo reads the manifest's targets: a stand-in src/main.rs, replaced by the sources' own.
  const plan = insertDownload(state, ['Cargo.toml', 'Cargo.lock'], "mkdir -p src && echo 'fn main() {}' > src/main.rs && cargo fetch");
  if ('refuse' in plan) return plan;
  return { ...plan, command: 'cargo fetch' };
}

export const rustToolchain: Toolchain = {
  name: 'cargo',
  invokes: (argv) => argv[0] === 'cargo',
  caches: [
    { label: 'the cargo registry (/usr/local/cargo/registry)', target: '/usr/local/cargo/registry', store: true, movedBy: ['CARGO_HOME'] },
    { label: 'the cargo git checkouts (/usr/local/cargo/git)', target: '/usr/local/cargo/git', store: true, movedBy: ['CARGO_HOME'] },
  ],
  notMounted: [{ label: 'the cargo target folder', why: 'the runtime stage copies the binary out of it, and a cache mount would hide it from that COPY' }],
  officialImage: /^(docker\.io\/)?(library\/)?rust$/,
  depsFirst,
  noCross: 'Rust cross-compilation needs the target\'s standard library (rustup target add) and a linker for it in the builder, which the rust image does not have',
};

