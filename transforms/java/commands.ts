// The java commands inside a CMD / ENTRYPOINT / HEALTHCHECK (exec form, shell form, `sh -c`),
// and the other programs it starts.
import * as posix from 'path/posix';
import { isAssignment, scanShell } from '../../src/shell-words';
import { SHELL_BUILTINS, SHELL_NAMES } from '../shared/commands';
import type { CommandForm } from '../shared/instructions';
import { isJavaLauncher, parseJavaArgs } from './java-command';
import type { JavaArg, JavaCall } from './java-command';

export interface CommandCalls {
  /** `shell`: read from shell text, where unquoted globs and `$VAR` are expanded at start-up. */
  calls: { launcher: string; call: JavaCall; shell: boolean }[];
  /** Programs other than java and shell builtins. */
  others: string[];
}

export function commandCalls(form: CommandForm, escape: string): CommandCalls {
  const out: CommandCalls = { calls: [], others: [] };
  if (form.exec) {
    const argv = form.exec;
    if (argv.length >= 3 && SHELL_NAMES.has(posix.basename(argv[0])) && argv[1] === '-c') return shellCalls(argv[2], '\\', out);
    if (argv.length) take(argv.map((value) => ({ value, expansion: false })), out, false);
    return out;
  }
  return shellCalls(form.shell ?? '', escape, out);
}

function shellCalls(text: string, escape: string, out: CommandCalls): CommandCalls {
  for (const cmd of scanShell(text, 0, escape).commands) {
    let words = cmd.words.slice(firstCommandWord(cmd.words));
    if (words[0]?.value === 'exec') words = words.slice(1);
    if (!words.length) continue;
    take(words.map((w) => ({ value: w.value, expansion: w.expansion })), out, true);
  }
  return out;
}

function firstCommandWord(words: Parameters<typeof isAssignment>[0][]): number {
  const k = words.findIndex((w) => !isAssignment(w));
  return k < 0 ? words.length : k;
}

function take(words: JavaArg[], out: CommandCalls, shell: boolean): void {
  const program = words[0].value;
  if (isJavaLauncher(program)) out.calls.push({ launcher: program, call: parseJavaArgs(words.slice(1)), shell });
  else if (!SHELL_BUILTINS.has(program) || words[0].expansion) out.others.push(program);
}
