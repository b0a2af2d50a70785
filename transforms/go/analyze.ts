// Replays a golang stage instruction by instruction: working directory, environment, what the
// context puts where, which go commands build which binaries, and where CGO_ENABLED=0 goes.
import * as posix from 'path/posix';
import type { Instr, ParsedDockerfile, Stage } from '../../src/dockerfile';
import { contextPathOf } from '../shared/context-map';
import { expandWord, replayStageCommon } from '../shared/replay';
import type { StageState } from '../shared/replay';
import type { GoFacts } from './facts';
import { binaryName, isRelativePackage, parseGoArgs } from './go-command';

export const GOLANG_DEFAULT_ENV: ReadonlyArray<[string, string]> = [
  ['GOPATH', '/go'],
  ['PATH', '/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
];

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
  const goCommands: GoCommand[] = [];
  const unknown: StageReplay['unknown'] = [];
  const state = replayStageCommon(file, stage, {
    workdir: '/go',
    env: GOLANG_DEFAULT_ENV,
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
  for (const cmd of goCommands) placeArtifacts(cmd, r, facts);
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

function placeArtifacts(cmd: GoCommand, r: StageReplay, facts: GoFacts): void {
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
  const mains = expandMains(pkgs, cwd, r, facts, nameOf);
  if (cmd.sub === 'build') {
    const o = parsed.flags.get('o');
    if (o !== undefined) {
      const out = posix.resolve(cwd, o);
      if (o.endsWith('/') || mains === null || mains.length > 1) r.artifacts.push({ path: out.replace(/\/+$/, '') || '/', dir: true, tool: false, ins: cmd.ins });
      else r.artifacts.push({ path: out, dir: false, tool: false, ins: cmd.ins });
      return;
    }
    if (pkgs.length === 1 && !pkgs[0].includes('...') || pkgs.every((p) => p.endsWith('.go'))) {
      const name = nameOf(pkgs[0]);
      if (!name) r.unknown.push({ ins: cmd.ins, command });
      else r.artifacts.push({ path: posix.join(cwd, name), dir: false, tool: false, ins: cmd.ins });
    }
    // Several packages without -o: go build only checks that they compile.
    return;
  }
  // install (and GOPATH-mode get)
  const gobin = cmd.env.get('GOBIN') || posix.join(gopath, 'bin');
  const tool = pkgs.some((p) => p.includes('@'));
  const names = mains ?? [];
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
      names.push(n);
    }
  }
  for (const n of names) r.artifacts.push({ path: posix.join(gobin, n), dir: false, tool, ins: cmd.ins });
}

/**
 * For patterns with `...`: the binary names of the main packages under them, from the context.
 * Null when the packages are given one by one (names come from each) or cannot be listed.
 */
function expandMains(pkgs: string[], cwd: string, r: StageReplay, facts: GoFacts, nameOf: (pkg: string) => string | null): string[] | null {
  if (!pkgs.some((p) => p.includes('...'))) return null;
  if (!facts.hasContext || facts.truncated) return null;
  const names: string[] = [];
  for (const p of pkgs) {
    if (!p.includes('...') || !isRelativePackage(p)) return null;
    const base = posix.resolve(cwd, p.slice(0, p.indexOf('...')).replace(/\/$/, '') || '.');
    const ctx = contextPathOf(base, r.copies, facts.files);
    if (ctx === null) return null;
    for (const d of facts.mainDirs) {
      if (ctx !== '' && d !== ctx && !d.startsWith(ctx + '/')) continue;
      // Each main package is named like a single package argument at its folder.
      const rel = ctx === '' ? d : d.slice(ctx.length).replace(/^\//, '');
      const name = nameOf(rel ? posix.join(base, rel) : base);
      if (!name) return null;
      names.push(name);
    }
  }
  return [...new Set(names)].sort();
}
