// How the container starts the program: `npm start` resolved through package.json, `node <file>`,
// or something else; and the command rewritten for a runtime whose ENTRYPOINT is node.
import * as posix from 'path/posix';
import { toArgv } from '../../src/shell-words';
import type { RunSpec } from '../shared/commands';
import type { PackageJson } from './facts';

export const DISTROLESS_NODE = '/nodejs/bin/node';

export type Start =
  /** `npm start` (or yarn/pnpm) whose script is a plain `node <file> …`: argv is that command. */
  | { kind: 'script-node'; manager: string; argv: string[]; start: string }
  /** `npm start` whose script is something else (or has pre/post hooks). */
  | { kind: 'script-other'; manager: string; start: string }
  /** `npm start` with no scripts.start and no server.js: it fails in the original too. */
  | { kind: 'script-missing'; manager: string }
  /** `node …` started directly (argv exact). */
  | { kind: 'node'; argv: string[] }
  /** Anything else; argv when it is exact without a shell. */
  | { kind: 'other'; argv: string[] | null };

/** The exact argv of a command (exec form, or shell form without shell features), else null. */
export function argvOf(spec: RunSpec, escape: string): string[] | null {
  if (spec.form.exec) return spec.form.exec;
  return toArgv(spec.form.shell ?? '', escape);
}

export function isNodeProgram(p: string): boolean {
  return p === 'node' || p === 'nodejs' || p === DISTROLESS_NODE || /^\/usr(\/local)?\/bin\/node(js)?$/.test(p);
}

/** `npm start`, `npm run start`, `npm run-script start`, `yarn start`, `yarn run start`, `pnpm start`. */
export function startScriptManager(argv: string[]): string | null {
  const prog = posix.basename(argv[0] ?? '');
  if (!['npm', 'yarn', 'pnpm'].includes(prog)) return null;
  const rest = argv.slice(1).filter((a) => !/^(--silent|-s|--quiet|-q)$/.test(a));
  if (rest.length === 1 && rest[0] === 'start') return prog;
  if (rest.length === 2 && (rest[0] === 'run' || rest[0] === 'run-script') && rest[1] === 'start') return prog;
  return null;
}

/**
 * What a start command runs. `appFiles` are paths relative to the app folder (for npm's default
 * `node server.js` when package.json has no start script).
 */
export function resolveStart(spec: RunSpec, escape: string, pkg: PackageJson | null, appFiles: ReadonlySet<string>): Start {
  const argv = argvOf(spec, escape);
  if (!argv || !argv.length) return { kind: 'other', argv: null };
  const manager = startScriptManager(argv);
  if (manager) {
    const scripts = pkg?.scripts ?? {};
    let start = scripts.start;
    if (start === undefined) {
      // npm (not yarn/pnpm) runs `node server.js` when there is no start script and server.js exists.
      if (manager === 'npm' && appFiles.has('server.js')) start = 'node server.js';
      else return { kind: 'script-missing', manager };
    }
    const hooks = ['prestart', 'poststart'].filter((h) => scripts[h] !== undefined);
    if (hooks.length) return { kind: 'script-other', manager, start: `${start} (with ${hooks.join(' and ')})` };
    const words = toArgv(start);
    if (words && words.length >= 2 && isNodeProgram(words[0])) return { kind: 'script-node', manager, argv: words, start };
    return { kind: 'script-other', manager, start };
  }
  if (isNodeProgram(argv[0])) return { kind: 'node', argv };
  return { kind: 'other', argv };
}

/** The script file `node` runs (first argument that is not an option), or null. */
export function nodeScript(argv: readonly string[]): string | null {
  for (let k = 1; k < argv.length; k++) {
    const a = argv[k];
    if (a === '-r' || a === '--require' || a === '--import' || a === '--loader' || a === '--experimental-loader') {
      k++;
      continue;
    }
    if (a.startsWith('-')) {
      if (a === '-e' || a === '--eval' || a === '-p' || a === '--print') return null;
      continue;
    }
    return a;
  }
  return null;
}

/** The program a start script runs first (`nodemon server.js` → nodemon), for dev-dependency checks. */
export function scriptProgram(start: string): string | null {
  const words = start.trim().split(/\s+/).filter((w) => w && !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w));
  return words[0] ?? null;
}
