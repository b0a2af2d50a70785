// A start script (`ENTRYPOINT ["/app/docker-entrypoint.sh"]`, `CMD ["./run.sh"]`) read
// conservatively: its shell (from the shebang) and every program it starts, with the line that
// starts it. Whatever cannot be read for sure (a program from a variable, a heredoc, a function)
// is reported as a program that cannot be placed, so the caller leaves the file alone.
import * as posix from 'path/posix';
import { isAssignment, scanShell } from '../../src/shell-words';
import type { Word } from '../../src/shell-words';
import { SHELL_BUILTINS } from './commands';

export type ScriptShell = 'sh' | 'bash';

export interface ScriptProgram {
  /** The program as written (`./server`, `/app/server`, `grep`), or `"$@"` for the script's arguments. */
  program: string;
  /** Folder a relative path is resolved against (`cd` before it), or null when it cannot be told. */
  cwd: string | null;
  /** 1-based line of the script. */
  line: number;
  /** The command's words, for messages. */
  text: string;
}

export type ScriptAnalysis =
  | { kind: 'script'; shell: ScriptShell; interpreter: string; flags: string[]; programs: ScriptProgram[] }
  | { kind: 'builds'; command: string; line: number }
  | { kind: 'unknown-shell'; interpreter: string }
  | { kind: 'unreadable'; reason: string; line: number }
  | { kind: 'not-a-script' };

/** Shell builtins a start script may use beyond those of commands.ts (POSIX sh and bash). */
const MORE_BUILTINS = new Set(['[[', 'command', 'getopts', 'let', 'declare', 'readonly', 'pwd', 'wait']);

/** Programs that build, compile or install software: a script that runs them needs the toolchain at start. */
export function buildToolCall(words: readonly string[]): string | null {
  const [p, sub] = [posix.basename(words[0] ?? ''), words[1] ?? ''];
  const all = words.join(' ');
  const text = all.length > 60 ? all.slice(0, 57) + '...' : all;
  if (p === 'go' && ['build', 'run', 'install', 'get', 'generate', 'mod'].includes(sub)) return text;
  if (['make', 'gmake', 'cmake', 'gcc', 'cc', 'g++', 'c++', 'clang', 'apt-get', 'apt', 'apk', 'yum', 'dnf', 'dpkg'].includes(p)) return text;
  if (['npm', 'yarn', 'pnpm'].includes(p) && ['install', 'i', 'ci', 'add', 'build', 'run'].includes(sub)) return text;
  if (['pip', 'pip3'].includes(p) && sub === 'install') return text;
  if (p === 'cargo' && ['build', 'run', 'install'].includes(sub)) return text;
  return null;
}

/**
 * Reads a script: its shebang, then each simple command's program. `scriptPath` is where the
 * script is in the image; `workdir` the container's working folder when it starts.
 */
