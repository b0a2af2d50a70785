// Replays an interpreted-language stage (Python, Ruby) instruction by instruction: working
// directory, environment, what the context puts where, users, and the simple commands each RUN
// runs (with the directory they run in). Language transforms read their installers from it.
import * as posix from 'path/posix';
import type { Instr, ParsedDockerfile, Stage } from '../../src/dockerfile';
import { flagValue } from '../../src/dockerfile';
import { expandVars } from '../../src/image-ref';
import { isAssignment, scanShell } from '../../src/shell-words';
import type { Word } from '../../src/shell-words';
import { normalizeSource } from '../shared/context-map';
import type { ContextCopy } from '../shared/context-map';
import { copyInfo, execForm, joinContinuations, properties, splitFlags } from '../shared/instructions';

export interface StageCommand {
  ins: Instr;
  /** The command's words, leading assignments (and `env`) removed, expanded where possible. */
  argv: string[];
  /** The words as the lexer found them (offsets into the file), same indexes as argv. */
  words: Word[] | null;
  /** Assignments written before the command (`FOO=1 pip install …`). */
  assigns: Map<string, string>;
  cwd: string;
  env: Map<string, string>;
}

export interface AppCopy extends ContextCopy {
  ins: Instr;
  /** `--chown=` value, when given. */
  chown: string | null;
  /** Index of the instruction in the stage body. */
  index: number;
}

export interface StageWalk {
  workdir: string;
  env: Map<string, string>;
  copies: AppCopy[];
  commands: StageCommand[];
  /** RUN instructions stageify cannot read command by command (heredocs). */
  opaqueRuns: Instr[];
  users: Instr[];
  shells: Instr[];
  /** COPY --from=<image> (files from another image). */
  foreignCopies: Instr[];
}

/** Environment of the official images (`python:*`, `ruby:*`) before the user's lines. */
export function walkStage(file: ParsedDockerfile, stage: Stage, files: readonly string[], initialEnv: ReadonlyArray<[string, string]>, initialWorkdir = '/'): StageWalk {
  const w: StageWalk = { workdir: initialWorkdir, env: new Map(initialEnv), copies: [], commands: [], opaqueRuns: [], users: [], shells: [], foreignCopies: [] };
  const lookup = (name: string) => w.env.get(name);
  stage.body.forEach((ins, index) => {
    switch (ins.keyword) {
      case 'ENV':
      case 'ARG':
        for (const p of properties(ins)) {
          if (ins.keyword === 'ARG' && p.value === null) {
            if (!w.env.has(p.name)) w.env.set(p.name, '');
            continue;
          }
          const v = expandVars(p.value ?? '', lookup, file.escape);
          if (v !== null) w.env.set(p.name, v);
          else w.env.delete(p.name);
        }
        break;
      case 'WORKDIR': {
        const raw = joinContinuations(ins.argsText, file.escape).trim();
        w.workdir = posix.resolve(w.workdir, expandVars(raw, lookup, file.escape) ?? raw);
        break;
      }
      case 'COPY':
      case 'ADD': {
        const info = copyInfo(ins, file.escape);
        if (!info) break;
        if (info.from) {
          w.foreignCopies.push(ins);
          break;
        }
        if (ins.keyword === 'ADD' && info.sources.some((s) => /^[a-z]+:\/\//i.test(s) || /\.(tar|tgz|tar\.\w+)$/.test(s))) {
          w.foreignCopies.push(ins);
          break;
        }
        const dest0 = expandVars(info.dest, lookup, file.escape) ?? info.dest;
        const dest = posix.resolve(w.workdir, dest0);
        const sources = info.sources.map((s) => normalizeSource(expandVars(s, lookup, file.escape) ?? s));
        const destIsDir = dest0.endsWith('/') || dest0 === '.' || sources.length > 1 || sources.some((s) => s === '' || files.some((f) => f.startsWith(s + '/')));
        const chown = flagValue(ins, 'chown');
        w.copies.push({ sources, dest, destIsDir, line: ins.line, ins, chown: chown ?? null, index });
        break;
      }
      case 'USER':
        w.users.push(ins);
        break;
      case 'SHELL':
        w.shells.push(ins);
        break;
      case 'RUN':
        walkRun(file, ins, w);
        break;
      default:
        break;
    }
  });
  return w;
}

function walkRun(file: ParsedDockerfile, ins: Instr, w: StageWalk): void {
  const { rest } = splitFlags(ins.argsText);
  if (/<<-?['"]?[A-Za-z_]/.test(rest)) {
    w.opaqueRuns.push(ins);
    return;
  }
  const exec = execForm(joinContinuations(rest, file.escape));
  if (exec) {
    if (exec.length) w.commands.push({ ins, argv: exec, words: null, assigns: new Map(), cwd: w.workdir, env: new Map(w.env) });
    return;
  }
  const base = ins.argsStart + (ins.argsText.length - rest.length);
  const scan = scanShell(rest, base, file.escape);
  let cwd = w.workdir;
  const env = new Map(w.env);
  for (const cmd of scan.commands) {
    let k = 0;
    const assigns = new Map<string, string>();
    while (k < cmd.words.length && isAssignment(cmd.words[k])) {
      const v = cmd.words[k].value;
      assigns.set(v.slice(0, v.indexOf('=')), v.slice(v.indexOf('=') + 1));
      k++;
    }
    let words = cmd.words.slice(k);
    if (words[0]?.value === 'env') {
      words = words.slice(1);
      while (words.length && (isAssignment(words[0]) || words[0].value.startsWith('-'))) {
        const v = words[0].value;
        if (!v.startsWith('-')) assigns.set(v.slice(0, v.indexOf('=')), v.slice(v.indexOf('=') + 1));
        words = words.slice(1);
      }
    }
    if (!words.length) {
      for (const [n, v] of assigns) env.set(n, v);
      continue;
    }
    const cmdEnv = new Map(env);
    for (const [n, v] of assigns) cmdEnv.set(n, v);
    const argv = words.map((x) => (x.expansion ? expandVars(x.value, (n) => cmdEnv.get(n)) ?? x.value : x.value));
    if (argv[0] === 'cd') {
      cwd = words[1] && !words[1].expansion ? posix.resolve(cwd, argv[1]) : words[1] ? cwd : '/root';
      continue;
    }
    if (argv[0] === 'export') {
      for (const x of words.slice(1)) if (isAssignment(x)) env.set(x.value.slice(0, x.value.indexOf('=')), x.value.slice(x.value.indexOf('=') + 1));
      continue;
    }
    w.commands.push({ ins, argv, words, assigns, cwd, env: cmdEnv });
  }
}

/** The program name of a command (`/usr/local/bin/pip3` → `pip3`). */
export function programName(argv: readonly string[]): string {
  return posix.basename(argv[0] ?? '');
}
