// Replays a golang stage instruction by instruction: working directory, environment, what the
// context puts where, which go commands build which binaries, and where CGO_ENABLED=0 goes.
import * as posix from 'path/posix';
import type { Instr, ParsedDockerfile, Stage } from '../../src/dockerfile';
import { contextPathOf } from '../shared/context-map';
import { officialConfig } from '../shared/image-config';
import { expandWord, replayStageCommon } from '../shared/replay';
import type { StageState } from '../shared/replay';
import type { GoFacts } from './facts';
import { binaryName, isRelativePackage, parseGoArgs } from './go-command';
import type { GoArgs } from './go-command';
import type { BuildEnv } from './build-constraints';
import { goMinorOfTag, mainPackagesUnder } from './packages';
import type { MatchRules } from './packages';

export interface GoCommand {
  ins: Instr;
  sub: 'build' | 'install' | 'get' | 'run';
  /** Offset where `CGO_ENABLED=0 ` can be inserted, or null (exec form). */
  insertAt: number | null;
  /** CGO_ENABLED set on this command line (`CGO_ENABLED=1 go build`), if any. */
  cgoAssigned: string | null;
  args: string[];
  cwd: string;
  env: ReadonlyMap<string, string>;
}

export interface Artifact {
  /** Absolute path in the builder. */
  path: string;
  /** A folder of binaries (`go build -o /out/ ./cmd/...`). */
  dir: boolean;
  /** Installed as a tool (`go install x@version`): copied only when the program runs it. */
  tool: boolean;
  ins: Instr;
  /** The folder `go install` puts it in (GOBIN): copied whole when the program needs several. */
  installDir?: string;
  /** Found by a `...` pattern whose build constraints cannot be judged here: may not be built. */
  uncertain?: boolean;
  /** Whether the program starts other programs (null: its sources are not known). */
  execs?: boolean | null;
  /** The install folder as a whole: which binaries a build installs there cannot be told (no context). */
  wholeInstallDir?: boolean;
}

export interface StageReplay extends StageState {
  goCommands: GoCommand[];
  artifacts: Artifact[];
  /** go commands whose output stageify cannot place. */
  unknown: { ins: Instr; command: string }[];
  /** Module mode of the image by its tag: 'off' before Go 1.11, 'auto' until 1.15, 'on' after. */
  moduleDefault: 'on' | 'off' | 'auto';
}

/** Module mode default of a golang tag (`1.6.3` → off, `1.13` → auto, `1.22` or none → on). */
export function moduleDefaultOfTag(tag: string | null): 'on' | 'off' | 'auto' {
  const m = /^(\d+)\.(\d+)/.exec(tag ?? '');
  if (!m) return 'on';
  const major = Number(m[1]);
  const minor = Number(m[2]);
  if (major > 1 || minor >= 16) return 'on';
  if (minor >= 11) return 'auto';
  return 'off';
}

export function replayStage(file: ParsedDockerfile, stage: Stage, facts: GoFacts, tag: string | null): StageReplay {
  const image = officialConfig('golang', tag);
  const goCommands: GoCommand[] = [];
  const unknown: StageReplay['unknown'] = [];
  const state = replayStageCommon(file, stage, {
    workdir: image.workdir,
    env: image.env,
    files: facts.files,
    onCommand: (cmd) => {
      const name = cmd.words[0].value;
      if (name !== 'go' && !name.endsWith('/go')) return;
      const sub = cmd.words[1]?.value;
      if (sub !== 'build' && sub !== 'install' && sub !== 'get') return;
      goCommands.push({
        ins: cmd.ins, sub, insertAt: cmd.start, cgoAssigned: cmd.assignments.get('CGO_ENABLED') ?? null,
        args: cmd.words.slice(2).map((w) => expandWord(w, cmd.env)), cwd: cmd.cwd, env: cmd.env,
      });
    },
    onHeredoc: (ins, text) => {
      if (/\bgo\s+(build|install|get)\b/.test(text)) unknown.push({ ins, command: 'a go command inside a heredoc' });
    },
  });
  // Extends the state in place: a spread copy with more properties is a slow path in V8.
  const r: StageReplay = Object.assign(state, { goCommands, artifacts: [], unknown, moduleDefault: moduleDefaultOfTag(tag) });
  for (const cmd of goCommands) placeArtifacts(cmd, r, facts, tag);
  return r;
}

