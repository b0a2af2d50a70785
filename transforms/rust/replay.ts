// Replays a rust stage instruction by instruction: working directory, environment, what the
// context puts where, and which binaries cargo builds (and cp/mv/install copy) where.
import * as posix from 'path/posix';
import type { Instr, ParsedDockerfile, Stage } from '../../src/dockerfile';
import { contextPathOf } from '../shared/context-map';
import { expandWord, replayStageCommon } from '../shared/replay';
import type { StageState } from '../shared/replay';
import { hostTriple, linkageOf, parseCargoArgs, profileDir } from './cargo-command';
import type { CargoArgs } from './cargo-command';
import { officialConfig } from '../shared/image-config';
import type { CargoPackage, RustFacts } from './facts';

export type Linkage = 'glibc' | 'musl' | 'none';

export interface RustArtifact {
  /** Absolute path in the builder. */
  path: string;
  linkage: Linkage;
  /** Installed from a registry or git (`cargo install ripgrep`): copied only when the program runs it. */
  tool: boolean;
  ins: Instr;
}

/** A folder cargo wrote binaries to whose names are not known (no context, or tools). */
export interface OutDir {
  dir: string;
  linkage: Linkage;
  tool: boolean;
  ins: Instr;
}

export interface CargoCommand {
  ins: Instr;
  args: CargoArgs;
  cwd: string;
  env: Map<string, string>;
}

export interface RustReplay extends StageState {
  cargo: CargoCommand[];
  artifacts: RustArtifact[];
  outDirs: OutDir[];
  unknown: { ins: Instr; command: string }[];
}

/** Folders every Debian-based image has. */
const KNOWN_DIRS = ['/', '/usr/local/bin', '/usr/bin', '/bin', '/usr/local/sbin', '/usr/sbin', '/sbin', '/opt', '/tmp', '/usr/local', '/usr/local/cargo/bin', '/root', '/home', '/srv'];

export function replayRustStage(file: ParsedDockerfile, stage: Stage, facts: RustFacts, tag: string | null): RustReplay {
  const image = officialConfig('rust', tag);
  const extra = { cargo: [] as CargoCommand[], artifacts: [] as RustArtifact[], outDirs: [] as OutDir[], unknown: [] as RustReplay['unknown'] };
  const state = replayStageCommon(file, stage, {
    workdir: image.workdir,
    env: image.env,
    files: facts.files,
    knownDirs: KNOWN_DIRS,
    onCommand: (c, s) => {
      const r = { ...s, ...extra } as RustReplay;
      const argv = c.words.map((w) => expandWord(w, c.env));
      const name = argv[0];
      if (name === 'mkdir') {
        for (const w of c.words.slice(1)) if (!w.value.startsWith('-') && !w.expansion) s.dirs.add(posix.resolve(c.cwd, w.value));
        return;
      }
      if (isCargo(name)) cargoCommand(c.ins, argv.slice(1), c.cwd, new Map(c.env), r, facts, tag);
      else copyCommand(c.ins, argv, c.cwd, r);
    },
    onHeredoc: (ins, text) => {
      if (/\bcargo\s+(build|install|b)\b/.test(text)) extra.unknown.push({ ins, command: 'a cargo command inside a heredoc' });
    },
  });
  // What a RUN writes under a cache mount is not in the image.
  const gone = (ins: Instr, p: string) => cacheMounts(ins.argsText).some((c) => p === c || p.startsWith(c === '/' ? '/' : c + '/'));
  extra.artifacts = extra.artifacts.filter((a) => !gone(a.ins, a.path));
  extra.outDirs = extra.outDirs.filter((o) => !gone(o.ins, o.dir));
  return Object.assign(state, extra);
}

function isCargo(p: string): boolean {
  return p === 'cargo' || p.endsWith('/cargo');
}

/** Targets of `RUN --mount=type=cache,target=…`. */
function cacheMounts(argsText: string): string[] {
  const out: string[] = [];
  for (const m of argsText.matchAll(/--mount=(\S+)/g)) {
    const opts = new Map<string, string>();
    for (const kv of m[1].split(',')) {
      const eq = kv.indexOf('=');
      opts.set(eq < 0 ? kv : kv.slice(0, eq), eq < 0 ? 'true' : kv.slice(eq + 1));
    }
    const target = opts.get('target') ?? opts.get('dst') ?? opts.get('destination');
    if (opts.get('type') === 'cache' && target) out.push(target.replace(/\/+$/, '') || '/');
  }
  return out;
}

