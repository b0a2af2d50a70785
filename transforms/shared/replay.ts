// Replays a stage instruction by instruction, the part every ecosystem needs: working directory,
// environment (ENV and ARG), what the context puts where, users, shells, and each RUN's simple
// commands with the directory and variables in effect. Transforms add their own meaning of RUN
// commands through the `onCommand` callback.
import * as posix from 'path/posix';
import type { Instr, ParsedDockerfile, Stage } from '../../src/dockerfile';
import { expandVars } from '../../src/image-ref';
import { isAssignment, scanShell } from '../../src/shell-words';
import type { Word } from '../../src/shell-words';
import { normalizeSource } from './context-map';
import type { ContextCopy } from './context-map';
import { copyInfo, execForm, joinContinuations, properties, splitFlags } from './instructions';

/** A COPY/ADD from the build context, with where it stands in the stage. */
export interface StageCopy extends ContextCopy {
  ins: Instr;
  /** `--chown=` value, when given. */
  chown: string | null;
  /** Index of the instruction in the stage body. */
  index: number;
}

export interface StageState {
  workdir: string;
  /** Variables at the end of the stage (ENV and ARG). */
  env: ReadonlyMap<string, string>;
  /** Variables set by ENV only: what the container's environment holds at run time. */
  runEnv: ReadonlyMap<string, string>;
  /** Destinations of `ADD <url>` (files from outside the context); a folder ends with '/'. */
  downloads: string[];
  copies: StageCopy[];
  /** COPY --from=<stage or image>, and ADD of URLs or archives: not plain context files. */
  foreignCopies: Instr[];
  users: Instr[];
  shells: Instr[];
  /** RUN lines with heredocs: not analysed. */
  heredocRuns: Instr[];
  /** Folders known to exist (WORKDIR, copy destinations, `knownDirs`); callbacks may add more. */
  dirs: Set<string>;
}

/** One simple command of a RUN, with what is in effect where it runs. */
export interface RunCommand {
  ins: Instr;
  /** The command's words after leading assignments and `env` (exec form: no offsets). */
  words: Word[];
  /** `NAME=value` set on this command line only. */
  assignments: Map<string, string>;
  /** Offset of the command's first word (its first assignment, if any); null in exec form. */
  start: number | null;
  cwd: string;
  /** Variables in effect for this command (stage ENV/ARG, RUN-local exports, its assignments). */
  env: ReadonlyMap<string, string>;
  exec: boolean;
}

export interface ReplayOptions {
  workdir: string;
  env: ReadonlyArray<[string, string]>;
  /** Context file list, to tell folder sources from file sources. */
  files: readonly string[];
  onCommand?: (cmd: RunCommand, state: StageState) => void;
  /** Called for a heredoc RUN (not split into commands). */
  onHeredoc?: (ins: Instr, text: string) => void;
  /** Folders the base image has (so `cp x /usr/local/bin` is known to copy into a folder). */
  knownDirs?: readonly string[];
}

/**
 * Stage variables with cheap snapshots: every command keeps the variables in effect where it
 * runs without copying them (a stage with thousands of ENV lines and RUNs stays linear).
 */
class EnvHistory {
  private readonly byName = new Map<string, { at: number; value: string | undefined }[]>();
  private version = 0;

  set(name: string, value: string | undefined): void {
    this.version++;
    const list = this.byName.get(name);
    if (list) list.push({ at: this.version, value });
    else this.byName.set(name, [{ at: this.version, value }]);
  }

  get(name: string, at: number): string | undefined {
    const list = this.byName.get(name);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    if (list[0].at > at) return undefined;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (list[mid].at <= at) lo = mid;
      else hi = mid - 1;
    }
    return list[lo].value;
  }

  /** The variables as they are now, with `overlay` on top, as a read-only map. */
  snapshot(overlay: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
    const at = this.version;
    const get = (name: string) => (overlay.has(name) ? overlay.get(name) : this.get(name, at));
    const materialize = () => {
      const m = new Map<string, string>();
      for (const name of this.byName.keys()) {
        const v = this.get(name, at);
        if (v !== undefined) m.set(name, v);
      }
      for (const [n, v] of overlay) m.set(n, v);
      return m;
    };
    return new LazyMap(get, materialize);
  }
}

