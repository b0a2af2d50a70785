// A start script copied from the build context: read at gather time, placed at plan time. Every
// program it starts must be one of the stage's Go binaries, a busybox applet (Debian's essential
// programs for bash on debian slim) or a shell builtin; `exec "$@"` runs the CMD, which is placed too.
import * as posix from 'path/posix';
import type { ContextFS } from '../../src/context';
import { msg } from '../../src/messages';
import type { Message } from '../../src/types';
import { BUSYBOX_APPLETS, runSpecs } from '../shared/commands';
import type { RunSpec } from '../shared/commands';
import { contextPathOf } from '../shared/context-map';
import { resolveProgram } from '../shared/programs';
import { analyzeStartScript, DEBIAN_SLIM_PROGRAMS } from '../shared/start-script';
import type { ScriptShell } from '../shared/start-script';
import type { TransformInput } from '../types';
import { replayStage } from './analyze';
import type { Artifact, StageReplay } from './analyze';
import type { GoFacts } from './facts';

export interface StartScriptText {
  /** Where the start command finds it in the image. */
  path: string;
  /** Its path in the build context. */
  ctx: string;
  text: string;
}

const MAX_SCRIPT_BYTES = 64 * 1024;
/** Applets of busybox (distroless debug, alpine) a script commonly uses, beyond BUSYBOX_APPLETS. */
const MORE_APPLETS = new Set(['dirname', 'basename', 'readlink']);