function cargoCommand(ins: Instr, words: string[], cwd: string, env: Map<string, string>, r: RustReplay, facts: RustFacts, tag: string | null): void {
  const args = parseCargoArgs(words);
  if (!args) return;
  if (args.sub !== 'build' && args.sub !== 'install') return;
  r.cargo.push({ ins, args, cwd, env });
  const rustflags = env.get('RUSTFLAGS') ?? facts.configRustflags;
  const explicit = args.multi.get('--target') ?? (env.get('CARGO_BUILD_TARGET') ? [env.get('CARGO_BUILD_TARGET') as string] : facts.configTarget ? [facts.configTarget] : null);
  const triples = explicit ?? [hostTriple(tag)];
  const command = `cargo ${args.sub}`;

  if (args.sub === 'install') {
    const root = args.flags.get('--root') ?? env.get('CARGO_INSTALL_ROOT') ?? env.get('CARGO_HOME') ?? '/root/.cargo';
    const bin = posix.join(posix.resolve(cwd, root), 'bin');
    r.dirs.add(bin);
    const path = args.flags.get('--path');
    const linkage = linkageOf(triples[0], rustflags);
    if (!path) {
      // Crates from a registry or git: their binary names are not in the context.
      if (args.positional.length || args.flags.has('--git')) r.outDirs.push({ dir: bin, linkage, tool: true, ins });
      return;
    }
    const pkg = packageAt(posix.resolve(cwd, path), r, facts);
    if (!pkg) {
      r.outDirs.push({ dir: bin, linkage, tool: false, ins });
      return;
    }
    const wanted = args.multi.get('--bin');
    const names = wanted && !args.flags.has('--bins') ? wanted : pkg.bins;
    for (const n of names) r.artifacts.push({ path: posix.join(bin, n), linkage, tool: false, ins });
    return;
  }

  // cargo build
  const out = buildOutputs(args, cwd, env, r, facts, tag);
  for (const d of out.dirs) {
    r.dirs.add(d.dir);
    if (out.names === null) r.outDirs.push({ dir: d.dir, linkage: d.linkage, tool: false, ins });
    else for (const n of out.names) r.artifacts.push({ path: posix.join(d.dir, n), linkage: d.linkage, tool: false, ins });
  }
  if (out.names !== null && !out.names.length && (args.flags.has('--example') || args.flags.has('--examples'))) r.unknown.push({ ins, command });
}

export interface BuildOutputs {
  /** One folder per target triple. */
  dirs: { dir: string; linkage: Linkage }[];
  /** Binary names, or null when the context cannot tell. */
  names: string[] | null;
}

/** Where `cargo build` (or `cargo run`) with these arguments puts which binaries. */
export function buildOutputs(args: CargoArgs, cwd: string, env: ReadonlyMap<string, string>, r: RustReplay, facts: RustFacts, tag: string | null): BuildOutputs {
  const rustflags = env.get('RUSTFLAGS') ?? facts.configRustflags;
  const explicit = args.multi.get('--target') ?? (env.get('CARGO_BUILD_TARGET') ? [env.get('CARGO_BUILD_TARGET') as string] : facts.configTarget ? [facts.configTarget] : null);
  const triples = explicit ?? [hostTriple(tag)];
  const profile = profileDir(args);
  const manifest = args.flags.get('--manifest-path');
  const manifestDir = manifest ? posix.dirname(posix.resolve(cwd, manifest)) : cwd;
  const root = workspaceRootOf(manifestDir, r, facts);
  const targetDirRaw = args.flags.get('--target-dir') ?? env.get('CARGO_TARGET_DIR') ?? null;
  const targetDir = targetDirRaw ? posix.resolve(cwd, targetDirRaw) : facts.configTargetDir ? posix.resolve(root, facts.configTargetDir) : posix.join(root, 'target');
  return {
    dirs: triples.map((triple) => ({ dir: explicit ? posix.join(targetDir, triple, profile) : posix.join(targetDir, profile), linkage: linkageOf(triple, rustflags) })),
    names: binariesBuilt(args, manifestDir, r, facts),
  };
}

/** The context package whose Cargo.toml is at an image folder, via the copies. */
function packageAt(dir: string, r: RustReplay, facts: RustFacts): CargoPackage | null {
  const ctx = contextPathOf(posix.join(dir, 'Cargo.toml'), r.copies, facts.files);
  if (ctx === null) return null;
  const ctxDir = posix.dirname(ctx) === '.' ? '' : posix.dirname(ctx);
  return facts.packages.find((p) => p.dir === ctxDir) ?? null;
}

function contextDirOf(dir: string, r: RustReplay, facts: RustFacts): string | null {
  const ctx = contextPathOf(posix.join(dir, 'Cargo.toml'), r.copies, facts.files);
  if (ctx === null) return null;
  return posix.dirname(ctx) === '.' ? '' : posix.dirname(ctx);
}

/** The workspace root above a manifest folder (where `target/` goes), else the folder itself. */
function workspaceRootOf(dir: string, r: RustReplay, facts: RustFacts): string {
  for (let d = dir; ; d = posix.dirname(d)) {
    const ctx = contextDirOf(d, r, facts);
    if (ctx !== null && facts.workspaces.some((w) => w.dir === ctx)) return d;
    if (d === '/') return dir;
  }
}