/** A read-only map answering get/has directly and building itself only when iterated. */
class LazyMap implements ReadonlyMap<string, string> {
  private full: Map<string, string> | null = null;
  constructor(private readonly lookup: (name: string) => string | undefined, private readonly build: () => Map<string, string>) {}
  get(name: string): string | undefined {
    return this.lookup(name);
  }
  has(name: string): boolean {
    return this.lookup(name) !== undefined;
  }
  private all(): Map<string, string> {
    if (!this.full) this.full = this.build();
    return this.full;
  }
  get size(): number {
    return this.all().size;
  }
  forEach(cb: (value: string, key: string, map: ReadonlyMap<string, string>) => void): void {
    this.all().forEach((v, k) => cb(v, k, this));
  }
  entries() {
    return this.all().entries();
  }
  keys() {
    return this.all().keys();
  }
  values() {
    return this.all().values();
  }
  [Symbol.iterator]() {
    return this.all()[Symbol.iterator]();
  }
}

export function replayStageCommon(file: ParsedDockerfile, stage: Stage, opts: ReplayOptions): StageState {
  const history = new EnvHistory();
  for (const [n, v] of opts.env) history.set(n, v);
  const env = new Map(opts.env);
  const runEnv = new Map<string, string>();
  const s: StageState & { env: Map<string, string> } = {
    workdir: opts.workdir, env, runEnv, downloads: [], dirs: new Set(['/', opts.workdir, ...(opts.knownDirs ?? [])]), copies: [], foreignCopies: [], users: [], shells: [], heredocRuns: [],
  };
  const lookup = (name: string) => s.env.get(name);
  const dirs = s.dirs;
  stage.body.forEach((ins, index) => {
    switch (ins.keyword) {
      case 'ENV':
      case 'ARG':
        for (const p of properties(ins)) {
          if (ins.keyword === 'ARG' && p.value === null) {
            if (!s.env.has(p.name)) {
              s.env.set(p.name, '');
              history.set(p.name, '');
            }
            continue;
          }
          const v = expandVars(p.value ?? '', lookup, file.escape);
          if (v !== null) s.env.set(p.name, v);
          else s.env.delete(p.name);
          history.set(p.name, v ?? undefined);
          if (ins.keyword === 'ENV') {
            if (v !== null) runEnv.set(p.name, v);
            else runEnv.delete(p.name);
          }
        }
        break;
      case 'WORKDIR': {
        const raw = joinContinuations(ins.argsText, file.escape).trim();
        s.workdir = posix.resolve(s.workdir, expandVars(raw, lookup, file.escape) ?? raw);
        // WORKDIR makes the folder and its parents.
        for (let d = s.workdir; d !== '/'; d = posix.dirname(d)) dirs.add(d);
        break;
      }
      case 'COPY':
      case 'ADD': {
        const info = copyInfo(ins, file.escape);
        if (!info) break;
        if (ins.keyword === 'ADD' && !info.from && info.sources.some((src) => /^[a-z]+:\/\//i.test(src))) {
          const d = expandVars(info.dest, lookup, file.escape) ?? info.dest;
          const abs = posix.resolve(s.workdir, d);
          s.downloads.push(d.endsWith('/') ? abs + '/' : abs);
        }
        // ADD unpacks archives and fetches URLs: what lands in the image is not the context file.
        if (info.from || (ins.keyword === 'ADD' && info.sources.some((src) => /^[a-z]+:\/\//i.test(src) || /\.(tar|tgz|tar\.\w+)$/.test(src)))) {
          s.foreignCopies.push(ins);
          break;
        }
        const dest0 = expandVars(info.dest, lookup, file.escape) ?? info.dest;
        const dest = posix.resolve(s.workdir, dest0);
        const sources = info.sources.map((src) => normalizeSource(expandVars(src, lookup, file.escape) ?? src));
        // `.` and folders that exist already (made by WORKDIR or earlier copies): a copy lands inside.
        const destIsDir = dest0.endsWith('/') || /(^|\/)\.\.?$/.test(dest0) || dirs.has(dest) || sources.length > 1
          || sources.some((src) => src === '' || /[*?[]/.test(src) || opts.files.some((f) => f.startsWith(src + '/')));
        if (destIsDir) dirs.add(dest);
        const chown = splitFlags(joinContinuations(ins.argsText, file.escape)).flags.get('chown') || null;
        s.copies.push({ sources, dest, destIsDir, line: ins.line, ins, chown, index });
        break;
      }
      case 'USER':
        s.users.push(ins);
        break;
      case 'SHELL':
        s.shells.push(ins);
        break;
      case 'RUN':
        replayRun(file, ins, s, history, opts);
        break;
      default:
        break;
    }
  });
  return s;
}

const leadingFlag = (esc: string) =>
  new RegExp(`^((?:[ \\t]|${esc}[ \\t]*(?:\\r\\n|\\n|\\r)|#[^\\r\\n]*(?:\\r\\n|\\n|\\r))*)(--[a-z-]+(?:=\\S*)?)`);
const LEADING_FLAG_BACKSLASH = leadingFlag('\\\\');
const LEADING_FLAG_BACKTICK = leadingFlag('`');

/** RUN's own flags (`--mount=…`, `--network=…`) come before the command, maybe over several lines. */
export function splitRunFlags(text: string, escape: string): { flags: string[]; rest: string } {
  const flags: string[] = [];
  let rest = text;
  // Only a leading `-` (after blanks, continuations or comment lines) can start a flag.
  if (!/^[ \t]*-/.test(text) && !/[\r\n]/.test(text)) return { flags, rest };
  const lead = escape === '`' ? LEADING_FLAG_BACKTICK : LEADING_FLAG_BACKSLASH;
  for (;;) {
    const m = lead.exec(rest);
    if (!m) break;
    flags.push(m[2]);
    rest = rest.slice(m[0].length);
  }
  return { flags, rest };
}

function replayRun(file: ParsedDockerfile, ins: Instr, s: StageState & { env: Map<string, string> }, history: EnvHistory, opts: ReplayOptions): void {
  const { rest } = splitRunFlags(ins.argsText, file.escape);
  if (/<<-?['"]?[A-Za-z_]/.test(rest)) {
    s.heredocRuns.push(ins);
    opts.onHeredoc?.(ins, rest);
    return;
  }
  const exec = execForm(joinContinuations(rest, file.escape));
  if (exec) {
    const words = exec.map((value) => ({ value, start: -1, end: -1, expansion: false, quoted: true }));
    opts.onCommand?.({ ins, words, assignments: new Map(), start: null, cwd: s.workdir, env: history.snapshot(new Map()), exec: true }, s);
    return;
  }
  const base = ins.argsStart + (ins.argsText.length - rest.length);
  const scan = scanShell(rest, base, file.escape);
  let cwd = s.workdir;
  // Variables this RUN sets for its later commands (`export X=…`, plain `X=…`).
  const runVars = new Map<string, string>();
  for (const cmd of scan.commands) {
    let k = 0;
    const local = new Map<string, string>();
    // `NAME=value cmd`: the value expands with what is set so far (`X=$HOME/x`).
    const current = (n: string) => (local.has(n) ? local.get(n) : runVars.has(n) ? runVars.get(n) : s.env.get(n));
    while (k < cmd.words.length && isAssignment(cmd.words[k])) {
      const w = cmd.words[k];
      const raw = w.value.slice(w.value.indexOf('=') + 1);
      local.set(w.value.slice(0, w.value.indexOf('=')), w.expansion ? expandVars(raw, current) ?? raw : raw);
      k++;
    }
    let words = cmd.words.slice(k);
    if (words[0]?.value === 'env') {
      words = words.slice(1);
      while (words.length && (isAssignment(words[0]) || words[0].value.startsWith('-'))) {
        const w = words[0].value;
        if (!w.startsWith('-')) local.set(w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1));
        words = words.slice(1);
      }
    }
    if (!words.length) {
      // Plain assignments set shell variables for the rest of this RUN.
      for (const [n, v] of local) runVars.set(n, v);
      continue;
    }
    const name = words[0].value;
    if (name === 'cd') {
      const target = words[1];
      if (!target) cwd = '/root';
      else if (!target.expansion) cwd = posix.resolve(cwd, target.value);
      continue;
    }
    if (name === 'export') {
      for (const w of words.slice(1)) {
        if (!isAssignment(w)) continue;
        const raw = w.value.slice(w.value.indexOf('=') + 1);
        runVars.set(w.value.slice(0, w.value.indexOf('=')), w.expansion ? expandVars(raw, current) ?? raw : raw);
      }
      continue;
    }
    const overlay = local.size ? new Map([...runVars, ...local]) : runVars.size ? new Map(runVars) : EMPTY;
    opts.onCommand?.({ ins, words, assignments: local, start: cmd.words[0].start, cwd, env: history.snapshot(overlay), exec: false }, s);
  }
}

const EMPTY: ReadonlyMap<string, string> = new Map();

/** A word's value with `$VAR` expanded from `env` where it can be (else as written). */
export function expandWord(w: Word, env: ReadonlyMap<string, string>): string {
  return w.expansion ? expandVars(w.value, (n) => env.get(n)) ?? w.value : w.value;
}
