// The commands a container runs: CMD, ENTRYPOINT and HEALTHCHECK, in exec or shell form,
// the programs they start, and whether they need a shell.
import * as posix from 'path/posix';
import type { Instr, ParsedDockerfile, Stage } from '../../src/dockerfile';
import { argvOf, isAssignment, needsShell, scanShell } from '../../src/shell-words';
import { commandForm, healthcheckCommandStart } from './instructions';
import type { CommandForm } from './instructions';

export type RunKeyword = 'CMD' | 'ENTRYPOINT' | 'HEALTHCHECK';

export interface RunSpec {
  ins: Instr;
  keyword: RunKeyword;
  /** Offset in the file where the command text starts (after HEALTHCHECK's `CMD`). */
  cmdStart: number;
  form: CommandForm;
}

export interface Analysis {
  /** Programs started (argv[0] of each simple command), as written. */
  programs: string[];
  /** Needs a shell at run time (shell form with shell features, or an explicit `sh -c`). */
  shell: boolean;
  /** Shell features used, for messages. */
  features: string[];
  /** Exact exec-form argv for a shell-form command that needs no shell, else null. */
  argv: string[] | null;
}

export const SHELL_NAMES = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);

/** Shell builtins: they need a shell, not a program in the image. */
export const SHELL_BUILTINS = new Set([
  'exit', 'cd', 'set', 'export', 'trap', ':', '.', 'source', 'unset', 'shift', 'return', 'eval', 'exec', 'wait', 'read',
  'umask', 'ulimit', 'alias', 'break', 'continue', 'times', 'type', 'hash', 'local', 'true', 'false', 'test', '[', 'echo', 'printf',
]);

/** The effective (last) CMD, ENTRYPOINT and HEALTHCHECK CMD of a stage. */
export function runSpecs(file: ParsedDockerfile, stage: Stage): Partial<Record<RunKeyword, RunSpec>> {
  const out: Partial<Record<RunKeyword, RunSpec>> = {};
  for (const ins of stage.body) {
    if (ins.keyword === 'CMD' || ins.keyword === 'ENTRYPOINT') {
      out[ins.keyword] = { ins, keyword: ins.keyword, cmdStart: ins.argsStart, form: commandForm(ins.argsText, file.escape) };
    } else if (ins.keyword === 'HEALTHCHECK') {
      const start = healthcheckCommandStart(ins, file.text);
      if (start === null) {
        delete out.HEALTHCHECK; // HEALTHCHECK NONE
        continue;
      }
      const cmdText = file.text.slice(start, ins.end);
      out.HEALTHCHECK = { ins, keyword: 'HEALTHCHECK', cmdStart: start, form: commandForm(cmdText, file.escape) };
    }
  }
  return out;
}

/**
 * The commands the container runs, each analysed on its own: ENTRYPOINT when there is one (with
 * an ENTRYPOINT, CMD is never a command: exec form passes it on as arguments, shell form
 * `/bin/sh -c '…'` ignores it), else CMD; and HEALTHCHECK. CMD is still carried as written.
 */
export function startedSpecs(specs: Partial<Record<RunKeyword, RunSpec>>): RunSpec[] {
  const main = specs.ENTRYPOINT ?? specs.CMD;
  return [main, specs.HEALTHCHECK].filter((s): s is RunSpec => s !== undefined);
}

/** The CMD a shell-form ENTRYPOINT ignores (Docker runs `/bin/sh -c '<entrypoint>'` alone), or null. */
export function ignoredCmd(specs: Partial<Record<RunKeyword, RunSpec>>): RunSpec | null {
  return specs.ENTRYPOINT && !specs.ENTRYPOINT.form.exec && specs.CMD ? specs.CMD : null;
}

export function analyzeCommand(form: CommandForm, escape: string): Analysis {
  if (form.exec) {
    const argv = form.exec;
    if (argv.length >= 3 && SHELL_NAMES.has(posix.basename(argv[0])) && argv[1] === '-c') {
      const inner = analyzeCommand({ exec: null, shell: argv[2] }, '\\');
      return { programs: [argv[0], ...inner.programs], shell: true, features: ['explicit shell'], argv: null };
    }
    return { programs: argv.length ? [argv[0]] : [], shell: false, features: [], argv };
  }
  const text = form.shell ?? '';
  const scan = scanShell(text, 0, escape);
  const programs: string[] = [];
  for (const cmd of scan.commands) {
    const words = cmd.words.filter((w) => !isAssignment(w));
    const first = words[0]?.value === 'exec' ? words[1] : words[0];
    if (!first) continue;
    if (first.expansion) programs.push('$');
    else if (!SHELL_BUILTINS.has(first.value)) programs.push(first.value);
  }
  return { programs, shell: needsShell(scan), features: [...scan.features], argv: argvOf(scan) };
}

export interface ProgramUse {
  spec: RunSpec;
  analysis: Analysis;
}

/**
 * What the container starts (ENTRYPOINT, else CMD) and checks (HEALTHCHECK), each analysed, with
 * replacement texts (`overrides`, e.g. a compiled `go run`) taken into account.
 */
export function programUses(specs: Partial<Record<RunKeyword, RunSpec>>, overrides: ReadonlyMap<Instr, string>, escape: string): ProgramUse[] {
  const uses: ProgramUse[] = [];
  for (const spec of startedSpecs(specs)) {
    const k = spec.keyword;
    const override = overrides.get(spec.ins);
    const form = override !== undefined ? commandForm(override.slice(spec.cmdStart - spec.ins.start), escape) : spec.form;
    const analysis = analyzeCommand(form, escape);
    // A shell-form ENTRYPOINT ignores CMD; in exec form the CMD would become its arguments.
    if (k === 'ENTRYPOINT' && form.shell !== null && specs.CMD) {
      analysis.shell = true;
      analysis.argv = null;
      analysis.features = [...analysis.features, 'ignores CMD'];
    }
    uses.push({ spec: { ins: spec.ins, keyword: spec.keyword, cmdStart: spec.cmdStart, form }, analysis });
  }
  return uses;
}

/** Exec-form text of an argv: `["/app", "-v"]`. */
export function execText(argv: string[]): string {
  return '[' + argv.map((a) => JSON.stringify(a)).join(', ') + ']';
}

/** The instruction's text with its command replaced by `newCommand` (options and keyword kept). */
export function replaceCommand(file: ParsedDockerfile, spec: RunSpec, newCommand: string): string {
  return file.text.slice(spec.ins.start, spec.cmdStart) + newCommand;
}

/** Busybox applets a HEALTHCHECK or start script commonly uses. */
export const BUSYBOX_APPLETS = new Set([
  'sh', 'ash', 'wget', 'nc', 'cat', 'echo', 'test', '[', 'ls', 'sleep', 'env', 'true', 'false', 'printf', 'date', 'tee',
  'grep', 'sed', 'awk', 'head', 'tail', 'cut', 'tr', 'wc', 'mkdir', 'rm', 'cp', 'mv', 'chmod', 'touch', 'pgrep', 'kill', 'ps', 'id', 'whoami', 'hostname', 'exec',
]);
