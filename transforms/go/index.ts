// The Go transform: golang builder (the user's own image and steps) + a minimal runtime stage
// with the binary, its runtime files and the container's runtime settings.
import { GO_MESSAGES } from './messages';
import * as posix from 'path/posix';
import type { Instr, ParsedDockerfile, Stage } from '../../src/dockerfile';
import { isOfficialImage } from '../../src/image-ref';
import { msg } from '../../src/messages';
import type { Message, TextEdit } from '../../src/types';
import { scanShell } from '../../src/shell-words';
import { BUSYBOX_APPLETS, execText, programUses, replaceCommand, runSpecs } from '../shared/commands';
import type { RunSpec } from '../shared/commands';
import { alpineOfTag, approxSizeMb, chooseNativeRuntime, debianReleaseOfTag, isPreset } from '../shared/runtime-bases';
import type { RuntimeBase } from '../shared/runtime-bases';
import { installLine, isNetworkTool, packagesMb, planTools, shellText } from '../shared/tools';
import type { ToolPlan } from '../shared/tools';
import { resolveProgram, setsPathWith } from '../shared/programs';
import { line, splitEdits, withMirror } from '../shared/split';
import { carryInstructions } from '../shared/carry';
import { planRuntimeUser } from '../shared/runtime-user';
import type { Transform, TransformInput, TransformOutcome } from '../types';
import { skip, withFirstPass } from '../types';
import { moduleResolver, replayStage } from './analyze';
import type { Artifact, StageReplay } from './analyze';
import { gatherGoFacts } from './facts';
import type { GoFacts } from './facts';
import { parseGoArgs, binaryName } from './go-command';
import { expandGolangOnbuild } from './onbuild';
import { MAX_RUNTIME_PIECES, runtimeFiles } from './runtime-files';
import { chooseBinaries } from './binaries';
import { librariesMessage, planCgoLibraries, withLibraries } from './cgo-libs';
import type { CgoLibraries } from './cgo-libs';
import { SHARED_DIRS } from '../shared/runtime-files';
import { gatherStartScripts, planStartScript } from './start-script';

/** Environment variables that only steer the Go toolchain: not repeated in the runtime stage. */
const TOOLCHAIN_ENV = new Set([
  'CGO_ENABLED', 'GOOS', 'GOARCH', 'GOARM', 'GOAMD64', 'GO386', 'GOPATH', 'GOBIN', 'GOFLAGS', 'GO111MODULE', 'GOPROXY',
  'GOPRIVATE', 'GONOPROXY', 'GONOSUMDB', 'GONOSUMCHECK', 'GOSUMDB', 'GOCACHE', 'GOMODCACHE', 'GOROOT', 'GOTOOLCHAIN',
  'GOINSECURE', 'GOWORK', 'GOEXPERIMENT', 'CC', 'CXX', 'CGO_CFLAGS', 'CGO_CPPFLAGS', 'CGO_CXXFLAGS', 'CGO_LDFLAGS', 'GOLANG_VERSION',
]);
const GO_ZONEINFO = '/usr/local/go/lib/time/zoneinfo.zip';
const RUNTIME_DEFAULT_PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

export const goTransform: Transform<GoFacts> = {
  id: 'go',
  messages: GO_MESSAGES,
  matches: (ref) => isOfficialImage(ref, 'golang'),
  gather: (ctx, input) => {
    const facts = gatherGoFacts(ctx, input.hasContext);
    return { ...facts, startScripts: gatherStartScripts(ctx, input, facts) };
  },
  readsAhead: { names: ['go.mod', '.godir'], suffixes: ['.go'] },
  plansWithoutTag: true,
  plan(input, facts) {
    return withFirstPass(expandGolangOnbuild(input, facts), () => planSplit(input, facts));
  },
};