/** The script the start command (ENTRYPOINT, else CMD) names: its image path, or null. */
function scriptCandidate(spec: RunSpec | undefined, workdir: string): string | null {
  if (!spec) return null;
  const argv = spec.form.exec ?? (spec.form.shell ?? '').trim().split(/\s+/);
  const p = argv[0] ?? '';
  if (!p.includes('/') || /[$`"'\\]/.test(p)) return null;
  return posix.resolve(workdir, p);
}

/** Reads the start script the stage copies from the context, if the start command names one. */
export function gatherStartScripts(ctx: ContextFS, input: TransformInput, facts: GoFacts): StartScriptText[] {
  if (!facts.hasContext) return [];
  const specs = runSpecs(input.file, input.stage);
  // Most start commands name a binary the build makes: no context file has its name, so the
  // stage need not be replayed to find where a script would come from.
  const named = scriptCandidate(specs.ENTRYPOINT ?? specs.CMD, '/');
  if (!named || !hasFileNamed(facts.files, named.slice(named.lastIndexOf('/') + 1))) return [];
  const tag = /\$/.test(input.base.tag ?? '') ? null : input.base.tag;
  const replay = replayStage(input.file, input.stage, facts, tag);
  const path = scriptCandidate(specs.ENTRYPOINT ?? specs.CMD, replay.workdir);
  if (!path) return [];
  const rel = contextPathOf(path, replay.copies, facts.files);
  if (rel === null || !facts.files.includes(rel)) return [];
  const text = ctx.readText(rel, MAX_SCRIPT_BYTES);
  if (text === null || !text.startsWith('#!')) return [];
  return [{ path, ctx: rel, text }];
}

function hasFileNamed(files: readonly string[], name: string): boolean {
  if (!name) return false;
  for (const f of files) if (f === name || f.endsWith('/' + name)) return true;
  return false;
}

export type StartScriptPlan =
  | { kind: 'none' }
  | { kind: 'skip'; message: Message }
  | {
      kind: 'script';
      spec: RunSpec;
      path: string;
      shell: ScriptShell;
      /** Shebang options (`-e`), kept when the shell is named in the start command. */
      flags: string[];
      /** Whether the shebang names a path the runtime may lack (`/usr/bin/env`, `/bin/sh` on distroless). */
      interpreter: string;
      /** The Go binaries it starts; a bare name found on a PATH folder names the folder the runtime's PATH needs. */
      referenced: { artifact: Artifact; pathDir: string | null; name: string }[];
      /** Busybox applets it starts. */
      applets: string[];
      message: Message;
    };

/**
 * Places the programs of the start script the stage's start command names, or says which line
 * keeps it from converting.
 */
export function planStartScript(
  input: TransformInput, facts: GoFacts & { startScripts?: StartScriptText[] }, replay: StageReplay, artifacts: readonly Artifact[],
): StartScriptPlan {
  const specs = runSpecs(input.file, input.stage);
  const spec = specs.ENTRYPOINT ?? specs.CMD;
  const path = scriptCandidate(spec, replay.workdir);
  const found = path ? (facts.startScripts ?? []).find((s) => s.path === path) : undefined;
  if (!spec || !found) return { kind: 'none' };
  const line = spec.ins.line;
  const a = analyzeStartScript(found.text, found.path, replay.workdir);
  const where = { script: found.ctx, keyword: spec.keyword, line };
  if (a.kind === 'not-a-script') return { kind: 'none' };
  if (a.kind === 'builds') return { kind: 'skip', message: msg('go/start-script-builds', { ...where, command: a.command, scriptLine: a.line }, line) };
  if (a.kind === 'unknown-shell') return { kind: 'skip', message: msg('go/start-script-shell', { ...where, interpreter: a.interpreter }, line) };
  if (a.kind === 'unreadable') return { kind: 'skip', message: msg('go/start-script-unread', { ...where, what: a.reason, scriptLine: a.line }, line) };

  const pathDirs = (replay.env.get('PATH') ?? '').split(':').filter(Boolean);
  const lookup = (abs: string) => artifacts.find((x) => x.path === abs || (x.dir && abs.startsWith(x.path + '/'))) ?? null;
  const referenced: Extract<StartScriptPlan, { kind: 'script' }>['referenced'] = [];
  const applets = new Set<string>();
  const place = (program: string, cwd: string | null): boolean => {
    if (program.includes('/') && cwd === null && !program.startsWith('/')) return false;
    const hit = resolveProgram(program, cwd ?? replay.workdir, pathDirs, lookup);
    if (hit) {
      referenced.push({ artifact: hit.artifact, pathDir: hit.pathDir, name: posix.basename(program) });
      return true;
    }
    if (program.includes('/')) return false;
    const known = a.shell === 'bash' ? DEBIAN_SLIM_PROGRAMS.has(program) : BUSYBOX_APPLETS.has(program) || MORE_APPLETS.has(program);
    if (known) applets.add(program);
    return known;
  };
  for (const p of a.programs) {
    if (p.program === '"$@"') {
      // The script's arguments run: the CMD after an exec-form ENTRYPOINT script, or the rest of its own argv.
      const args = spec.keyword === 'ENTRYPOINT' && spec.form.exec ? specs.CMD?.form.exec ?? (specs.CMD ? null : []) : (spec.form.exec ?? []).slice(1);
      if (args === null) return { kind: 'skip', message: msg('go/start-script-unplaced', { ...where, program: 'the shell-form CMD it is given as "$@"', scriptLine: p.line }, line) };
      if (args.length && !place(args[0], replay.workdir)) {
        return { kind: 'skip', message: msg('go/start-script-unplaced', { ...where, program: `${args[0]} (the CMD it runs with "$@")`, scriptLine: p.line }, line) };
      }
      continue;
    }
    if (!place(p.program, p.cwd)) return { kind: 'skip', message: msg('go/start-script-unplaced', { ...where, program: p.program, scriptLine: p.line }, line) };
  }
  if (!referenced.length) return { kind: 'skip', message: msg('go/start-script-unplaced', { ...where, program: 'no program built here', scriptLine: 1 }, line) };
  const programs = [...new Set(referenced.map((r) => r.artifact.path)), ...[...applets].sort()].join(', ');
  return {
    kind: 'script', spec, path: found.path, shell: a.shell, flags: a.flags, interpreter: a.interpreter, referenced, applets: [...applets].sort(),
    message: msg('go/start-script', { ...where, shell: a.shell, programs }, line),
  };
}

