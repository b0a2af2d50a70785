// Go: `go mod download` before the sources, GOMODCACHE and GOCACHE mounts, cross-compilation with
// GOOS/GOARCH from the target platform when cgo is off.
import { kw } from '../../../src/dockerfile';
import { msg } from '../../../src/messages';
import type { Message, TextEdit } from '../../../src/types';
import { builderImage, copyAllDest, isPlainRun, isUnder, normalize } from './builder';
import type { Command, RunView } from './builder';
import { insertDownload, sameFolder } from './deps';
import type { DepsPlan, PassState, Refusal, Toolchain } from './toolchain';

const isGo = (argv: readonly string[]) => argv[0] === 'go';
const isBuild = (argv: readonly string[]) => argv[0] === 'go' && argv[1] === 'build';

/** Go release of a golang image tag (`1.22-alpine` → [1, 22]); null for `latest`, `alpine`, …. */
function goVersion(tag: string | null): [number, number] | null {
  const m = tag ? /^(\d+)\.(\d+)/.exec(tag) : null;
  return m ? [Number(m[1]), Number(m[2])] : null;
}

function depsFirst(state: PassState): DepsPlan | Refusal | null {
  const { view, ctx } = state;
  const copy = view.copyAll!;
  const after = view.runs.filter((r) => view.indexOf.get(r.ins)! > copy.index);
  const first = after.find((r) => r.commands?.some((c) => isGo(c.argv)) || (r.exec && isGo(r.exec)));
  if (!first) return null;
  // Already dependency-first: go.mod copied before the sources.
  if (view.stage.body.slice(0, copy.index).some((i) => i.keyword === 'COPY' && /(^|[\s/"])go\.mod\b/.test(i.argsText))) return null;
  if (ctx.kind('go.mod') !== 'file') return { refuse: 'no go.mod at the context root (GOPATH mode downloads nothing ahead)' };
  if (ctx.kind('vendor') === 'dir') return { refuse: 'the module is vendored (vendor/): the build downloads nothing' };
  if (ctx.kind('go.work') === 'file') return { refuse: 'go.work makes the build read other modules from the context' };
  const mod = ctx.readText('go.mod') ?? '';
  const local = /=>\s*(\.{1,2}[/\\]|\/|\.{1,2}\s*$)/m.exec(stripComments(mod));
  if (local) return { refuse: 'go.mod replaces a module with a local folder, which `go mod download` would read from the sources' };
  if (!/^\s*require\b/m.test(mod)) return { refuse: 'go.mod requires no module: nothing to download' };
  for (const [name, value] of view.envNames) {
    if (name === 'GO111MODULE' && value !== 'on') return { refuse: `the stage sets GO111MODULE=${value ?? ''}` };
    if (name === 'GOFLAGS' && /-mod=vendor/.test(value ?? '')) return { refuse: 'GOFLAGS has -mod=vendor: the build downloads nothing' };
  }
  const image = builderImage(view);
  const version = goVersion(image?.tag ?? null);
  if (version && (version[0] < 1 || (version[0] === 1 && version[1] < 16)) && view.envNames.get('GO111MODULE') !== 'on') {
    return { refuse: `Go ${version.join('.')} does not use modules by default in every folder` };
  }
  // ENV/ARG between the COPY and the first go command would not apply to a download before it.
  for (const ins of view.stage.body.slice(copy.index + 1, view.indexOf.get(first.ins))) {
    if ((ins.keyword === 'ENV' || ins.keyword === 'ARG' || ins.keyword === 'WORKDIR' || ins.keyword === 'USER')) {
      return { refuse: `line ${ins.line} (${ins.keywordRaw}) changes what a download before the COPY would run with` };
    }
  }
  const folder = sameFolder(state, first);
  if (folder) return folder;
  const manifests = ctx.kind('go.sum') === 'file' ? ['go.mod', 'go.sum'] : ['go.mod'];
  return insertDownload(state, manifests, 'go mod download');
}

function stripComments(mod: string): string {
  return mod.replace(/\/\/.*$/gm, '');
}

/** Data files a runtime stage may copy from a builder that runs on another platform. */
const PLATFORM_FREE = ['/etc/ssl/certs', '/etc/ssl/cert.pem', '/usr/share/zoneinfo', '/etc/passwd', '/etc/group', '/.stageify-empty', '/etc/nsswitch.conf', '/etc/mime.types'];

function cross(state: PassState): { edits: TextEdit[]; messages: Message[] } | Refusal | null {
  const { view, ctx } = state;
  const from = view.stage.from;
  if (/(^|\s)--platform[=\s]/i.test(from.argsText)) return { refuse: 'the builder FROM names its platform already' };
  const builds: { run: RunView; cmd: Command }[] = [];
  for (const run of view.runs) {
    if (run.exec && isGo(run.exec)) return { refuse: `line ${run.ins.line} runs go in exec form, where GOOS/GOARCH cannot be set` };
    if (isPlainRun(run)) continue;
    const cmds = run.commands ?? [];
    for (const c of cmds) {
      if (!isGo(c.argv) && c.argv[0] !== 'cd' && !PLAIN_IN_GO_RUN.has(c.argv[0])) {
        return { refuse: `line ${run.ins.line} runs ${c.argv[0]} in the builder, which would run and build for the build platform` };
      }
      if (c.argv[0] === 'go' && c.argv[1] === 'install') return { refuse: `line ${run.ins.line} uses go install, which puts a cross-compiled binary in another folder` };
      if (isBuild(c.argv)) builds.push({ run, cmd: c });
    }
  }
  if (!builds.length) return { refuse: 'no `go build` in the builder' };
  for (const [name, value] of view.envNames) {
    if (name === 'GOOS' || name === 'GOARCH' || name === 'GOARM' || name === 'GOAMD64') return { refuse: `the stage sets ${name} itself` };
    if (name === 'CGO_ENABLED' && value !== '0') return { refuse: `the stage sets CGO_ENABLED=${value ?? ''}: a cgo cross build needs a C cross-compiler for the target` };
  }
  const outputs: string[] = [];
  for (const { run, cmd } of builds) {
    if (cmd.assigned.has('GOOS') || cmd.assigned.has('GOARCH')) return { refuse: `line ${run.ins.line} sets GOOS or GOARCH itself` };
    const cgo = cmd.assigned.get('CGO_ENABLED') ?? view.envNames.get('CGO_ENABLED');
    if (cgo !== '0') return { refuse: `cgo is on for line ${run.ins.line}: a cgo cross build needs a C cross-compiler for the target` };
    if (run.commands!.some((c) => c.argv[0] === 'cd')) return { refuse: `line ${run.ins.line} changes folder (cd) before building` };
    const out = outputOf(cmd.argv);
    if (out === null || out.includes('$')) return { refuse: `line ${run.ins.line} builds without -o, so the binary's name depends on the folder` };
    const abs = out.startsWith('/') ? normalize(out) : run.workdir === null ? null : normalize(`${run.workdir}/${out}`);
    if (abs === null) return { refuse: `line ${run.ins.line} writes its binary relative to a folder stageify cannot tell` };
    outputs.push(abs);
  }
  const sources = copyAllDest(view);
  for (const p of view.copiedOut) {
    const abs = normalize(p.startsWith('/') ? p : `/${p}`);
    if (outputs.some((o) => isUnder(abs, o) || isUnder(o, abs))) continue;
    if (PLATFORM_FREE.some((d) => isUnder(abs, d))) continue;
    // Files that came from the context are the same on every platform.
    if (sources !== null && isUnder(abs, sources)) {
      const rel = abs === sources ? '' : abs.slice(sources === '/' ? 1 : sources.length + 1);
      if (ctx.kind(rel) !== null) continue;
    }
    return { refuse: `a later stage copies ${p} from the builder, which would be made for the build platform` };
  }
  const edits: TextEdit[] = [
    { start: from.argsStart, end: from.argsStart, text: '--platform=$BUILDPLATFORM ' },
    { start: from.lineEnd, end: from.lineEnd, text: `${kw(view.file, 'ARG')} TARGETOS TARGETARCH${view.eol}` },
  ];
  for (const { cmd } of builds) {
    const goWord = cmd.words[cmd.assigned.size];
    edits.push({ start: goWord.start, end: goWord.start, text: 'GOOS=$TARGETOS GOARCH=$TARGETARCH ' });
  }
  return { edits, messages: [msg('buildkit/cross', { command: 'go build' }, builds[0].run.ins.line)] };
}

const PLAIN_IN_GO_RUN = new Set(['mkdir', 'cp', 'mv', 'rm', 'ln', 'chmod', 'chown', 'touch', 'echo', 'true', 'test', '[', 'ls', 'set', 'export']);

/** The value of -o in `go build` argv, or null when absent. */
function outputOf(argv: readonly string[]): string | null {
  for (let k = 2; k < argv.length; k++) {
    const a = argv[k];
    if (a === '-o' || a === '--o') return argv[k + 1] ?? null;
    const m = /^--?o=(.*)$/.exec(a);
    if (m) return m[1];
  }
  return null;
}

export const goToolchain: Toolchain = {
  name: 'Go',
  invokes: isGo,
  caches: [
    { label: 'the Go module cache (/go/pkg/mod)', target: '/go/pkg/mod', store: true, movedBy: ['GOPATH', 'GOMODCACHE'] },
    { label: 'the Go build cache (/root/.cache/go-build)', target: '/root/.cache/go-build', store: false, movedBy: ['GOCACHE', 'HOME', 'XDG_CACHE_HOME'] },
  ],
  officialImage: /^(docker\.io\/)?(library\/)?golang$/,
  depsFirst,
  cross,
  noCross: 'not a Go build',
};
