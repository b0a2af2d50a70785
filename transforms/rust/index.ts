// The Rust transform: the user's rust stage becomes the builder, and a runtime stage gets the
// binary cargo built: distroless cc (glibc + libgcc_s) for glibc builds, distroless static for
// static (musl) builds, alpine for musl builds that link the C library dynamically.
import { RUST_MESSAGES } from './messages';
import * as posix from 'path/posix';
import type { Instr } from '../../src/dockerfile';
import { isOfficialImage } from '../../src/image-ref';
import { msg } from '../../src/messages';
import type { Message, TextEdit } from '../../src/types';
import { BUSYBOX_APPLETS, analyzeCommand, execText, programUses, replaceCommand, runSpecs } from '../shared/commands';
import type { RunSpec } from '../shared/commands';
import { carryInstructions } from '../shared/carry';
import { properties } from '../shared/instructions';
import { alpineOfTag, chooseNativeRuntime, debianReleaseOfTag, isPreset, RELEASE_NAMES } from '../shared/runtime-bases';
import { planRuntimeUser } from '../shared/runtime-user';
import { resolveProgram, setsPathWith } from '../shared/programs';
import { splitEdits, withMirror } from '../shared/split';
import type { Transform, TransformInput, TransformOutcome } from '../types';
import { skip } from '../types';
import { parseCargoArgs } from './cargo-command';
import { gatherRustFacts, nativeLinks } from './facts';
import { planRustLibraries, withRustLibraries } from './system-libs';
import type { RustLibraries } from './system-libs';
import type { RustFacts } from './facts';
import { buildOutputs, findArtifact, replayRustStage } from './replay';
import type { Linkage, RustArtifact, RustReplay } from './replay';
import { MAX_RUNTIME_PIECES, rustRuntimeFiles } from './runtime-files';

const RUNTIME_DEFAULT_PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];
const TOOLCHAIN_ENV_NAMES = new Set(['RUSTFLAGS', 'RUSTDOCFLAGS', 'RUSTC_WRAPPER', 'RUST_VERSION', 'RUSTUP_HOME', 'RUSTUP_TOOLCHAIN', 'CC', 'CXX', 'AR', 'LD', 'CFLAGS', 'CXXFLAGS', 'LDFLAGS', 'SCCACHE_DIR']);
const TOOLCHAIN_ENV_PREFIX = /^(CARGO_|RUSTUP_|PKG_CONFIG|OPENSSL_|CC_|CXX_|AR_|SQLX_OFFLINE$)/;

export const rustTransform: Transform<RustFacts> = {
  id: 'rust',
  messages: RUST_MESSAGES,
  matches: (ref) => isOfficialImage(ref, 'rust'),
  gather: (ctx, input) => gatherRustFacts(ctx, input.hasContext),
  readsAhead: { names: ['Cargo.toml', 'Cargo.lock'] },
  plan(input, facts) {
    if (/(^|-)onbuild$/.test(input.base.tag ?? '')) {
      return skip(msg('onbuild/unknown-triggers', { image: input.baseRaw }, input.stage.from.line));
    }
    return planRustSplit(input, facts);
  },
};

/** Debian release of a rust tag without a codename: bullseye up to 1.69, bookworm to 1.88, trixie after. */
export function rustDefaultRelease(tag: string | null): number {
  const m = /^(\d+)\.(\d+)/.exec(tag ?? '');
  // `latest`, `1`, `slim`: the current default variant (trixie since Rust 1.89). Guessing a newer
  // release is the safe side: a binary built against an older glibc runs on a newer one.
  if (!m) return 13;
  const minor = Number(m[2]);
  if (Number(m[1]) > 1 || minor >= 89) return 13;
  if (minor >= 70) return 12;
  if (minor >= 54) return 11;
  return 10;
}

/** Names of ENV variables in the stage that only steer cargo and the C toolchain. */
function toolchainEnv(body: readonly Instr[]): Set<string> {
  const out = new Set<string>(TOOLCHAIN_ENV_NAMES);
  for (const i of body) if (i.keyword === 'ENV') for (const p of properties(i)) if (TOOLCHAIN_ENV_PREFIX.test(p.name)) out.add(p.name);
  return out;
}

