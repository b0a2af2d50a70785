// Pass two: the node stage becomes the builder (the user's own install and build steps, then dev
// dependencies pruned), and a runtime stage on the same version's slim image (or distroless nodejs)
// gets node_modules, package.json and the app (or only its built output) with the runtime settings.
import * as posix from 'path/posix';
import type { Instr } from '../../src/dockerfile';
import { msg } from '../../src/messages';
import type { Message } from '../../src/types';
import { SHELL_BUILTINS, execText, replaceCommand, runSpecs } from '../shared/commands';
import type { RunKeyword, RunSpec } from '../shared/commands';
import { placedFiles } from '../shared/context-map';
import { carryInstructions } from '../shared/carry';
import type { RuntimeBase } from '../shared/runtime-bases';
import { planRuntimeUser } from '../shared/runtime-user';
import { splitEdits, withMirror } from '../shared/split';
import type { TransformInput, TransformOutcome } from '../types';
import { skip } from '../types';
import type { Manager, NodeFacts, PackageDir, PackageJson } from './facts';
import { DISTROLESS_MAJORS, distrolessImage, majorOfTag, pruneFlag, runtimeVariant, slimImage } from './image-tags';
import type { Family } from './image-tags';
import { replayStage } from './replay';
import type { NodeReplay } from './replay';
import { runtimePieces } from './runtime-files';
import { DISTROLESS_NODE, argvOf, nodeScript, resolveStart, scriptProgram } from './start';
import type { Start } from './start';

/** System packages that only build things (compilers, headers of libc, fetch tools). */
const BUILD_TOOLS = new Set([
  'build-essential', 'build-base', 'gcc', 'g++', 'make', 'cmake', 'python3', 'python', 'python-is-python3', 'python3-minimal', 'python3-dev',
  'python3-setuptools', 'git', 'curl', 'wget', 'ca-certificates', 'pkg-config', 'pkgconf', 'libc6-dev', 'libc-dev', 'musl-dev', 'linux-headers',
  'autoconf', 'automake', 'libtool', 'gnupg', 'unzip', 'xz-utils', 'bzip2', 'openssh-client', 'patch', 'file', 'jq', 'nasm', 'binutils',
]);
/** Programs a node slim image has besides node itself. */
const SLIM_PROGRAMS = new Set([
  'node', 'nodejs', 'npm', 'npx', 'yarn', 'yarnpkg', 'corepack', 'docker-entrypoint.sh', 'sh', 'bash', 'dash', 'env', 'cat', 'ls', 'sleep',
  'test', '[', 'echo', 'printf', 'true', 'false', 'id', 'whoami', 'date', 'mkdir', 'rm', 'cp', 'mv', 'chmod', 'touch', 'tee', 'head', 'tail',
  'grep', 'sed', 'awk', 'cut', 'tr', 'wc', 'hostname', 'kill', 'timeout', 'nice', 'nohup', 'stat', 'uname', 'dirname', 'basename', 'readlink',
]);
const DEBIAN_USERS = ['root', 'daemon', 'bin', 'sys', 'nobody', 'www-data', 'node', '0', '1000', '65534'];
const DISTROLESS_USERS = ['root', 'nonroot', 'nobody', '0', '65532', '65534'];

type RuntimeKind = 'slim' | 'distroless' | 'custom';

interface AppLocation {
  /** App folder in the image. */
  dir: string;
  /** The package folder in the context. */
  pkg: PackageDir;
  /** Files placed in the app folder, relative to it. */
  files: string[];
}

/**
 * Where the Dockerfile put the app's package.json: the one placed in the final WORKDIR, else the
 * shallowest one (vendored packages below it are dependencies, not the app).
 */
export function locateApp(replay: NodeReplay, facts: NodeFacts): AppLocation | null {
  const candidates: { dir: string; pkg: PackageDir }[] = [];
  for (const c of replay.copies) {
    for (const p of placedFiles(c, facts.files)) {
      if (posix.basename(p.ctx) !== 'package.json') continue;
      const pkg = facts.dirs[p.ctx.includes('/') ? posix.dirname(p.ctx) : ''];
      if (pkg && pkg.pkg) candidates.push({ dir: posix.dirname(p.image), pkg });
    }
  }
  if (!candidates.length) return null;
  const depth = (d: string) => (d === '/' ? 0 : d.split('/').length);
  const inWorkdir = candidates.filter((c) => c.dir === replay.workdir);
  const pool = inWorkdir.length ? inWorkdir : candidates;
  const found = pool.reduce((best, c) => (depth(c.dir) <= depth(best.dir) ? c : best));
  const { dir } = found;
  const files = new Set<string>();
  for (const c of replay.copies) {
    for (const p of placedFiles(c, facts.files)) {
      if (p.image.startsWith(dir === '/' ? '/' : dir + '/')) files.add(p.image.slice(dir === '/' ? 1 : dir.length + 1));
    }
  }
  return { dir, pkg: found.pkg, files: [...files].sort() };
}