export function planSplit(input: TransformInput, facts: GoFacts): TransformOutcome {
  const { file, stage } = input;
  const messages: Message[] = [];
  // A tag from an ARG with no value: planned as the newest Go, only where the tag cannot matter.
  const tagVars = [...new Set([...(input.base.tag ?? '').matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]))];
  const base = tagVars.length ? { ...input.base, tag: null } : input.base;
  if (tagVars.length) {
    const why = tagSensitivity(file, stage, facts);
    if (why) return skip(msg('go/tag-unresolved', { vars: tagVars.join(', '), image: input.baseRaw, why }, stage.from.line));
    messages.push(msg('go/tag-unresolved-kept', { vars: tagVars.join(', '), image: input.baseRaw }, stage.from.line));
  }
  const replay = replayStage(file, stage, facts, base.tag);
  if (replay.unknown.length) {
    const u = replay.unknown[0];
    return skip(msg('go/artifact-unknown', { command: u.command, line: u.ins.line }, u.ins.line));
  }
  // Folders copied from a context stageify cannot see: copied whole to the runtime (sources too),
  // unless one is a folder other things share.
  const folderCopies = replay.copies.filter((c) => c.sources.some((s) => s === '' || !s.includes('.')));
  const unseenFolders = facts.hasContext ? [] : [...new Set(folderCopies.map((c) => c.dest))].sort();
  if (folderCopies.length) {
    if (unseenFolders.some((d) => SHARED_DIRS.has(d))) return skip(msg('context/unavailable', { reason: 'no build context was given' }));
    if (facts.hasContext && facts.truncated) return skip(msg('context/unavailable', { reason: 'the build context has too many files to list' }));
  }

  // What the container runs.
  const specs = runSpecs(file, stage);
  const entry = specs.ENTRYPOINT ?? specs.CMD;
  if (!entry) return skip(msg('go/no-entrypoint'));
  const builderAppend: string[] = [];
  const overrides = new Map<Instr, string>();
  const artifacts = [...replay.artifacts];

  // `go run` at start-up: compile in the builder instead.
  const goRun = compileGoRun(entry, replay, facts, file.escape);
  if (goRun) {
    if ('skip' in goRun) return skip(goRun.skip);
    artifacts.push({ path: goRun.binary, dir: false, tool: false, ins: entry.ins });
    overrides.set(entry.ins, replaceCommand(file, entry, goRun.command));
    builderAppend.push(goRun.build);
    messages.push(msg('go/go-run-compiled', { path: goRun.binary }, entry.ins.line));
  }

  let uses = programUses(specs, overrides, file.escape);

  // curl, wget and nc in the commands: busybox where it means the same, else installed as the builder has them.
  const builderFamily = alpineOfTag(input.base.tag) ? 'alpine' : 'debian';
  const tools: ToolPlan = input.options.runtime && !isPreset(input.options.runtime)
    ? { kind: 'none' }
    : planTools(uses, file.text, file.escape, stage.body, builderFamily, input.options.runtime);
  if (tools.kind === 'missing') {
    const s = tools.use.spec;
    return skip(msg('runtime/tool-not-in-builder', { keyword: s.keyword, line: s.ins.line, tool: tools.tool, image: input.stage.shownImage ?? input.baseRaw }, s.ins.line));
  }
  if (tools.kind === 'busybox' && tools.overrides.size) {
    for (const [ins, t] of tools.overrides) overrides.set(ins, t);
    uses = programUses(specs, overrides, file.escape);
  }

  // A start script from the context: its programs placed, the script copied, a runtime with its shell.
  const script = planStartScript(input, facts, replay, artifacts);
  if (script.kind === 'skip') return skip(script.message);
  if (script.kind === 'script') messages.push(script.message);

  // Which programs are ours, and what else is needed to start them.
  const pathDirs = (replay.env.get('PATH') ?? '').split(':').filter(Boolean);
  const referenced = new Set<Artifact>();
  let pathDir: string | null = null;
  const pathPrograms = new Set<string>();
  let busybox = false;
  let shell = false;
  const shellPathSpecs: RunSpec[] = [];
  for (const u of uses) {
    if (u.analysis.shell) shell = true;
    for (const p of u.analysis.programs) {
      if (script.kind === 'script' && u.spec.ins === script.spec.ins && p === u.analysis.programs[0]) {
        shell = true;
        if (script.shell === 'sh') busybox = true;
        for (const r of script.referenced) {
          referenced.add(r.artifact);
          if (r.pathDir && !RUNTIME_DEFAULT_PATH.includes(r.pathDir)) {
            pathDir = r.pathDir;
            pathPrograms.add(r.name);
          }
        }
        continue;
      }
      const hit = resolveProgram(p, replay.workdir, pathDirs, (abs) => artifacts.find((a) => a.path === abs || (a.dir && abs.startsWith(a.path + '/'))) ?? null);
      if (hit) {
        referenced.add(hit.artifact);
        if (hit.pathDir && !RUNTIME_DEFAULT_PATH.includes(hit.pathDir)) {
          pathDir = hit.pathDir;
          pathPrograms.add(posix.basename(p));
        }
        continue;
      }
      const name = posix.basename(p);
      if (tools.kind === 'packages' && isNetworkTool(p) && !p.includes('/')) continue;
      if ((BUSYBOX_APPLETS.has(name) && !p.startsWith('/')) || p === '/busybox/sh') {
        busybox = true;
        continue;
      }
      if (POSIX_SHELL_PATHS.has(p) && u.spec.form.exec) {
        // An explicit `/bin/sh -c …`: busybox's sh runs it where the runtime has no /bin/sh.
        busybox = true;
        shellPathSpecs.push(u.spec);
        continue;
      }
      if (input.options.runtime && !isPreset(input.options.runtime)) continue;
      if (u.spec.keyword === 'HEALTHCHECK') {
        return skip(msg('runtime/healthcheck-tool', { line: u.spec.ins.line, tool: p }, u.spec.ins.line));
      }
      if (isSystemProgram(p)) {
        return skip(msg('runtime/program-missing', { keyword: u.spec.keyword, line: u.spec.ins.line, program: p }, u.spec.ins.line));
      }
      return skip(msg('go/entrypoint-unknown', { program: p }, u.spec.ins.line));
    }
  }
  if (!referenced.size) return skip(msg('go/entrypoint-unknown', { program: uses[0]?.analysis.programs[0] ?? '?' }, entry.ins.line));

  // Programs the Go code itself starts by name must be there at run time too.
  const started = programsStarted(facts, artifacts);
  if (started.missing) return skip(msg('go/runs-program', { program: started.missing.program, file: started.missing.file }));
  if (started.busybox.length) {
    busybox = true;
    messages.push(msg('go/runs-busybox', { programs: started.busybox.join(', ') }));
  }

  // cgo: as the Dockerfile says, else by the context.
  const cgo = decideCgo(replay, facts);
  // cgo against libraries the builder installs: the runtime installs their library packages.
  let cgoLibs: CgoLibraries = { kind: 'none' };
  if (cgo.needed) {
    const programs = [...uses.flatMap((u) => u.analysis.programs), ...started.busybox].filter((p) => !(tools.kind === 'packages' && isNetworkTool(p)));
    cgoLibs = planCgoLibraries({
      body: stage.body, tag: base.tag, debianRelease: debianReleaseOfTag(base.tag, defaultDebianRelease(base.tag)),
      alpineVersion: alpineOfTag(base.tag), runtime: input.options.runtime, programs,
    });
    if (cgoLibs.kind === 'skip') return skip(cgoLibs.message);
  }
  if (tagVars.length && cgo.needed) {
    return skip(msg('go/tag-unresolved', { vars: tagVars.join(', '), image: input.baseRaw, why: `cgo is needed (${cgo.reason}), and the C library the runtime must match is the tag's Debian or Alpine release` }, stage.from.line));
  }
  const alpineVersion = alpineOfTag(base.tag);
  const libc = cgo.needed ? (alpineVersion ? 'musl' : 'glibc') : 'none';

  // Users.
  const explicitUser = replay.users.length > 0;
  const policy = input.options.user ?? 'nonroot';
  const release = debianReleaseOfTag(base.tag, defaultDebianRelease(base.tag));
  const choice = chooseNativeRuntime(
    { libc, shell, busybox: busybox && tools.kind !== 'packages', user: policy, explicitUser, debianRelease: release, alpineVersion, cxx: facts.cxx },
    tools.kind === 'packages' ? tools.family : cgoLibs.kind === 'install' ? cgoLibs.family : input.options.runtime ?? (script.kind === 'script' && script.shell === 'bash' ? 'debian' : undefined),
  );
  if (!choice.ok) {
    if (choice.reason === 'libc') return skip(msg('runtime/libc-mismatch', { image: choice.image, libc: choice.libc === 'none' ? 'no C library' : choice.libc ?? '?' }));
    return skip(msg('runtime/program-missing', { keyword: entry.keyword, line: entry.ins.line, program: 'a shell' }, entry.ins.line));
  }
  const withToolsBase = tools.kind === 'packages' ? withTools(choice.base, tools, libc) : choice.base;
  const rt = cgoLibs.kind === 'install' ? withLibraries(withToolsBase, cgoLibs, tools.kind === 'packages') : withToolsBase;
  if (script.kind === 'script') {
    // bash is on Debian images only; sh is everywhere, as /busybox/sh on distroless debug.
    if (script.shell === 'bash' && !rt.custom && !rt.image.startsWith('debian:')) {
      return skip(msg('runtime/program-missing', { keyword: script.spec.keyword, line: script.spec.ins.line, program: `bash (the shebang of ${script.path})` }, script.spec.ins.line));
    }
    if (rt.shell === '/busybox/sh') {
      const argv = script.spec.form.exec ?? uses.find((u) => u.spec.ins === script.spec.ins)?.analysis.argv ?? null;
      if (!argv || (script.spec.keyword === 'ENTRYPOINT' && !script.spec.form.exec && specs.CMD)) {
        return skip(msg('runtime/program-missing', { keyword: script.spec.keyword, line: script.spec.ins.line, program: `${script.interpreter} (the shebang of ${script.path})` }, script.spec.ins.line));
      }
      const replacement = [rt.shell, ...script.flags, script.path, ...argv.slice(1)];
      overrides.set(script.spec.ins, replaceCommand(file, script.spec, execText(replacement)));
      messages.push(msg('go/start-script-busybox', { keyword: script.spec.keyword, line: script.spec.ins.line, script: script.path, interpreter: script.interpreter, replacement: execText(replacement) }, script.spec.ins.line));
    }
  }
  if (rt.custom) messages.push(msg('runtime/custom-image', { image: rt.image }));
  messages.push(msg('runtime/base', { image: rt.image, why: rt.why }));
  if (cgoLibs.kind === 'install') messages.push(librariesMessage(cgoLibs, rt.image));
  messages.push(...toolMessages(tools, rt));
  if (replay.shells.length && shell) {
    return skip(msg('runtime/custom-shell', { line: replay.shells[0].line }, replay.shells[0].line));
  }

  // Edits inside the builder: CGO_ENABLED=0 on each build.
  const inlineEdits: TextEdit[] = [];
  if (cgo.explicit !== null) messages.push(msg('go/cgo-explicit', { value: cgo.explicit }));
  else if (cgo.needed) messages.push(msg('go/cgo-kept', { reason: cgo.reason }));
  else {
    const done = new Set<Instr>();
    for (const c of replay.goCommands) {
      if (c.sub === 'get' && parseGoArgs(c.args, 'get').flags.has('d')) continue;
      if (c.insertAt !== null) inlineEdits.push({ start: c.insertAt, end: c.insertAt, text: 'CGO_ENABLED=0 ' });
      else if (!done.has(c.ins)) {
        done.add(c.ins);
        // The new line ends like the line it goes before (files may mix line endings).
        const eol = file.text.slice(c.ins.end, c.ins.lineEnd) || file.eol;
        inlineEdits.push({ start: c.ins.lineStart, end: c.ins.lineStart, text: line(file, 'ENV CGO_ENABLED=0') + eol });
      }
    }
    messages.push(msg('go/cgo-disabled'));
  }
  if (builderAppend.length && !cgo.needed && cgo.explicit === null) builderAppend[0] = `RUN CGO_ENABLED=0 ${builderAppend[0].slice(4)}`;
  const gopathBuild = replay.goCommands.find((c) => (c.env.get('GO111MODULE') ?? replay.moduleDefault) === 'off');
  if (gopathBuild) {
    const detail = gopathBuild.env.has('GO111MODULE') ? 'GO111MODULE=off' : `${base.tag ?? 'this tag'} predates modules`;
    messages.push(msg('go/gopath-mode', { detail }));
  }

  // `/bin/sh` named in exec form: the busybox shell on bases that have no /bin/sh.
  if (rt.shell === '/busybox/sh') {
    for (const spec of shellPathSpecs) {
      const argv = [rt.shell, ...(spec.form.exec as string[]).slice(1)];
      overrides.set(spec.ins, replaceCommand(file, spec, execText(argv)));
      messages.push(msg('runtime/shell-path', { keyword: spec.keyword, line: spec.ins.line, shell: (spec.form.exec as string[])[0], replacement: rt.shell }, spec.ins.line));
    }
  }

  // A shell-form HEALTHCHECK runs with /bin/sh at check time (SHELL is not used): name the busybox shell.
  if (rt.shell === '/busybox/sh') {
    for (const u of uses) {
      if (u.spec.keyword !== 'HEALTHCHECK' || u.spec.form.exec || !u.analysis.shell) continue;
      overrides.set(u.spec.ins, replaceCommand(file, u.spec, execText([rt.shell, '-c', u.spec.form.shell ?? ''])));
      messages.push(msg('runtime/healthcheck-shell', { line: u.spec.ins.line, shell: rt.shell }, u.spec.ins.line));
    }
  }

  // Convert shell-form commands to exec form when the runtime has no shell.
  for (const u of uses) {
    if (u.spec.form.exec || rt.shell) continue;
    const argv = u.analysis.argv;
    if (!argv) {
      return skip(msg('runtime/program-missing', { keyword: u.spec.keyword, line: u.spec.ins.line, program: 'a shell' }, u.spec.ins.line));
    }
    overrides.set(u.spec.ins, replaceCommand(file, u.spec, execText(argv)));
    messages.push(msg('runtime/exec-form', { keyword: u.spec.keyword, line: u.spec.ins.line }, u.spec.ins.line));
  }
  for (const u of uses) {
    if (u.analysis.shell && !u.spec.form.exec) {
      messages.push(msg('runtime/shell-kept', { keyword: u.spec.keyword, line: u.spec.ins.line, features: u.analysis.features.join(', ') }, u.spec.ins.line));
    }
  }

  // What the runtime stage gets.
  const copyArtifacts = artifacts.filter((a) => !a.tool || referenced.has(a));
  const binaries = chooseBinaries(artifacts, referenced, stage.name ?? input.options.builderName ?? 'builder');
  if (binaries.skip) return skip(binaries.skip);
  const copies: { src: string; dest: string }[] = [];
  const seen = new Set<string>();
  for (const a of artifacts) {
    if (!referenced.has(a) || seen.has(a.path)) continue;
    seen.add(a.path);
    if (a.wholeInstallDir) messages.push(msg('go/install-dir-whole', { dir: a.path, line: a.ins.line }, a.ins.line));
    else messages.push(msg('go/artifact', { path: a.path, line: a.ins.line }, a.ins.line));
  }
  for (const p of binaries.paths) {
    seen.add(p);
    copies.push({ src: p, dest: p });
  }
  messages.push(...binaries.messages);
  const files = runtimeFiles(replay.copies, facts.files, facts.embedded, new Set(copyArtifacts.map((a) => a.path)));
  if (files.wholeDir) {
    // A whole folder is copied: binaries inside it need no copy of their own.
    const inside = (p: string) => files.paths.some((d) => p === d || p.startsWith(d === '/' ? '/' : d + '/'));
    for (let k = copies.length - 1; k >= 0; k--) if (inside(copies[k].src)) copies.splice(k, 1);
  }
  for (const p of files.paths) if (!seen.has(p) || files.wholeDir) copies.push({ src: p, dest: p });
  if (script.kind === 'script' && !copies.some((c) => c.src === script.path || script.path.startsWith(c.src === '/' ? '/' : c.src + '/'))) {
    copies.push({ src: script.path, dest: script.path });
  }
  if (unseenFolders.length) {
    const inside = (p: string) => unseenFolders.some((d) => p === d || p.startsWith(d + '/'));
    for (let k = copies.length - 1; k >= 0; k--) if (inside(copies[k].src)) copies.splice(k, 1);
    for (const d of unseenFolders) copies.push({ src: d, dest: d });
    messages.push(msg('go/folders-copied-whole', { dirs: unseenFolders.join(', ') }));
  }
  if (files.wholeDir) messages.push(msg('runtime/files-many', { limit: MAX_RUNTIME_PIECES, dir: files.wholeDir }));
  else if (files.paths.length) messages.push(msg('runtime/files-copied', { files: files.paths.join(', ') }));
  if (files.embedded.length) messages.push(msg('runtime/embedded-skipped', { files: files.embedded.join(', ') }));

  const lines: string[] = [];
  if (!rt.hasCerts) {
    copies.push({ src: '/etc/ssl/certs/ca-certificates.crt', dest: '/etc/ssl/certs/ca-certificates.crt' });
    messages.push(msg('runtime/ca-certs', { image: rt.image }));
  }
  if (!rt.hasTzdata) {
    // Go falls back to $GOROOT/lib/time/zoneinfo.zip in the golang image; ZONEINFO points there.
    copies.push({ src: GO_ZONEINFO, dest: GO_ZONEINFO });
    lines.push(`ENV ZONEINFO=${GO_ZONEINFO}`);
    messages.push(msg('runtime/tzdata', { image: rt.image }));
  }
  if (pathDir && !setsPathWith(stage.body, pathDir)) {
    const rest = rt.image === 'scratch' ? RUNTIME_DEFAULT_PATH.join(':') : '$PATH';
    lines.push(`ENV PATH=${pathDir}:${rest}`);
    messages.push(msg('runtime/path-env', { program: [...pathPrograms].join(', '), dir: pathDir }));
  }

  const user = planRuntimeUser(replay.users, rt, policy);
  copies.push(...user.copies);
  lines.push(...user.lines);
  messages.push(...user.messages);

  // Runtime instructions: moved, or repeated, in their original order.
  const carried = carryInstructions(stage.body, file.text, TOOLCHAIN_ENV, overrides);
  const movedKw = [...new Set(carried.filter((c) => c.move).map((c) => c.ins.keyword))];
  if (movedKw.length) messages.push(msg('runtime/moved', { keywords: movedKw.join(', ') }));
  const tail: string[] = [];

  const edits = splitEdits({
    file, stage, options: input.options, builderName: stage.name ?? input.options.builderName ?? 'builder', afterFrom: [], inlineEdits, builderAppend,
    runtime: { base: rt, copies, lines, carried, tail, owner: user.owner }, notes: messages,
  });
  return { kind: 'rewrite', edits, messages: [...messages.filter((m) => m.id.startsWith('go/') || m.id.startsWith('onbuild/')), ...messages.filter((m) => !m.id.startsWith('go/') && !m.id.startsWith('onbuild/'))], baseAfter: withMirror(rt.image, input.options.registryMirror) };
}

