// Replays a dotnet SDK stage: working directory, environment, what the context puts where, and
// which `dotnet publish` / `dotnet build` commands write an application to which folder.
import * as posix from 'path/posix';
import type { Instr, ParsedDockerfile, Stage } from '../../src/dockerfile';
import { contextPathOf } from '../shared/context-map';
import { expandWord, replayStageCommon } from '../shared/replay';
import type { StageState } from '../shared/replay';
import type { DotnetFacts, DotnetProject } from './facts';

export interface DotnetArgs {
  sub: string;
  /** Project, solution or folder argument, if any. */
  target: string | null;
  flags: Map<string, string>;
  /** MSBuild properties given with -p:/p:/-property:. */
  props: Map<string, string>;
  /** Words after `--` (and unknown positionals after the first, for `dotnet run`). */
  programArgs: string[];
}

const VALUE_FLAGS = new Set(['-c', '--configuration', '-o', '--output', '-f', '--framework', '-r', '--runtime', '-v', '--verbosity',
  '--project', '-a', '--arch', '--os', '--launch-profile', '-lp', '--version-suffix', '--manifest', '--source', '-s', '--packages', '--property', '-bl']);
/** Options `dotnet run` takes itself; any other option goes to the application. */
const RUN_OPTIONS = new Set(['--project', '--configuration', '--framework', '--runtime', '--no-launch-profile', '--launch-profile',
  '--no-build', '--no-restore', '-v', '--verbosity', '--arch', '--os', '--property', '--interactive', '--no-dependencies', '--force',
  '--self-contained', '--no-self-contained']);
const FLAG_ALIASES: Record<string, string> = { '-c': '--configuration', '-o': '--output', '-f': '--framework', '-r': '--runtime', '-a': '--arch', '-lp': '--launch-profile', '--sc': '--self-contained' };

/** Parses the words after `dotnet`. */
export function parseDotnetArgs(words: string[]): DotnetArgs | null {
  if (!words.length) return null;
  const sub = words[0];
  const flags = new Map<string, string>();
  const props = new Map<string, string>();
  let target: string | null = null;
  let programArgs: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    if (w === '--') {
      programArgs = [...programArgs, ...words.slice(i + 1)];
      break;
    }
    const prop = /^(?:[-/]p:|-p:|--property:|\/property:)(.*)$/i.exec(w);
    if (prop) {
      for (const kv of prop[1].split(/[;]/)) {
        const eq = kv.indexOf('=');
        if (eq > 0) props.set(kv.slice(0, eq).trim().toLowerCase(), kv.slice(eq + 1).trim());
      }
      continue;
    }
    const m = /^(--?[A-Za-z][\w-]*)(?::|=)?(.*)$/s.exec(w);
    if (m && (w.startsWith('-'))) {
      const name = FLAG_ALIASES[m[1]] ?? m[1];
      if (sub === 'run' && !RUN_OPTIONS.has(name)) {
        programArgs.push(w);
        continue;
      }
      if (m[2]) flags.set(name, m[2]);
      else if (VALUE_FLAGS.has(m[1]) && i + 1 < words.length) flags.set(name, words[++i]);
      else if (name === '--self-contained' && /^(true|false)$/i.test(words[i + 1] ?? '')) flags.set(name, words[++i].toLowerCase());
      else flags.set(name, 'true');
      continue;
    }
    if (target === null && sub !== 'run') target = w;
    else programArgs.push(w);
  }
  return { sub, target, flags, props, programArgs };
}

export interface AppOutput {
  /** Absolute folder the application was written to. */
  dir: string;
  /** Projects it may hold (empty when the context cannot tell). */
  projects: DotnetProject[];
  /** Why the output carries its own runtime, or null. */
  selfContained: string | null;
  ins: Instr;
}

export interface DotnetReplay extends StageState {
  outputs: AppOutput[];
  unknown: { ins: Instr; command: string; reason: string }[];
}

export function replayDotnetStage(file: ParsedDockerfile, stage: Stage, facts: DotnetFacts, sdkMajor: number): DotnetReplay {
  const extra = { outputs: [] as AppOutput[], unknown: [] as DotnetReplay['unknown'] };
  const state = replayStageCommon(file, stage, {
    workdir: '/',
    env: [],
    files: facts.files,
    onCommand: (c, s) => {
      if (isDotnet(c.words[0].value)) dotnetCommand(c.ins, c.words.slice(1).map((w) => expandWord(w, c.env)), c.cwd, { ...s, ...extra }, facts, sdkMajor);
    },
    onHeredoc: (ins, text) => {
      if (/\bdotnet\s+(publish|build)\b/.test(text)) extra.unknown.push({ ins, command: 'dotnet', reason: 'inside a heredoc' });
    },
  });
  return Object.assign(state, extra);
}