/** The module path of the go.mod at an image folder (via the copies), or null. */
export function moduleResolver(r: StageReplay, facts: GoFacts): (dir: string) => string | null {
  return (dir) => {
    const ctx = contextPathOf(posix.join(dir, 'go.mod'), r.copies, facts.files);
    if (ctx === null) return null;
    const modDir = posix.dirname(ctx) === '.' ? '' : posix.dirname(ctx);
    return facts.modules.find((m) => m.dir === modDir)?.path ?? null;
  };
}

/** Module mode for a command run in `cwd`: GO111MODULE in its env, else the tag's default. */
function moduleMode(cmd: GoCommand, cwd: string, r: StageReplay, moduleRoot: (dir: string) => string | null): boolean {
  const v = cmd.env.get('GO111MODULE') ?? r.moduleDefault;
  if (v === 'off') return false;
  if (v === 'on') return true;
  // auto: modules when a go.mod is in the working directory or above it.
  for (let d = cwd; ; d = posix.dirname(d)) {
    if (moduleRoot(d) !== null) return true;
    if (d === '/') return false;
  }
}

function placeArtifacts(cmd: GoCommand, r: StageReplay, facts: GoFacts, tag: string | null): void {
  const parsed = parseGoArgs(cmd.args, cmd.sub);
  const cwd = parsed.flags.has('C') ? posix.resolve(cmd.cwd, parsed.flags.get('C') as string) : cmd.cwd;
  const moduleAt = moduleResolver(r, facts);
  const modules = moduleMode(cmd, cwd, r, moduleAt);
  const gopath = (cmd.env.get('GOPATH') ?? '/go').split(':')[0];
  const nameOf = (pkg: string): string | null => {
    if (!modules && isRelativePackage(pkg)) {
      const dir = posix.resolve(cwd, pkg);
      const src = posix.join(gopath, 'src') + '/';
      if (dir.startsWith(src)) return binaryName(dir.slice(src.length), cwd, () => null);
    }
    return binaryName(pkg, cwd, modules ? moduleAt : () => null);
  };
  const command = `go ${cmd.sub}`;
  if (cmd.sub === 'get') {
    // `go get` builds and installs only in GOPATH mode without -d.
    if (modules || parsed.flags.has('d')) return;
  }
  const pkgs = parsed.packages.length ? parsed.packages : ['.'];
  const mains = expandMains(pkgs, cwd, r, facts, nameOf, {
    goMinor: goMinorOfTag(tag), modules, workspace: modules && cmd.env.get('GOWORK') !== 'off' && facts.files.some((f) => f === 'go.work' || f.endsWith('/go.work')),
  }, buildEnvOf(cmd, parsed, tag), gopath);
  if (cmd.sub === 'build') {
    const o = parsed.flags.get('o');
    if (o !== undefined) {
      const out = posix.resolve(cwd, o);
      // Several main packages (or an undecided one) make -o a folder; a folder copy also takes a file.
      if (o.endsWith('/') || mains === null || mains.length > 1 || mains.some((m) => !m.certain)) r.artifacts.push({ path: out.replace(/\/+$/, '') || '/', dir: true, tool: false, ins: cmd.ins });
      else r.artifacts.push({ path: out, dir: false, tool: false, ins: cmd.ins, execs: mains.length ? mains[0].execs : packageExecs(pkgs, cwd, modules, gopath, r, facts) });
      return;
    }
    if (pkgs.length === 1 && !pkgs[0].includes('...') || pkgs.every((p) => p.endsWith('.go'))) {
      const name = nameOf(pkgs[0]);
      if (!name) r.unknown.push({ ins: cmd.ins, command });
      else r.artifacts.push({ path: posix.join(cwd, name), dir: false, tool: false, ins: cmd.ins, execs: packageExecs(pkgs, cwd, modules, gopath, r, facts) });
    }
    // Several packages without -o: go build only checks that they compile.
    return;
  }
  // install (and GOPATH-mode get)
  const gobin = cmd.env.get('GOBIN') || posix.join(gopath, 'bin');
  const tool = pkgs.some((p) => p.includes('@'));
  const found: MainBinary[] = mains ?? [];
  if (mains === null && !facts.hasContext && !tool && pkgs.some((p) => isRelativePackage(p))) {
    // Without the context neither the main packages nor a go.mod's module path are known: the
    // binaries are whatever lands in the install folder, and the start command finds its own there.
    r.artifacts.push({ path: gobin, dir: true, tool: false, ins: cmd.ins, execs: null, wholeInstallDir: true });
    return;
  }
  if (mains === null) {
    for (const p of pkgs) {
      if (p.includes('...')) {
        r.unknown.push({ ins: cmd.ins, command });
        return;
      }
      const n = nameOf(p);
      if (!n) {
        r.unknown.push({ ins: cmd.ins, command });
        return;
      }
      found.push({ name: n, certain: true, execs: tool ? null : packageExecs([p], cwd, modules, gopath, r, facts) });
    }
  }
  for (const m of found) {
    r.artifacts.push({ path: posix.join(gobin, m.name), dir: false, tool, ins: cmd.ins, installDir: gobin, uncertain: !m.certain, execs: m.execs });
  }
}