/**
 * What the program's own code starts by a literal name (exec.Command("git")): its own binaries are
 * copied anyway, busybox applets are there on a busybox runtime, anything else would be missing.
 */
function programsStarted(facts: GoFacts, artifacts: readonly Artifact[]): { missing: { program: string; file: string } | null; busybox: string[] } {
  const ours = new Set(artifacts.map((a) => posix.basename(a.path)));
  const busybox = new Set<string>();
  for (const r of facts.programsRun) {
    const name = posix.basename(r.program);
    if (ours.has(name) || artifacts.some((a) => a.path === r.program || (a.dir && r.program.startsWith(a.path + '/')))) continue;
    // By name only: PATH finds /busybox/<name>; an absolute /bin/sh is not on a busybox runtime.
    if (BUSYBOX_APPLETS.has(r.program)) {
      busybox.add(name);
      continue;
    }
    return { missing: r, busybox: [] };
  }
  return { missing: null, busybox: [...busybox].sort() };
}

/**
 * Why the build depends on the Go version of an unresolved tag, or null: module or GOPATH mode
 * (no go.mod, go get), or where the go commands put their binaries under each version's rules.
 */
function tagSensitivity(file: ParsedDockerfile, stage: Stage, facts: GoFacts): string | null {
  if (!facts.hasContext) return 'without the build context stageify cannot tell whether a go.mod makes the build the same in module and GOPATH mode';
  if (!facts.modules.length) return 'there is no go.mod, so Go before 1.16 builds in GOPATH mode and later versions in module mode';
  const plans = [null, '1.13', '1.10', '1.8'].map((tag) => replayStage(file, stage, facts, tag));
  if (plans[0].goCommands.some((c) => c.sub === 'get' && !parseGoArgs(c.args, 'get').flags.has('d'))) return '`go get` builds and installs in GOPATH mode and only changes go.mod in module mode';
  const shape = (r: StageReplay) => JSON.stringify([r.artifacts.map((a) => [a.path, a.dir, a.uncertain ?? false]), r.unknown.length]);
  if (plans.some((r) => shape(r) !== shape(plans[0]))) return 'the go commands build or name their binaries differently by Go version (module mode, ./... rules)';
  return null;
}

