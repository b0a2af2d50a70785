// Replays an interpreted-language stage (Python, Ruby) on the shared stage replay: the simple
// commands each RUN runs (with the directory and variables in effect), for the installers.
import * as posix from 'path/posix';
import type { Instr, ParsedDockerfile, Stage } from '../../../src/dockerfile';
import type { Word } from '../../../src/shell-words';
import { expandWord, replayStageCommon } from '../replay';
import type { StageCopy } from '../replay';

export interface StageCommand {
  ins: Instr;
  /** The command's words, leading assignments (and `env`) removed, expanded where possible. */
  argv: string[];
  /** The words as the lexer found them (offsets into the file), same indexes as argv. */
  words: Word[] | null;
  /** Assignments written before the command (`FOO=1 pip install …`). */
  assigns: Map<string, string>;
  cwd: string;
  env: ReadonlyMap<string, string>;
}

/** A copy from the build context (see the shared replay). */
export type AppCopy = StageCopy;

export interface StageWalk {
  workdir: string;
  env: ReadonlyMap<string, string>;
  copies: AppCopy[];
  commands: StageCommand[];
  /** RUN instructions stageify cannot read command by command (heredocs). */
  opaqueRuns: Instr[];
  users: Instr[];
  shells: Instr[];
  /** COPY --from=<image> (files from another image), ADD of URLs and archives. */
  foreignCopies: Instr[];
}

/** Environment of the official images (`python:*`, `ruby:*`) before the user's lines. */
export function walkStage(file: ParsedDockerfile, stage: Stage, files: readonly string[], initialEnv: ReadonlyArray<[string, string]>, initialWorkdir = '/'): StageWalk {
  const commands: StageCommand[] = [];
  const s = replayStageCommon(file, stage, {
    workdir: initialWorkdir,
    env: initialEnv,
    files,
    onCommand: (c) => {
      if (!c.words.length) return;
      commands.push({
        ins: c.ins, argv: c.words.map((w) => expandWord(w, c.env)), words: c.exec ? null : c.words, assigns: c.assignments, cwd: c.cwd, env: c.env,
      });
    },
  });
  return {
    workdir: s.workdir, env: s.env, copies: s.copies, commands, opaqueRuns: s.heredocRuns, users: s.users, shells: s.shells, foreignCopies: s.foreignCopies,
  };
}

/** The program name of a command (`/usr/local/bin/pip3` → `pip3`). */
export function programName(argv: readonly string[]): string {
  return posix.basename(argv[0] ?? '');
}