/** Binary names a `cargo build` produces, or null when they cannot be told from the context. */
function binariesBuilt(args: CargoArgs, manifestDir: string, r: RustReplay, facts: RustFacts): string[] | null {
  const wanted = args.multi.get('--bin');
  if (wanted && !args.flags.has('--bins')) return wanted;
  if (args.flags.has('--example') || args.flags.has('--lib') && !args.flags.has('--bins')) return [];
  if (!facts.hasContext || facts.truncated) return null;
  const ctxDir = contextDirOf(manifestDir, r, facts);
  if (ctxDir === null) return null;
  const rootWs = facts.workspaces.find((w) => w.dir === ctxDir) ?? wsContaining(ctxDir, facts);
  const pkgs = new Set<CargoPackage>();
  const byName = (n: string) => facts.packages.find((p) => p.name === n);
  const selected = args.multi.get('--package');
  if (selected) {
    for (const n of selected) {
      const p = byName(n);
      if (!p) return null;
      pkgs.add(p);
    }
  } else if (args.flags.has('--workspace') || args.flags.has('--all') || (rootWs && rootWs.dir === ctxDir && !rootWs.rootPackage)) {
    if (!rootWs) return null;
    for (const d of rootWs.members) {
      const p = facts.packages.find((x) => x.dir === d);
      if (p) pkgs.add(p);
    }
  } else {
    const p = facts.packages.find((x) => x.dir === ctxDir);
    if (!p) return null;
    pkgs.add(p);
  }
  return [...new Set([...pkgs].flatMap((p) => p.bins))];
}

function wsContaining(ctxDir: string, facts: RustFacts) {
  return facts.workspaces.find((w) => w.members.includes(ctxDir));
}

/** `cp`/`mv`/`install` of a binary cargo built: the copy is a binary too. */
function copyCommand(ins: Instr, argv: string[], cwd: string, r: RustReplay): void {
  const name = posix.basename(argv[0]);
  if (name !== 'cp' && name !== 'mv' && name !== 'install') return;
  const operands: string[] = [];
  let targetDir: string | null = null;
  for (let k = 1; k < argv.length; k++) {
    const a = argv[k];
    if (a === '--') {
      operands.push(...argv.slice(k + 1));
      break;
    }
    if (a.startsWith('-') && a !== '-') {
      if (name === 'install' && /^-[mog]$/.test(a)) k++;
      else if (a === '-t' || a === '--target-directory') targetDir = argv[++k] ?? null;
      else if (a.startsWith('--target-directory=')) targetDir = a.slice(a.indexOf('=') + 1);
      continue;
    }
    operands.push(a);
  }
  if (targetDir === null && operands.length < 2) return;
  const sources = targetDir === null ? operands.slice(0, -1) : operands;
  const destRaw = targetDir ?? operands[operands.length - 1];
  const dest = posix.resolve(cwd, destRaw);
  const destIsDir = targetDir !== null || destRaw.endsWith('/') || sources.length > 1 || r.dirs.has(dest);
  for (const s of sources) {
    const src = posix.resolve(cwd, s);
    const hit = findArtifact(src, r);
    if (!hit) {
      if (/[*?[]/.test(s) && r.outDirs.concat(r.artifacts.map((a) => ({ dir: posix.dirname(a.path), linkage: a.linkage, tool: a.tool, ins: a.ins }))).some((o) => posix.dirname(src) === o.dir)) {
        r.unknown.push({ ins, command: `${name} with a glob` });
      }
      continue;
    }
    const path = destIsDir ? posix.join(dest, posix.basename(src)) : dest;
    r.artifacts.push({ path, linkage: hit.linkage, tool: hit.tool, ins });
  }
}

/** What rustup puts in $CARGO_HOME/bin: never a binary the Dockerfile built. */
const TOOLCHAIN_BINS = new Set([
  'cargo', 'rustc', 'rustup', 'rustdoc', 'rustfmt', 'cargo-fmt', 'cargo-clippy', 'clippy-driver', 'cargo-miri',
  'rust-gdb', 'rust-gdbgui', 'rust-lldb', 'rls', 'rust-analyzer',
]);

/** The artifact at an image path: a known binary, or a file in a folder cargo wrote to. */
export function findArtifact(path: string, r: RustReplay): RustArtifact | null {
  for (let k = r.artifacts.length - 1; k >= 0; k--) if (r.artifacts[k].path === path) return r.artifacts[k];
  if (TOOLCHAIN_BINS.has(posix.basename(path))) return null;
  const dir = [...r.outDirs].reverse().find((o) => o.dir === posix.dirname(path));
  return dir ? { path, linkage: dir.linkage, tool: dir.tool, ins: dir.ins } : null;
}