/** A Debian slim or alpine runtime with the tools' packages installed right after its FROM. */
function withTools(base: RuntimeBase, tools: Extract<ToolPlan, { kind: 'packages' }>, libc: string): RuntimeBase {
  const why = `${libc === 'none' ? 'static binary' : `needs ${libc}`}, and ${tools.tools.join(', ')} for the commands that call it`;
  if (!tools.packages.length) return { ...base, why };
  return { ...base, preamble: [...base.preamble, installLine(tools.family, tools.packages)], why };
}

function toolMessages(tools: ToolPlan, rt: RuntimeBase): Message[] {
  if (tools.kind === 'busybox') {
    return tools.rewrites.map(({ call, argv }) => msg('runtime/tool-busybox', {
      keyword: call.use.spec.keyword, line: call.use.spec.ins.line, call: shellText([call.tool, ...call.args]), replacement: shellText(argv), image: rt.image, size: approxSizeMb(rt.image) ?? '?',
    }, call.use.spec.ins.line));
  }
  if (tools.kind !== 'packages') return [];
  const first = tools.first.spec;
  const size = (approxSizeMb(rt.image) ?? 0) + packagesMb(tools.family, tools.packages);
  return [msg('runtime/tool-installed', {
    keyword: first.keyword, line: first.ins.line, tool: tools.tools.join(', '),
    why: tools.why, image: rt.image, packages: tools.packages.join(' ') || 'nothing more (its busybox has them)', size,
  }, first.ins.line)];
}

