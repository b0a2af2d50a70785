// A read-only view of the builder stage of a rewrite, for the BuildKit pass: its RUNs as simple
// commands with offsets, the WORKDIR and USER each instruction runs with, the ENV/ARG names it sets,
// the `COPY . <dir>` of the whole context, and what the later stages copy out of it.
import { flagValue, instrProperties } from '../../../src/dockerfile';
import type { Instr, ParsedDockerfile, Stage } from '../../../src/dockerfile';
import { isAssignment, scanShell } from '../../../src/shell-words';
import type { Word } from '../../../src/shell-words';
import { copyInfo, execForm, joinContinuations, splitFlags } from '../instructions';

export interface Command {
  /** Words with offsets in the file text (assignments first, as written). */
  words: Word[];
  /** Values of the words after the leading assignments. */
  argv: string[];
  /** Names assigned before the program (`CGO_ENABLED=0 go build`). */
  assigned: Map<string, string>;
}

export interface RunView {
  ins: Instr;
  /** Null for an exec-form RUN. */
  commands: Command[] | null;
  /** Exec-form argv. */
  exec: string[] | null;
  /** The RUN already has a --mount flag. */
  mounted: boolean;
  /** Absolute working folder (null: the image's own, or not known). */
  workdir: string | null;
  /** USER in effect (null: none set in the stage). */
  user: string | null;
}

export interface CopyAll {
  ins: Instr;
  /** Destination as written. */
  dest: string;
  /** The flags as written (`--chown=…`), each followed by a space; '' when none. */
  flagsText: string;
  workdir: string | null;
  /** Index in the stage body. */
  index: number;
}

export interface BuilderView {
  text: string;
  file: ParsedDockerfile;
  eol: string;
  stage: Stage;
  /** The stage name later stages copy from. */
  name: string;
  later: Stage[];
  runs: RunView[];
  copyAll: CopyAll | null;
  /** Names the stage's ENV and ARG instructions set. */
  envNames: Map<string, string | null>;
  /** Index in the stage body of each instruction. */
  indexOf: Map<Instr, number>;
  /** Paths the later stages copy from the builder (`COPY --from=<name>`), as written. */
  copiedOut: string[];
}

/** The builder stage of a multi-stage rewrite, or null when the text is not one. */
export function builderView(file: ParsedDockerfile): BuilderView | null {
  const stage = file.stages[0];
  if (!stage || !stage.name || file.stages.length < 2) return null;
  const name = stage.name;
  const runs: RunView[] = [];
  const envNames = new Map<string, string | null>();
  const indexOf = new Map<Instr, number>();
  let workdir: string | null = null;
  let user: string | null = null;
  let copyAll: CopyAll | null = null;
  stage.body.forEach((ins, index) => {
    indexOf.set(ins, index);
    if (ins.keyword === 'WORKDIR') {
      const w = ins.argsText.trim();
      if (w.includes('$')) workdir = null;
      else if (w.startsWith('/')) workdir = normalize(w);
      else workdir = workdir === null ? null : normalize(`${workdir}/${w}`);
    } else if (ins.keyword === 'USER') {
      user = ins.argsText.trim();
    } else if (ins.keyword === 'ENV' || ins.keyword === 'ARG') {
      for (const p of instrProperties(ins)) envNames.set(p.name, p.value);
    } else if (ins.keyword === 'RUN') {
      runs.push(runView(ins, file.escape, workdir, user));
    } else if (ins.keyword === 'COPY' && !copyAll) {
      const info = copyInfo(ins, file.escape);
      if (info && !info.from && info.sources.length === 1 && (info.sources[0] === '.' || info.sources[0] === './')) {
        const { flags } = splitFlags(joinContinuations(ins.argsText, file.escape));
        const flagsText = [...flags].map(([k, v]) => `--${k}${v ? `=${v}` : ''} `).join('');
        copyAll = { ins, dest: info.dest, flagsText, workdir, index };
      }
    }
  });
  const later = file.stages.slice(1);
  const copiedOut: string[] = [];
  for (const s of later) {
    for (const ins of s.body) {
      if (ins.keyword !== 'COPY') continue;
      const info = copyInfo(ins, file.escape);
      if (info && info.from && info.from.toLowerCase() === name.toLowerCase()) copiedOut.push(...info.sources);
    }
  }
  return { text: file.text, file, eol: file.eol, stage, name, later, runs, copyAll, envNames, indexOf, copiedOut };
}