export function planRustSplit(input: TransformInput, facts: RustFacts): TransformOutcome {
  const { file, stage, base } = input;
  const messages: Message[] = [];
  const replay = replayRustStage(file, stage, facts, base.tag);
  if (replay.unknown.length) {
    const u = replay.unknown[0];
    return skip(msg('rust/artifact-unknown', { command: u.command, line: u.ins.line }, u.ins.line));
  }
  if (replay.copies.length && replay.copies.some((c) => c.sources.some((s) => s === '' || !s.includes('.')))) {
    if (!facts.hasContext) {
      // Without a context, binary names come only from explicit paths; runtime files are unknown.
      if (replay.copies.some((c) => c.destIsDir)) return skip(msg('context/unavailable', { reason: 'no build context was given' }));
    } else if (facts.truncated) return skip(msg('context/unavailable', { reason: 'the build context has too many files to list' }));
  }

  const specs = runSpecs(file, stage);
  const entry = specs.ENTRYPOINT ?? specs.CMD;
  if (!entry) return skip(msg('rust/no-entrypoint'));
  const overrides = new Map<Instr, string>();
  const builderAppend: string[] = [];
  const extra: RustArtifact[] = [];

  // `cargo run` at start-up: build in the builder, start the binary.
  const run = compileCargoRun(entry, replay, facts, input);
  if (run) {
    if ('skip' in run) return skip(run.skip);
    extra.push({ path: run.binary, linkage: run.linkage, tool: false, ins: entry.ins });
    overrides.set(entry.ins, replaceCommand(file, entry, execText(run.argv)));
    if (run.build) builderAppend.push(run.build);
    messages.push(msg('rust/cargo-run-compiled', { path: run.binary }, entry.ins.line));
  }
  const lookup = (p: string) => extra.find((a) => a.path === p) ?? findArtifact(p, replay);

  const uses = programUses(specs, overrides, file.escape);

  const custom = input.options.runtime !== undefined && !isPreset(input.options.runtime);
  const pathDirs = (replay.env.get('PATH') ?? '').split(':').filter(Boolean);
  const referenced = new Map<string, RustArtifact>();
  let pathDir: string | null = null;
  let busybox = false;
  let shell = false;
  for (const u of uses) {
    if (u.analysis.shell) shell = true;
    for (const p of u.analysis.programs) {
      const hit = resolveProgram(p, replay.workdir, pathDirs, lookup);
      if (hit) {
        referenced.set(hit.artifact.path, hit.artifact);
        if (hit.pathDir && !RUNTIME_DEFAULT_PATH.includes(hit.pathDir)) pathDir = hit.pathDir;
        continue;
      }
      if ((BUSYBOX_APPLETS.has(posix.basename(p)) && !p.startsWith('/')) || p === '/busybox/sh') {
        busybox = true;
        continue;
      }
      if (custom) continue;
      if (u.spec.keyword === 'HEALTHCHECK') return skip(msg('runtime/healthcheck-tool', { line: u.spec.ins.line, tool: p }, u.spec.ins.line));
      return skip(msg('rust/entrypoint-unknown', { program: p }, u.spec.ins.line));
    }
  }
  if (!referenced.size) return skip(msg('rust/entrypoint-unknown', { program: uses[0]?.analysis.programs[0] ?? '?' }, entry.ins.line));

  // The C library the binaries need.
  const linkages = new Set<Linkage>([...referenced.values()].map((a) => a.linkage));
  if (linkages.has('glibc') && linkages.has('musl')) return skip(msg('rust/mixed-linkage', { detail: 'glibc and musl' }));
  const libc = linkages.has('glibc') ? 'glibc' : linkages.has('musl') ? 'musl' : 'none';
  messages.push(msg('rust/linkage', {
    detail: libc === 'none' ? 'is statically linked (musl target or +crt-static): no C library needed'
      : libc === 'glibc' ? 'links glibc and libgcc_s (Rust\'s unwinder)' : 'links musl dynamically (-crt-static)',
  }));

  const tagRelease = debianReleaseOfTag(base.tag, 0);
  const release = tagRelease || rustDefaultRelease(base.tag);
  if (libc === 'glibc' && !tagRelease && !alpineOfTag(base.tag)) {
    messages.push(msg('rust/debian-release', { tag: base.tag ?? 'latest', release: RELEASE_NAMES[release] ?? String(release) }));
  }
  // System libraries besides OpenSSL: Debian slim of the builder's release installs their packages.
  const links = libc !== 'none' ? nativeLinks(facts) : null;
  let systemLibs: RustLibraries | null = null;
  if (links?.others.length && libc === 'glibc' && (input.options.runtime === undefined || input.options.runtime === 'debian')) {
    systemLibs = planRustLibraries(links, release);
    if (systemLibs.kind === 'refused') {
      const [crate, library] = links.others[0];
      return skip(msg('rust/system-library', { crate, library, reason: systemLibs.reason }));
    }
  }
  const explicitUser = replay.users.length > 0;
  const policy = input.options.user ?? 'nonroot';
  const choice = chooseNativeRuntime(
    { libc, shell, busybox, user: policy, explicitUser, debianRelease: release, alpineVersion: alpineOfTag(base.tag), cxx: true },
    systemLibs?.kind === 'install' ? 'debian' : input.options.runtime,
  );
  if (!choice.ok) {
    if (choice.reason === 'libc') return skip(msg('runtime/libc-mismatch', { image: choice.image, libc: choice.libc === 'none' ? 'no C library' : choice.libc ?? '?' }));
    return skip(msg('runtime/program-missing', { keyword: entry.keyword, line: entry.ins.line, program: 'a shell' }, entry.ins.line));
  }
  const rt = systemLibs?.kind === 'install' ? withRustLibraries(choice.base, systemLibs) : choice.base;

  // System libraries the binary links (only matters when it is not static).
  if (systemLibs?.kind === 'install') {
    messages.push(msg('rust/system-libraries-installed', { crates: systemLibs.crates.join(', '), image: rt.image, libraries: systemLibs.libraries.join(' '), source: systemLibs.source }));
  } else if (libc !== 'none' && !rt.custom) {
    if (links) {
      if (links.others.length) {
        const [crate, library] = links.others[0];
        const reason = libc === 'musl' ? 'stageify installs system libraries only on Debian slim runtimes' : `--runtime ${input.options.runtime} cannot install it`;
        return skip(msg('rust/system-library', { crate, library, reason }));
      }
      if (links.openssl) {
        if (release < 12) return skip(msg('rust/openssl-old-release', { release: RELEASE_NAMES[release] ?? String(release), library: 'libssl1.1' }));
        if (!rt.image.startsWith('gcr.io/distroless/')) return skip(msg('rust/openssl-runtime', { image: rt.image }));
        messages.push(msg('rust/openssl', { image: rt.image }));
      }
    } else if (facts.hasContext && rt.image.startsWith('gcr.io/distroless/')) {
      messages.push(msg('rust/no-lockfile', { image: rt.image }));
    }
  }
  if (rt.custom) messages.push(msg('runtime/custom-image', { image: rt.image }));
  messages.push(msg('runtime/base', { image: rt.image, why: rt.why }));
  if (replay.shells.length && shell) return skip(msg('runtime/custom-shell', { line: replay.shells[0].line }, replay.shells[0].line));

  // Shell-form commands become exec form when the runtime has no shell.
  for (const u of uses) {
    if (u.spec.form.exec || rt.shell) continue;
    const argv = u.analysis.argv;
    if (!argv) return skip(msg('runtime/program-missing', { keyword: u.spec.keyword, line: u.spec.ins.line, program: 'a shell' }, u.spec.ins.line));
    overrides.set(u.spec.ins, replaceCommand(file, u.spec, execText(argv)));
    messages.push(msg('runtime/exec-form', { keyword: u.spec.keyword, line: u.spec.ins.line }, u.spec.ins.line));
  }
  for (const u of uses) {
    if (u.analysis.shell && !u.spec.form.exec) {
      messages.push(msg('runtime/shell-kept', { keyword: u.spec.keyword, line: u.spec.ins.line, features: u.analysis.features.join(', ') }, u.spec.ins.line));
    }
  }

  // What the runtime stage gets: the binaries, then runtime files from the context.
  const copies: { src: string; dest: string }[] = [];
  for (const a of referenced.values()) {
    copies.push({ src: a.path, dest: a.path });
    messages.push(msg('rust/artifact', { path: a.path, line: a.ins.line }, a.ins.line));
  }
  const files = rustRuntimeFiles(replay.copies, facts.files, new Set(referenced.keys()));
  if (files.wholeDir) {
    const inside = (p: string) => files.paths.some((d) => p === d || p.startsWith(d === '/' ? '/' : d + '/'));
    for (let k = copies.length - 1; k >= 0; k--) if (inside(copies[k].src)) copies.splice(k, 1);
    messages.push(msg('runtime/files-many', { limit: MAX_RUNTIME_PIECES, dir: files.wholeDir }));
  } else if (files.paths.length) messages.push(msg('runtime/files-copied', { files: files.paths.join(', ') }));
  for (const p of files.paths) if (!referenced.has(p)) copies.push({ src: p, dest: p });

  const lines: string[] = [];
  if (!rt.hasCerts) {
    copies.push({ src: '/etc/ssl/certs/ca-certificates.crt', dest: '/etc/ssl/certs/ca-certificates.crt' });
    messages.push(msg('runtime/ca-certs', { image: rt.image }));
  }
  if (pathDir && !setsPathWith(stage.body, pathDir)) {
    const rest = rt.image === 'scratch' ? RUNTIME_DEFAULT_PATH.join(':') : '$PATH';
    lines.push(`ENV PATH=${pathDir}:${rest}`);
    messages.push(msg('runtime/path-env', { program: [...referenced.values()].map((a) => posix.basename(a.path)).join(', '), dir: pathDir }));
  }
  const user = planRuntimeUser(replay.users, rt, policy);
  copies.push(...user.copies);
  lines.push(...user.lines);
  messages.push(...user.messages);

  const carried = carryInstructions(stage.body, file.text, toolchainEnv(stage.body), overrides);
  const movedKw = [...new Set(carried.filter((c) => c.move).map((c) => c.ins.keyword))];
  if (movedKw.length) messages.push(msg('runtime/moved', { keywords: movedKw.join(', ') }));

  const inlineEdits: TextEdit[] = [];
  const edits = splitEdits({
    file, stage, options: input.options, builderName: stage.name ?? input.options.builderName ?? 'builder', afterFrom: [], inlineEdits, builderAppend,
    runtime: { base: rt, copies, lines, carried, tail: [], owner: user.owner }, notes: messages,
  });
  const own = (m: Message) => m.id.startsWith('rust/');
  return { kind: 'rewrite', edits, messages: [...messages.filter(own), ...messages.filter((m) => !own(m))], baseAfter: withMirror(rt.image, input.options.registryMirror) };
}