function isDotnet(p: string): boolean {
  return p === 'dotnet' || p.endsWith('/dotnet');
}

function dotnetCommand(ins: Instr, words: string[], cwd: string, r: DotnetReplay, facts: DotnetFacts, sdkMajor: number): void {
  const args = parseDotnetArgs(words);
  if (!args || (args.sub !== 'publish' && args.sub !== 'build')) return;
  const projects = projectsOf(args.target, cwd, r, facts);
  const selfContained = selfContainedReason(args, projects, sdkMajor);
  const out = args.flags.get('--output');
  if (out !== undefined) {
    r.outputs.push({ dir: posix.resolve(cwd, out), projects, selfContained, ins });
    return;
  }
  // Default output: <project>/bin/<Configuration>/<tfm>/[<rid>/][publish/]
  if (projects.length !== 1) {
    r.unknown.push({ ins, command: `dotnet ${args.sub}`, reason: 'no -o and the project is not known' });
    return;
  }
  const p = projects[0];
  const tfm = args.flags.get('--framework') ?? (p.tfms.length === 1 ? p.tfms[0] : null);
  if (!tfm) {
    r.unknown.push({ ins, command: `dotnet ${args.sub}`, reason: 'no -o and several target frameworks' });
    return;
  }
  // `dotnet publish` builds Release by default since the .NET 8 SDK.
  const config = args.flags.get('--configuration') ?? (args.sub === 'publish' && sdkMajor >= 8 ? 'Release' : 'Debug');
  const imageDir = imageDirOf(p, r, cwd);
  const rid = args.flags.get('--runtime');
  const parts = [imageDir, 'bin', config, tfm, ...(rid ? [rid] : []), ...(args.sub === 'publish' ? ['publish'] : [])];
  r.outputs.push({ dir: posix.join(...parts), projects, selfContained, ins });
}

function selfContainedReason(args: DotnetArgs, projects: DotnetProject[], sdkMajor: number): string | null {
  const sc = args.flags.get('--self-contained') ?? args.props.get('selfcontained');
  if (sc !== undefined && sc !== 'false') return '--self-contained';
  for (const p of ['publishsinglefile', 'publishaot', 'publishtrimmed']) if (args.props.get(p) === 'true') return `-p:${p}=true`;
  // Before the .NET 6 SDK, a runtime identifier implied a self-contained publish.
  if (args.flags.has('--runtime') && sc === undefined && sdkMajor > 0 && sdkMajor < 6) return '-r without --self-contained false';
  if (sc === 'false' || args.flags.has('--no-self-contained')) return null;
  return projects.find((p) => p.selfContained)?.selfContained ?? null;
}

/** Image folder of a project, by the copies (the project file's folder). */
function imageDirOf(p: DotnetProject, r: DotnetReplay, cwd: string): string {
  for (const c of [...r.copies].reverse()) {
    for (const src of c.sources) {
      if (src === p.dir) return c.dest;
      if (src === '' || p.dir.startsWith(src + '/')) return posix.join(c.dest, src === '' ? p.dir : p.dir.slice(src.length + 1));
    }
  }
  return cwd;
}

/** The projects a publish/build/run acts on: a project file, a folder's project, or a solution's. */
export function projectsOf(target: string | null, cwd: string, r: DotnetReplay, facts: DotnetFacts): DotnetProject[] {
  const t = target ? posix.resolve(cwd, target) : cwd;
  if (/\.(cs|fs|vb)proj$/.test(t)) {
    const ctx = contextPathOf(t, r.copies, facts.files);
    const byPath = ctx !== null ? facts.projects.find((p) => p.path === ctx) : undefined;
    if (byPath) return [byPath];
    // Copied by a glob (`COPY *.csproj .`): match by file name.
    return facts.projects.filter((p) => posix.basename(p.path) === posix.basename(t));
  }
  if (/\.sln[x]?$/.test(t)) return [...facts.projects];
  // A folder: the project file in it (found through a marker file copied along).
  for (const p of facts.projects) {
    const ctx = contextPathOf(posix.join(t, posix.basename(p.path)), r.copies, facts.files);
    if (ctx === p.path) return [p];
  }
  // Only a solution file there: every project it may list.
  const sln = facts.files.some((f) => /\.slnx?$/.test(f) && contextPathOf(posix.join(t, posix.basename(f)), r.copies, facts.files) === f);
  return sln ? [...facts.projects] : [];
}