function runView(ins: Instr, escape: string, workdir: string | null, user: string | null): RunView {
  const mounted = flagValue(ins, 'mount') !== undefined || /(^|\s)--mount[=\s]/.test(ins.argsText);
  // Flags stand before the command: scan the text after them, keeping offsets in the file.
  const m = /^(?:--[A-Za-z-]+(?:=\S*)?\s+)*/.exec(ins.argsText);
  const skip = m ? m[0].length : 0;
  const body = ins.argsText.slice(skip);
  const exec = execForm(joinContinuations(body, escape));
  if (exec) return { ins, commands: null, exec, mounted, workdir, user };
  const scan = scanShell(body, ins.argsStart + skip, escape);
  const commands = scan.commands.map((c) => {
    const assigned = new Map<string, string>();
    let k = 0;
    while (k < c.words.length && isAssignment(c.words[k])) {
      const v = c.words[k].value;
      assigned.set(v.slice(0, v.indexOf('=')), v.slice(v.indexOf('=') + 1));
      k++;
    }
    return { words: c.words, argv: c.words.slice(k).map((w) => w.value), assigned };
  });
  return { ins, commands, exec: null, mounted, workdir, user };
}

/** `/a/./b/../c/` → `/a/c`. */
export function normalize(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

/** The argv of every simple command of a RUN (the exec form is one command). */
export function argvs(run: RunView): string[][] {
  return run.commands ? run.commands.map((c) => c.argv) : run.exec ? [run.exec] : [];
}

/** Programs that do not run a language toolchain: RUNs made only of these leave its caches alone. */
const PLAIN = new Set([
  'apt-get', 'apt', 'apk', 'yum', 'dnf', 'microdnf', 'mkdir', 'cp', 'mv', 'rm', 'ln', 'chmod', 'chown', 'touch', 'echo',
  'true', 'useradd', 'adduser', 'addgroup', 'groupadd', 'ls', 'cat', 'printf', 'test', '[', 'update-ca-certificates',
  'set', 'export', 'cd', ':', 'dpkg', 'rpm', 'git', 'curl', 'wget', 'tar', 'unzip', 'gzip',
]);

/** Whether every command of a RUN is a plain utility (not a toolchain, a script, make or a shell). */
export function isPlainRun(run: RunView): boolean {
  const all = argvs(run);
  if (!all.length) return false;
  return all.every((a) => a.length > 0 && PLAIN.has(a[0]));
}

/** Whether `path` is `dir` or below it (absolute POSIX paths). */
export function isUnder(path: string, dir: string): boolean {
  const p = normalize(path);
  const d = normalize(dir);
  return p === d || p.startsWith(d === '/' ? '/' : `${d}/`);
}

/** The absolute folder a COPY destination names, given the WORKDIR (null: not known). */
export function destDir(dest: string, workdir: string | null): string | null {
  if (dest.includes('$')) return null;
  if (dest.startsWith('/')) return normalize(dest);
  if (dest === '.' || dest === './') return workdir;
  return workdir === null ? null : normalize(`${workdir}/${dest}`);
}

/** The destination a manifest COPY writes to: the folder of `COPY . <dest>`, with a slash. */
export function manifestDest(dest: string): string {
  if (dest === '.' || dest === './') return './';
  return dest.endsWith('/') ? dest : `${dest}/`;
}

/** The absolute folder the whole context is copied to (null: no such COPY, or not known). */
export function copyAllDest(view: BuilderView): string | null {
  return view.copyAll ? destDir(view.copyAll.dest, view.copyAll.workdir) : null;
}

/** The builder image's name and tag as written in its FROM (`golang`, `1.22-alpine`). */
export function builderImage(view: BuilderView): { name: string; tag: string | null } | null {
  const image = view.stage.image;
  if (!image || image.includes('$')) return null;
  const at = image.indexOf('@');
  const ref = at >= 0 ? image.slice(0, at) : image;
  const colon = ref.lastIndexOf(':');
  const hasTag = colon > ref.lastIndexOf('/');
  return { name: hasTag ? ref.slice(0, colon) : ref, tag: hasTag ? ref.slice(colon + 1) : null };
}