/** What a build is made for, from the command's environment, flags and the builder's tag. */
function buildEnvOf(cmd: GoCommand, parsed: GoArgs, tag: string | null): BuildEnv {
  const tags = new Set<string>();
  const lists = [parsed.flags.get('tags') ?? ''];
  for (const m of (cmd.env.get('GOFLAGS') ?? '').matchAll(/(?:^|\s)--?tags=(\S*)/g)) lists.push(m[1]);
  for (const l of lists) for (const t of l.split(/[,\s]+/)) if (t) tags.add(t);
  for (const f of ['race', 'msan', 'asan']) if (parsed.flags.has(f)) tags.add(f);
  const cgo = cmd.cgoAssigned ?? cmd.env.get('CGO_ENABLED');
  return {
    goos: cmd.env.get('GOOS') || 'linux', goarch: cmd.env.get('GOARCH') || null, goMinor: goMinorOfTag(tag), tags,
    cgo: cgo === '1' ? true : cgo === '0' ? false : null,
  };
}

/** Whether the one package built here starts other programs, when its folder is in the context. */
function packageExecs(pkgs: string[], cwd: string, modules: boolean, gopath: string, r: StageReplay, facts: GoFacts): boolean | null {
  if (pkgs.length !== 1 && !pkgs.every((p) => p.endsWith('.go'))) return null;
  const p = pkgs[0];
  let image: string;
  if (p.endsWith('.go')) image = posix.dirname(posix.resolve(cwd, p));
  else if (isRelativePackage(p)) image = posix.resolve(cwd, p);
  else if (!modules) image = posix.join(gopath, 'src', p);
  else return null;
  const ctx = contextPathOf(image, r.copies, facts.files);
  if (ctx === null || facts.unreadGoDirs.includes(ctx) || !facts.mainDirs.includes(ctx)) return null;
  return facts.mainDirFiles.some((h) => h.dir === ctx && h.execs);
}

interface MainBinary {
  name: string;
  certain: boolean;
  execs: boolean | null;
}

/**
 * For patterns with `...`: the binaries of the main packages the Go version's rules match, from
 * the context. Null when the packages are given one by one (names come from each) or cannot be listed.
 */
function expandMains(
  pkgs: string[], cwd: string, r: StageReplay, facts: GoFacts, nameOf: (pkg: string) => string | null, rules: MatchRules, env: BuildEnv, gopath: string,
): MainBinary[] | null {
  if (!pkgs.some((p) => p.includes('...'))) return null;
  if (!facts.hasContext || facts.truncated) return null;
  const byName = new Map<string, MainBinary>();
  for (const p of pkgs) {
    if (!p.includes('...')) return null;
    let base: string;
    const root = p.slice(0, p.indexOf('...')).replace(/\/$/, '');
    if (isRelativePackage(p)) base = posix.resolve(cwd, root || '.');
    // GOPATH mode: an import path pattern names a folder under $GOPATH/src.
    else if (!rules.modules && root && !root.includes('@')) base = posix.join(gopath, 'src', root);
    else return null;
    const ctx = contextPathOf(base, r.copies, facts.files);
    if (ctx === null) return null;
    for (const m of mainPackagesUnder(ctx, facts, rules, env)) {
      // Each main package is named like a single package argument at its folder.
      const rel = ctx === '' ? m.dir : m.dir.slice(ctx.length).replace(/^\//, '');
      const name = nameOf(rel ? posix.join(base, rel) : base);
      if (!name) return null;
      const prev = byName.get(name);
      byName.set(name, { name, certain: m.certain || (prev?.certain ?? false), execs: prev && prev.execs !== m.execs ? null : m.execs });
    }
  }
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