/** Stands for the package.json an app without one would have: no dependencies, no scripts. */
const NO_PACKAGE: PackageJson = { scripts: {}, dependencies: {}, devDependencies: {}, main: null, bin: {}, packageManager: null };

/**
 * An app without package.json: the files the Dockerfile copies into the final WORKDIR, when nothing
 * installs packages or runs a build (then there is nothing stageify could not see).
 */
export function plainApp(replay: NodeReplay, facts: NodeFacts): AppLocation | null {
  if (replay.installs.length || replay.scripts.length) return null;
  const dir = replay.workdir;
  const files = new Set<string>();
  for (const c of replay.copies) {
    for (const p of placedFiles(c, facts.files)) {
      if (p.image.startsWith(dir === '/' ? '/' : dir + '/')) files.add(p.image.slice(dir === '/' ? 1 : dir.length + 1));
    }
  }
  if (!files.size) return null;
  return { dir, pkg: { dir: '', pkg: NO_PACKAGE, lockfiles: [], yarnBerry: false, ts: null }, files: [...files].sort() };
}

export function planSplit(input: TransformInput, facts: NodeFacts, family: Family): TransformOutcome {
  const { file, stage, base, options } = input;
  const messages: Message[] = [];
  if (!facts.hasContext) return skip(msg('context/unavailable', { reason: 'no build context was given' }));
  if (facts.truncated) return skip(msg('context/unavailable', { reason: 'the build context has too many files to list' }));
  const replay = replayStage(file, stage, facts);
  if (replay.heredocRuns.length) return skip(msg('skip/heredoc', { line: replay.heredocRuns[0].line }, replay.heredocRuns[0].line));

  // A slim or alpine builder that installs, builds and adds nothing: the runtime would be the same image.
  const builderVariant = runtimeVariant(base.tag);
  const slimRuntime = options.runtime === undefined || options.runtime === 'debian' || (options.runtime === 'alpine' && builderVariant === 'alpine');
  if (builderVariant && slimRuntime && !replay.installs.length && !replay.scripts.length && !replay.systemPackages.length) {
    return skip(msg('node/already-runtime', { image: input.baseRaw }));
  }

  // Where the app is: its package.json, else (no dependencies to install) the files in WORKDIR.
  const app = locateApp(replay, facts) ?? plainApp(replay, facts);
  if (!app) return skip(msg('node/no-package-json'));
  if (app.dir === '/') return skip(msg('node/app-dir-root'));
  if (app.pkg.pkg === NO_PACKAGE) messages.push(msg('node/no-package-json-app', { dir: app.dir, files: app.files.join(', ') }));
  const pkg = app.pkg.pkg!;
  const appFiles = new Set(app.files);

  // System packages: build tools are left behind; anything else may be needed at run time.
  const dropped: { ins: Instr; packages: string[] }[] = [];
  for (const s of replay.systemPackages) {
    const runtimeNeeded = s.packages.filter((p) => !BUILD_TOOLS.has(p.replace(/[=:].*$/, '')));
    if (runtimeNeeded.length) return skip(msg('node/system-packages', { line: s.ins.line, packages: runtimeNeeded.join(', ') }, s.ins.line));
    dropped.push(s);
  }
  const outside = replay.outside.find((o) => !o.path.startsWith(app.dir + '/') && o.path !== app.dir);
  if (outside) return skip(msg('node/outside-app', { line: outside.ins.line, path: outside.path, dir: app.dir }, outside.ins.line));

  // Runtime base.
  const major = majorOfTag(family, base.tag);
  const variant = runtimeVariant(base.tag);
  const policy = options.user ?? 'nonroot';
  const explicitUser = replay.users.length > 0;
  let kind: RuntimeKind;
  let image: string;
  let why: string;
  const preset = options.runtime;
  if (preset === undefined || preset === 'debian' || (preset === 'alpine' && variant === 'alpine')) {
    kind = 'slim';
    image = slimImage(input.baseRaw, base);
    why = variant === 'alpine' ? 'the same alpine image: native addons built against musl need musl' : 'the same Node version without build tools (npm kept)';
  } else if (preset === 'distroless') {
    if (major === null || !DISTROLESS_MAJORS.has(major)) return skip(msg('node/distroless-no-major', { image: input.baseRaw }));
    if (variant === 'alpine') return skip(msg('node/runtime-preset-unsupported', { preset, image: input.baseRaw }));
    kind = 'distroless';
    image = distrolessImage(major, policy === 'nonroot' && !explicitUser);
    why = `Node ${major} without npm or a shell; ENTRYPOINT is node`;
  } else if (['alpine', 'scratch', 'chainguard'].includes(preset)) {
    return skip(msg('node/runtime-preset-unsupported', { preset, image: input.baseRaw }));
  } else {
    kind = 'custom';
    image = preset;
    why = 'given by --runtime';
  }
  const rt: RuntimeBase = {
    image, libc: variant === 'alpine' ? 'musl' : 'glibc', shell: kind === 'distroless' ? null : '/bin/sh', preamble: [], hasEntrypoint: false,
    users: kind === 'custom' ? null : new Set(kind === 'distroless' ? DISTROLESS_USERS : DEBIAN_USERS),
    nonrootByDefault: kind === 'distroless' && image.endsWith(':nonroot'), hasCerts: true, hasTzdata: true, busybox: false, custom: kind === 'custom', why,
  };

  // The start command.
  const specs = runSpecs(file, stage);
  if (!specs.CMD && !specs.ENTRYPOINT) return skip(msg('node/no-cmd'));
  const overrides = new Map<Instr, string>();
  const globals = new Set(replay.installs.filter((i) => i.global).flatMap((i) => i.packages.map((p) => p.replace(/(.)@.*$/, '$1'))));
  const globalLine = (p: string) => replay.installs.find((i) => i.global && i.packages.some((x) => x.replace(/(.)@.*$/, '$1') === p))?.ins.line ?? 0;
  let start: Start | null = null;
  const mainSpec = specs.ENTRYPOINT ?? specs.CMD!;
  for (const k of ['ENTRYPOINT', 'CMD', 'HEALTHCHECK'] as RunKeyword[]) {
    const spec = specs[k];
    if (!spec || (k === 'CMD' && specs.ENTRYPOINT)) continue;
    const s = resolveStart(spec, file.escape, pkg, appFiles);
    if (spec === mainSpec) start = s;
    const shown = spec.form.exec ? spec.form.exec.join(' ') : spec.form.shell ?? '';
    if (s.kind === 'script-missing') return skip(msg('node/start-unknown', { command: shown }, spec.ins.line));
    // Programs the runtime must have.
    const program = s.kind === 'other' ? programOf(spec) : null;
    if (program && kind !== 'custom') {
      const name = posix.basename(program);
      const global = [...globals].find((g) => name === g || name.startsWith(g + '-'));
      if (global) return skip(msg('node/global-program', { program: name, line: globalLine(global) }, spec.ins.line));
      const inApp = program.startsWith('./') || program.startsWith(app.dir + '/') || (!program.startsWith('/') && program.includes('/'));
      const known = kind === 'slim' ? SLIM_PROGRAMS.has(name) || SHELL_BUILTINS.has(name) : false;
      const dep = pkg.dependencies[name] !== undefined || Object.keys(pkg.bin).includes(name);
      const isScript = /\.[cm]?js$/.test(program) || program.startsWith('-');
      if (!inApp && !known && !dep && !(isScript && k !== 'HEALTHCHECK')) {
        if (k === 'HEALTHCHECK') return skip(msg('runtime/healthcheck-tool', { line: spec.ins.line, tool: program }, spec.ins.line));
        if (kind === 'distroless') return skip(msg('node/start-not-node', { keyword: k, line: spec.ins.line, command: shown }, spec.ins.line));
        return skip(msg('runtime/program-missing', { keyword: k, line: spec.ins.line, program }, spec.ins.line));
      }
    }
    const rewritten = rewriteStart(k, spec, s, kind, file.escape, facts.npmEnvReaders);
    if ('skip' in rewritten) return skip(rewritten.skip);
    if (rewritten.text !== null) {
      overrides.set(spec.ins, replaceCommand(file, spec, rewritten.text));
      messages.push(rewritten.message);
    } else if (rewritten.message) messages.push(rewritten.message);
  }
  if (replay.shells.length && [...Object.values(specs)].some((s) => s && !s.form.exec && !overrides.has(s.ins))) {
    return skip(msg('runtime/custom-shell', { line: replay.shells[0].line }, replay.shells[0].line));
  }

  // The started script, when there is one, tells whether a compiled outDir is the program.
  const started = startedScript(start);
  const appInstalls = replay.installs.filter((i) => !i.global && (i.cwd === app.dir || i.cwd.startsWith(app.dir + '/')));
  const manager: Manager | null = appInstalls.length ? appInstalls[appInstalls.length - 1].manager : null;
  if (manager) messages.push(msg('node/package-manager', { manager, why: managerWhy(manager, app.pkg, appInstalls[appInstalls.length - 1].ins.line) }));

  // Dev dependencies.
  const builderAppend: string[] = [];
  const devDeps = Object.keys(pkg.devDependencies);
  const lastInstall = appInstalls[appInstalls.length - 1];
  const pruned = lastInstall ? replay.prunes.find((p) => p.ins.start > lastInstall.ins.start) : undefined;
  let prunedNow = false;
  if (!manager) messages.push(msg('node/no-install'));
  else if (appInstalls.every((i) => i.prodOnly)) messages.push(msg('node/prod-only', { why: appInstalls[appInstalls.length - 1].prodOnly! }));
  else if (pruned) messages.push(msg('node/prod-only', { why: `pruned on line ${pruned.ins.line}` }));
  else if (!devDeps.length) messages.push(msg('node/prod-only', { why: 'package.json lists no devDependencies' }));
  else {
    const startProgram = start && (start.kind === 'script-other') ? scriptProgram(pkg.scripts.start ?? '') : start && start.kind === 'other' && start.argv ? posix.basename(start.argv[0]) : null;
    const pruneCmd = pruneCommand(manager, family, major, app.pkg);
    if (startProgram && devDeps.includes(startProgram)) {
      messages.push(msg('node/dev-deps-kept', { reason: `the start command runs ${startProgram}, a devDependency` }));
    } else if (!pruneCmd) {
      messages.push(msg('node/dev-deps-kept', { reason: 'Yarn 2+ has no production-only reinstall without the workspace-tools plugin' }));
    } else {
      const workdir = replay.workdir;
      const cd = workdir === app.dir ? '' : `cd ${app.dir} && `;
      builderAppend.push('# dev dependencies out: the runtime stage copies node_modules as it is now');
      if (explicitUser) builderAppend.push('USER root');
      builderAppend.push(`RUN ${cd}${pruneCmd}`);
      messages.push(msg('node/prune', { command: pruneCmd }));
      prunedNow = true;
    }
  }
  for (const d of dropped) messages.push(msg('node/build-tools-dropped', { line: d.ins.line, packages: d.packages.join(', ') }, d.ins.line));

  // What the runtime copies.
  const built = replay.scripts.length > 0;
  const ts = app.pkg.ts;
  const ctxPrefix = app.pkg.dir ? app.pkg.dir + '/' : '';
  const outRel = ts?.outDir !== null && ts?.outDir !== undefined && (ts.outDir + '/').startsWith(ctxPrefix) ? ts.outDir.slice(ctxPrefix.length) : null;
  const outImage = outRel ? posix.join(app.dir, outRel) : null;
  const startedImage = started ? posix.resolve(replay.workdir, started) : null;
  const fileDeps = localDeps(pkg.dependencies);
  const devFileDeps = localDeps(pkg.devDependencies);
  const pieces: string[] = [];
  let outDirMode = false;
  if (outImage && built && startedImage && (startedImage.startsWith(outImage + '/'))) {
    const exclude = [outRel!, ...devFileDeps, ...sourceDirs(ts!, app.pkg.dir)];
    const rt = runtimePieces(app.files, exclude);
    if (rt.paths.length + 3 <= 12) {
      outDirMode = true;
      pieces.push('node_modules', 'package.json', outRel!, ...fileDeps.filter((d) => !d.startsWith('..')), ...rt.paths);
      messages.push(msg('node/out-dir', { outDir: outRel!, tsconfig: ts!.declaredIn }));
    }
  }
  if (!outDirMode) messages.push(msg('node/app-dir', { dir: app.dir }));
  const copies: { src: string; dest: string; chown?: string }[] = [];
  const chown = replay.chowns.filter((c) => c.path === app.dir).pop();
  if (outDirMode) {
    for (const p of [...new Set(pieces)]) {
      const abs = posix.join(app.dir, p);
      if (!copies.some((c) => abs.startsWith(c.src + '/'))) copies.push({ src: abs, dest: abs });
    }
  } else copies.push({ src: app.dir, dest: app.dir });
  // Local dependencies outside the app folder, and files the Dockerfile put outside it.
  for (const d of fileDeps.filter((x) => x.startsWith('..'))) {
    const abs = posix.join(app.dir, d);
    copies.push({ src: abs, dest: abs });
  }
  if (fileDeps.length) messages.push(msg('node/file-deps', { dirs: fileDeps.join(', ') }));
  for (const c of replay.copies) {
    if (c.dest === app.dir || c.dest.startsWith(app.dir + '/') || app.dir.startsWith(c.dest + '/')) continue;
    // Build credentials and scratch space stay in the builder.
    if (/^\/(root|tmp)(\/|$)/.test(c.dest) || /^\.(npmrc|yarnrc)/.test(posix.basename(c.dest))) continue;
    if (!copies.some((x) => x.src === c.dest)) copies.push({ src: c.dest, dest: c.dest });
  }
  if (chown) {
    for (const c of copies) if (c.src === app.dir || c.src.startsWith(app.dir + '/')) c.chown = chown.owner;
    messages.push(msg('node/chown-kept', { dir: app.dir, owner: chown.owner, line: chown.ins.line }, chown.ins.line));
  }

  // A slim or alpine builder is already the runtime image: only worth it when something is dropped.
  if (variant && kind === 'slim') {
    const what = [prunedNow ? 'dev dependencies' : '', built ? 'build tooling and sources' : '', dropped.length ? 'build tools' : ''].filter(Boolean);
    if (!what.length) return skip(msg('node/already-runtime', { image: input.baseRaw }));
    messages.push(msg('node/runtime-same-image', { image: input.baseRaw, what: what.join(', ') }));
  }

  // Users.
  const lines: string[] = [];
  const runtimeCopies: { src: string; dest: string }[] = [];
  let owner: string | null = null;
  if (!explicitUser && policy === 'nonroot' && kind === 'slim' && family === 'node') {
    lines.push('USER node');
    owner = 'node:node';
    messages.push(msg('node/user-node'));
  } else {
    const user = planRuntimeUser(replay.users, rt, policy);
    owner = user.owner;
    runtimeCopies.push(...user.copies);
    lines.push(...user.lines);
    messages.push(...user.messages);
  }
  if (rt.custom) messages.push(msg('runtime/custom-image', { image: rt.image }));
  messages.push(msg('runtime/base', { image: rt.image, why: rt.why }));

  const builderName = stage.name ?? options.builderName ?? 'builder';
  const carried = carryInstructions(stage.body, file.text, new Set(), overrides);
  const movedKw = [...new Set(carried.filter((c) => c.move).map((c) => c.ins.keyword))];
  if (movedKw.length) messages.push(msg('runtime/moved', { keywords: movedKw.join(', ') }));
  const edits = splitEdits({
    file, stage, options, builderName, afterFrom: [], inlineEdits: [], builderAppend,
    // The app's own files come through the split's copies: inside the folders a new non-root user
    // owns, they get that owner too.
    runtime: { base: rt, copies: [...runtimeCopies, ...copies], lines, carried, tail: [], owner }, notes: messages,
  });
  const own = (m: Message) => m.id.startsWith('node/') || m.id.startsWith('onbuild/');
  return { kind: 'rewrite', edits, messages: [...messages.filter(own), ...messages.filter((m) => !own(m))], baseAfter: withMirror(rt.image, options.registryMirror) };
}