export function analyzeStartScript(text: string, scriptPath: string, workdir: string): ScriptAnalysis {
  const body = text.replace(/^\uFEFF/, '');
  const first = /^#!([^\r\n]*)/.exec(body);
  if (!first) return { kind: 'not-a-script' };
  const parts = first[1].trim().split(/\s+/);
  let interpreter = parts[0] ?? '';
  let args = parts.slice(1);
  if (interpreter === '/usr/bin/env') {
    interpreter = args[0] ?? '';
    args = args.slice(1);
  }
  const name = posix.basename(interpreter);
  const shell: ScriptShell | null = name === 'sh' ? 'sh' : name === 'bash' ? 'bash' : null;
  if (!shell || !args.every((a) => /^-[a-zA-Z]+$/.test(a))) return { kind: 'unknown-shell', interpreter: first[1].trim() };

  const lineOf = (offset: number) => body.slice(0, offset).split('\n').length;
  const heredoc = /<<-?\s*['"]?[A-Za-z_]/.exec(body);
  if (heredoc) return { kind: 'unreadable', reason: 'a heredoc', line: lineOf(heredoc.index) };
  const fn = /^\s*(function\s+)?[A-Za-z_][A-Za-z0-9_]*\s*\(\s*\)/m.exec(body);
  if (fn) return { kind: 'unreadable', reason: 'a shell function', line: lineOf(fn.index + fn[0].length - fn[0].trimStart().length) };

  // `2>&1` is a redirect, not a background `&`: the lexer sees it as a plain word (same offsets).
  const scanned = body.replace(/([<>])&(?=[0-9-])/g, '$1_');
  const programs: ScriptProgram[] = [];
  let cwd: string | null = workdir;
  const visit = (chunk: string, base: number): ScriptAnalysis | null => {
    const scan = scanShell(chunk, base, '\\');
    for (const cmd of scan.commands) {
      // Command substitutions run commands too.
      for (const w of cmd.words) {
        for (const sub of substitutions(w, body)) {
          const r = visit(scanned.slice(sub.start, sub.start + sub.text.length), sub.start);
          if (r) return r;
        }
      }
      const words = dropPrefix(withoutRedirects(cmd.words.filter((w, k) => !isAssignmentRun(cmd.words, k))));
      if (!words.length) continue;
      const values = words.map((w) => w.value);
      const line = lineOf(words[0].start);
      const textOf = values.join(' ');
      const built = buildToolCall(values);
      if (built) return { kind: 'builds', command: built, line };
      const head = words[0];
      if (head.value === 'cd') {
        const to = words[1];
        if (to && /^"?\$\(dirname "?\$0"?\)"?$/.test(body.slice(to.start, to.end))) cwd = posix.dirname(scriptPath);
        else if (to && !to.expansion && to.value.startsWith('/')) cwd = posix.normalize(to.value);
        else if (to && !to.expansion && cwd) cwd = posix.resolve(cwd, to.value);
        else cwd = null;
        continue;
      }
      if (head.value === '$@' && head.quoted) {
        programs.push({ program: '"$@"', cwd, line, text: textOf });
        continue;
      }
      if (head.expansion) {
        programs.push({ program: body.slice(head.start, head.end), cwd, line, text: textOf });
        continue;
      }
      if (SHELL_BUILTINS.has(head.value) || MORE_BUILTINS.has(head.value)) continue;
      programs.push({ program: head.value, cwd, line, text: textOf });
    }
    return null;
  };
  const r = visit(scanned.slice(first[0].length), first[0].length);
  if (r) return r;
  return { kind: 'script', shell, interpreter, flags: args, programs };
}

/** `exec`, `command` and `nohup`-less prefixes that start the next word as the program. */
function dropPrefix(words: Word[]): Word[] {
  let k = 0;
  while (k < words.length - 1 && (words[k].value === 'exec' || words[k].value === 'command') && !words[k].quoted) k++;
  return words.slice(k);
}

/** The words without redirections (`>/dev/null`, `2>_1`, `> file`). */
function withoutRedirects(words: Word[]): Word[] {
  const out: Word[] = [];
  for (let k = 0; k < words.length; k++) {
    const m = /^\d*(>>|<<|[<>]\|?|[<>]_)(.*)$/.exec(words[k].value);
    if (!m || words[k].quoted) {
      out.push(words[k]);
      continue;
    }
    if (m[2] === '' && !m[1].endsWith('_')) k++; // the target is the next word
  }
  return out;
}

/** `A=1 B=2 prog`: leading assignments are not the program. */
function isAssignmentRun(words: readonly Word[], k: number): boolean {
  for (let j = 0; j <= k; j++) if (!isAssignment(words[j])) return false;
  return true;
}

/** The `$(…)` and backquoted command texts inside a word, with their offsets in the script. */
function substitutions(w: Word, body: string): { text: string; start: number }[] {
  const raw = body.slice(w.start, w.end);
  const out: { text: string; start: number }[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '$' && raw[i + 1] === '(' && raw[i + 2] !== '(') {
      let depth = 0;
      let j = i + 1;
      for (; j < raw.length; j++) {
        if (raw[j] === '(') depth++;
        else if (raw[j] === ')' && --depth === 0) break;
      }
      out.push({ text: raw.slice(i + 2, j), start: w.start + i + 2 });
      i = j;
    } else if (raw[i] === '`') {
      const close = raw.indexOf('`', i + 1);
      const stop = close < 0 ? raw.length : close;
      out.push({ text: raw.slice(i + 1, stop), start: w.start + i + 1 });
      i = stop;
    }
  }
  return out;
}

/** Programs a Debian slim image has (essential packages), of the busybox applets stageify knows. */
export const DEBIAN_SLIM_PROGRAMS = new Set([
  'sh', 'bash', 'cat', 'echo', 'test', '[', 'ls', 'sleep', 'env', 'true', 'false', 'printf', 'date', 'tee', 'grep', 'sed', 'awk',
  'head', 'tail', 'cut', 'tr', 'wc', 'mkdir', 'rm', 'cp', 'mv', 'chmod', 'touch', 'id', 'whoami', 'dirname', 'basename', 'readlink',
]);