interface CargoRun {
  binary: string;
  linkage: Linkage;
  argv: string[];
  /** The build to add to the builder, or null when the Dockerfile already builds that binary. */
  build: string | null;
}

/** `CMD cargo run [--release] [-- args]`: the build it implies, and the binary it starts. */
function compileCargoRun(entry: RunSpec, replay: RustReplay, facts: RustFacts, input: TransformInput): CargoRun | { skip: Message } | null {
  const argv = entry.form.exec ?? analyzeCommand(entry.form, input.file.escape).argv;
  if (!argv || !(argv[0] === 'cargo' || argv[0].endsWith('/cargo'))) return null;
  const args = parseCargoArgs(argv.slice(1));
  if (!args || args.sub !== 'run') return null;
  const line = entry.ins.line;
  const out = buildOutputs(args, replay.workdir, replay.env, replay, facts, input.base.tag);
  if (out.dirs.length !== 1) return { skip: msg('rust/cargo-run-unknown', { line, reason: 'several --target triples' }, line) };
  if (out.names === null) return { skip: msg('rust/cargo-run-unknown', { line, reason: facts.hasContext ? 'the package is not in the build context' : 'no build context' }, line) };
  if (out.names.length !== 1) return { skip: msg('rust/cargo-run-unknown', { line, reason: out.names.length ? `the package has ${out.names.length} binaries` : 'the package has no binary' }, line) };
  const binary = posix.join(out.dirs[0].dir, out.names[0]);
  const built = replay.artifacts.some((a) => a.path === binary);
  const build = built ? null : `RUN ${['cargo', 'build', ...args.buildWords].map(shellQuote).join(' ')}`;
  return { binary, linkage: out.dirs[0].linkage, argv: [binary, ...args.programArgs], build };
}

function shellQuote(w: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}