function programOf(spec: RunSpec): string | null {
  if (spec.form.exec) return spec.form.exec[0] ?? null;
  const w = (spec.form.shell ?? '').trim().split(/\s+/).filter((x) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(x));
  return (w[0] === 'exec' ? w[1] : w[0]) ?? null;
}

function managerWhy(manager: Manager, dir: PackageDir, line: number): string {
  const lock = dir.lockfiles.find((l) => (l === 'yarn.lock' ? 'yarn' : l === 'pnpm-lock.yaml' ? 'pnpm' : 'npm') === manager);
  return lock ? `installs on line ${line}, ${lock} present` : `installs on line ${line}`;
}

/** The command that removes dev dependencies from node_modules in place, or null (Yarn 2+). */
export function pruneCommand(manager: Manager, family: Family, major: number | null, dir: PackageDir): string | null {
  if (manager === 'npm') return `npm prune ${pruneFlag(family, major)}`;
  if (manager === 'pnpm') return 'pnpm prune --prod';
  if (dir.yarnBerry) return null;
  // Yarn 1 has no prune: a production reinstall from its cache.
  return 'yarn install --production --prefer-offline';
}

/** Relative folders of `file:`/`link:` dependencies (tarballs excluded: npm unpacks those). */
export function localDeps(deps: Record<string, string>): string[] {
  const out: string[] = [];
  for (const spec of Object.values(deps)) {
    const m = /^(?:file|link):(.+)$/.exec(spec);
    if (!m || /\.(tgz|tar\.gz|tar)$/.test(m[1])) continue;
    out.push(posix.normalize(m[1]).replace(/\/$/, ''));
  }
  return [...new Set(out)].sort();
}

