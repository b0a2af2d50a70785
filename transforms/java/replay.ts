// Replays a Java builder stage: working directory, environment, what the context puts where,
// and which build commands (mvn, gradle, javac, jar and their wrappers) run in which folder.
import * as posix from 'path/posix';
import type { Instr, ParsedDockerfile, Stage } from '../../src/dockerfile';
import { joinContinuations } from '../shared/instructions';
import { replayStageCommon, splitRunFlags } from '../shared/replay';
import type { StageState } from '../shared/replay';

export type BuildTool = 'maven' | 'gradle' | 'javac' | 'jar';

export interface BuildCommand {
  tool: BuildTool;
  /** Project folder in the image (where the pom.xml / build.gradle is read). */
  dir: string;
  ins: Instr;
}

export interface JavaReplay extends StageState {
  builds: BuildCommand[];
  /** The text of every RUN, continuations joined: a loose record of what moved files where. */
  runTexts: string[];
}

export function replayJavaStage(file: ParsedDockerfile, stage: Stage, files: readonly string[], initialWorkdir = '/'): JavaReplay {
  const builds: BuildCommand[] = [];
  const state = replayStageCommon(file, stage, {
    workdir: initialWorkdir,
    env: [],
    files,
    onCommand: (c) => {
      let words = c.words;
      if (words[0]?.value === 'exec') words = words.slice(1);
      const name = words[0]?.value;
      if (!name) return;
      const runner = (name === 'sh' || name === 'bash') && words[1] ? words[1].value : name;
      const tool = toolOf(runner);
      if (tool) builds.push({ tool, dir: projectDir(tool, words.slice(runner === name ? 1 : 2).map((w) => w.value), c.cwd), ins: c.ins });
    },
  });
  const runTexts = stage.body.filter((i) => i.keyword === 'RUN').map((i) => joinContinuations(splitRunFlags(i.argsText, file.escape).rest, file.escape));
  return Object.assign(state, { builds, runTexts });
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
