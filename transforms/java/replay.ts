// Replays a Java builder stage: working directory, environment, what the context puts where,
// and which build commands (mvn, gradle, javac, jar and their wrappers) run in which folder.
import * as posix from 'path/posix';
import type { Instr, ParsedDockerfile, Stage } from '../../src/dockerfile';
import { expandVars } from '../../src/image-ref';
import { isAssignment, scanShell } from '../../src/shell-words';
import { normalizeSource } from '../shared/context-map';
import type { ContextCopy } from '../shared/context-map';
import { copyInfo, execForm, joinContinuations, properties } from '../shared/instructions';

export type BuildTool = 'maven' | 'gradle' | 'javac' | 'jar';

export interface BuildCommand {
  tool: BuildTool;
  /** Project folder in the image (where the pom.xml / build.gradle is read). */
  dir: string;
  ins: Instr;
}

export interface JavaReplay {
  workdir: string;
  env: Map<string, string>;
  /** Variables set by ENV only: what the container's environment holds at run time. */
  runEnv: Map<string, string>;
  copies: ContextCopy[];
  /** Destinations of ADD <url> (files that come from outside the context). */
  downloads: string[];
  builds: BuildCommand[];
  /** The text of every RUN, continuations joined: a loose record of what moved files where. */
  runTexts: string[];
  users: Instr[];
  shells: Instr[];
}

export function replayJavaStage(file: ParsedDockerfile, stage: Stage, files: readonly string[], initialWorkdir = '/'): JavaReplay {
  const r: JavaReplay = { workdir: initialWorkdir, env: new Map(), runEnv: new Map(), copies: [], downloads: [], builds: [], runTexts: [], users: [], shells: [] };
  const lookup = (name: string) => r.env.get(name);
  const madeDirs = new Set<string>(['/', initialWorkdir]);
  for (const ins of stage.body) {
    switch (ins.keyword) {
      case 'ENV':
      case 'ARG':
        for (const p of properties(ins)) {
          if (ins.keyword === 'ARG' && p.value === null) {
            if (!r.env.has(p.name)) r.env.set(p.name, '');
            continue;
          }
          const v = expandVars(p.value ?? '', lookup, file.escape);
          if (v !== null) r.env.set(p.name, v);
          else r.env.delete(p.name);
          if (ins.keyword === 'ENV') {
            if (v !== null) r.runEnv.set(p.name, v);
            else r.runEnv.delete(p.name);
          }
        }
        break;
      case 'WORKDIR': {
        const raw = joinContinuations(ins.argsText, file.escape).trim();
        r.workdir = posix.resolve(r.workdir, expandVars(raw, lookup, file.escape) ?? raw);
        for (let d = r.workdir; d !== '/'; d = posix.dirname(d)) madeDirs.add(d);
        break;
      }
      case 'COPY':
      case 'ADD': {
        const info = copyInfo(ins, file.escape);
        if (!info || info.from) break;
        const dest0 = expandVars(info.dest, lookup, file.escape) ?? info.dest;
        const dest = posix.resolve(r.workdir, dest0);
        if (ins.keyword === 'ADD' && info.sources.some((s) => /^[a-z]+:\/\//i.test(s))) {
          r.downloads.push(dest0.endsWith('/') ? dest + '/' : dest);
          break;
        }
        const sources = info.sources.map(normalizeSource);
        // `.` and folders made by WORKDIR exist already: a copy lands inside them.
        const destIsDir = dest0.endsWith('/') || /(^|\/)\.\.?$/.test(dest0) || madeDirs.has(dest) || sources.length > 1 || sources.some((s) => s === '' || /[*?[]/.test(s) || files.some((f) => f.startsWith(s + '/')));
        r.copies.push({ sources, dest, destIsDir, line: ins.line });
        break;
      }
      case 'USER':
        r.users.push(ins);
        break;
      case 'SHELL':
        r.shells.push(ins);
        break;
      case 'RUN':
        replayRun(file, ins, r);
        break;
      default:
        break;
    }
  }
  return r;
}

function replayRun(file: ParsedDockerfile, ins: Instr, r: JavaReplay): void {
  const rest = ins.argsText.replace(/^(\s*--[a-z-]+(=\S*)?)+\s*/, '');
  const joined = joinContinuations(rest, file.escape);
  r.runTexts.push(joined);
  const exec = execForm(joined);
  if (exec) {
    const tool = toolOf(exec[0] === 'sh' || exec[0] === 'bash' ? exec[1] ?? '' : exec[0]);
    if (tool) r.builds.push({ tool, dir: projectDir(tool, exec.slice(1), r.workdir), ins });
    return;
  }
  const scan = scanShell(rest, 0, file.escape);
  let cwd = r.workdir;
  for (const cmd of scan.commands) {
    const first = cmd.words.findIndex((x) => !isAssignment(x));
    if (first < 0) continue;
    let words = cmd.words.slice(first);
    if (words[0]?.value === 'exec' || words[0]?.value === 'env') words = words.slice(1).filter((w) => !isAssignment(w));
    const name = words[0]?.value;
    if (!name) continue;
    if (name === 'cd') {
      const target = words[1];
      cwd = target && !target.expansion ? posix.resolve(cwd, target.value) : target ? cwd : '/root';
      continue;
    }
    const runner = (name === 'sh' || name === 'bash') && words[1] ? words[1].value : name;
    const tool = toolOf(runner);
    if (tool) r.builds.push({ tool, dir: projectDir(tool, words.slice(runner === name ? 1 : 2).map((w) => w.value), cwd), ins });
  }
}

function toolOf(program: string): BuildTool | null {
  const base = program.slice(program.lastIndexOf('/') + 1);
  if (base === 'mvn' || base === 'mvnw') return 'maven';
  if (base === 'gradle' || base === 'gradlew') return 'gradle';
  if (base === 'javac') return 'javac';
  if (base === 'jar') return 'jar';
  return null;
}

/** The project folder: `mvn -f x/pom.xml`, `gradle -p x`, else the working directory. */
function projectDir(tool: BuildTool, args: string[], cwd: string): string {
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    const flag = tool === 'maven' ? /^(?:-f|--file)(?:=(.+))?$/.exec(a) : tool === 'gradle' ? /^(?:-p|--project-dir)(?:=(.+))?$/.exec(a) : null;
    if (!flag) continue;
    const v = flag[1] ?? args[k + 1];
    if (!v) break;
    const p = posix.resolve(cwd, v);
    return tool === 'maven' && /\.xml$/.test(v) ? posix.dirname(p) : p;
  }
  return cwd;
}