/** TypeScript source folders relative to the package (rootDir, or the first segment of include patterns). */
function sourceDirs(ts: NonNullable<PackageDir['ts']>, pkgDir: string): string[] {
  const rel = (p: string) => (pkgDir && p.startsWith(pkgDir + '/') ? p.slice(pkgDir.length + 1) : pkgDir ? null : p);
  const out: string[] = [];
  if (ts.rootDir) {
    const r = rel(ts.rootDir);
    if (r) out.push(r);
  }
  for (const inc of ts.include) {
    const r = rel(inc);
    const first = r?.split('/')[0];
    if (first && !/[*?]/.test(first) && !first.includes('.')) out.push(first);
  }
  return out;
}

/** The script file the container starts (after rewrites), relative to WORKDIR or absolute. */
function startedScript(start: Start | null): string | null {
  if (!start) return null;
  if (start.kind === 'script-node' || start.kind === 'node') return nodeScript(start.argv);
  if (start.kind === 'other' && start.argv && /\.[cm]?js$/.test(start.argv[0])) return start.argv[0];
  return null;
}

type Rewrite = { text: string; message: Message } | { text: null; message: Message | null } | { skip: Message };

/** The command text for the runtime, per runtime kind. */
function rewriteStart(k: RunKeyword, spec: RunSpec, s: Start, kind: RuntimeKind, escape: string, npmEnvReaders: readonly string[]): Rewrite {
  const line = spec.ins.line;
  const shown = spec.form.exec ? spec.form.exec.join(' ') : spec.form.shell ?? '';
  if (s.kind === 'script-node' && npmEnvReaders.length) {
    const files = npmEnvReaders.slice(0, 3).join(', ') + (npmEnvReaders.length > 3 ? ` and ${npmEnvReaders.length - 3} more` : '');
    if (kind === 'distroless') return { skip: msg('node/npm-env-needed', { command: shown, line, files }, line) };
    return { text: null, message: msg('node/npm-env-kept', { command: shown, line, files }, line) };
  }
  if (kind !== 'distroless') {
    if (s.kind === 'script-node' && k !== 'HEALTHCHECK') {
      return { text: execText(s.argv), message: msg('node/npm-start-replaced', { command: shown, line, script: s.argv.slice(1).join(' ') }, line) };
    }
    if (s.kind === 'script-other') return { text: null, message: msg('node/npm-start-kept', { command: shown, line, start: s.start }, line) };
    return { text: null, message: null };
  }
  // distroless: ENTRYPOINT is node, no shell, no npm.
  const argv = argvOf(spec, escape);
  let next: string[] | null = null;
  if (s.kind === 'script-node') next = s.argv.slice(1);
  else if (s.kind === 'node') next = s.argv.slice(1);
  else if (s.kind === 'other' && argv && (/\.[cm]?js$/.test(argv[0]) || argv[0].startsWith('-')) && k !== 'HEALTHCHECK') next = argv;
  if (!next) {
    if (!argv) return { skip: msg('runtime/program-missing', { keyword: k, line, program: 'a shell' }, line) };
    if (k === 'HEALTHCHECK') return { skip: msg('runtime/healthcheck-tool', { line, tool: argv?.[0] ?? 'a shell' }, line) };
    const detail = s.kind === 'script-other' ? `${shown} (scripts.start: ${s.start})` : shown;
    return { skip: msg('node/start-not-node', { keyword: k, line, command: detail }, line) };
  }
  // ENTRYPOINT and HEALTHCHECK name the program; a CMD is node's arguments.
  const out = k === 'CMD' ? next : [DISTROLESS_NODE, ...next];
  if (!spec.form.exec || out.join('\0') !== (spec.form.exec ?? []).join('\0')) {
    const text = execText(out);
    return { text, message: msg('node/distroless-cmd', { keyword: k, line, command: text }, line) };
  }
  return { text: null, message: null };
}