const POSIX_SHELL_PATHS = new Set(['/bin/sh', '/bin/ash', '/bin/dash', '/usr/bin/sh']);

/** A program that comes from the OS image (a path in a system folder, or a well-known tool). */
function isSystemProgram(p: string): boolean {
  if (/^\/(usr\/)?(local\/)?s?bin\//.test(p)) return true;
  return ['bash', 'curl', 'python', 'python3', 'perl', 'node', 'java', 'ruby', 'go', 'make', 'git', 'tini', 'dumb-init', 'su-exec', 'gosu'].includes(p);
}


function defaultDebianRelease(tag: string | null): number {
  const m = /^(\d+)\.(\d+)/.exec(tag ?? '');
  if (!m) return 13; // latest, bookworm-less tags: current images are trixie
  return Number(m[1]) > 1 || Number(m[2]) >= 24 ? 13 : 12;
}

interface CgoDecision {
  needed: boolean;
  reason: string;
  explicit: string | null;
}

function decideCgo(replay: StageReplay, facts: GoFacts): CgoDecision {
  const values = replay.goCommands.map((c) => c.cgoAssigned ?? c.env.get('CGO_ENABLED') ?? null);
  if (values.length && values.every((v) => v === '0')) return { needed: false, reason: '', explicit: '0' };
  if (values.some((v) => v === '1')) return { needed: true, reason: 'CGO_ENABLED=1 in the Dockerfile', explicit: '1' };
  if (facts.cgo.length) {
    const more = facts.cgo.length > 1 ? ` and ${facts.cgo.length - 1} more` : '';
    return { needed: true, reason: facts.cgo[0] + more, explicit: null };
  }
  if (!facts.hasContext) return { needed: true, reason: 'no build context to check for cgo', explicit: null };
  return { needed: false, reason: '', explicit: null };
}

/** `go run` as the start command: the build line for the builder and the new start command. */
function compileGoRun(entry: RunSpec, replay: StageReplay, facts: GoFacts, escape: string): { binary: string; build: string; command: string } | { skip: Message } | null {
  let words: string[];
  let shellRest: string | null = null;
  if (entry.form.exec) words = entry.form.exec;
  else {
    const scan = scanShell(entry.form.shell ?? '', 0, escape);
    if (scan.commands.length !== 1) return null;
    words = scan.commands[0].words.map((w) => w.value);
    const ws = scan.commands[0].words;
    if (words[0] === 'go' && words[1] === 'run') {
      const parsed = parseGoArgs(words.slice(2), 'run');
      const used = 2 + parsed.flagWords.length + parsed.packages.length;
      const shellText = entry.form.shell ?? '';
      shellRest = used < ws.length ? shellText.slice(ws[used - 1].end) : '';
    }
  }
  if (words[0] !== 'go' || words[1] !== 'run') return null;
  const parsed = parseGoArgs(words.slice(2), 'run');
  const pkgs = parsed.packages.length ? parsed.packages : ['.'];
  const name = binaryName(pkgs[0], replay.workdir, moduleResolver(replay, facts)) ?? 'app';
  const binary = posix.join('/go/bin', name);
  const build = ['RUN go build', ...parsed.flagWords.map(shellQuote), '-o', binary, ...pkgs.map(shellQuote)].join(' ');
  const command = entry.form.exec ? execText([binary, ...parsed.programArgs]) : binary + (shellRest ?? '');
  return { binary, build, command };
}

function shellQuote(s: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
