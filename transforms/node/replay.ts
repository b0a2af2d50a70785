// Replays a node stage instruction by instruction: working directory, environment, what the context
// puts where, and what each RUN does that matters for the split (installs, builds, prunes, system
// packages, writes outside the app folder, ownership changes).
import * as posix from 'path/posix';
import type { Instr, ParsedDockerfile, Stage } from '../../src/dockerfile';
import { scanShell } from '../../src/shell-words';
import { replayStageCommon } from '../shared/replay';
import type { StageState } from '../shared/replay';
import type { Manager, NodeFacts } from './facts';

export interface InstallStep {
  ins: Instr;
  manager: Manager;
  cwd: string;
  /** Why no dev dependencies were installed (`--omit=dev`, `NODE_ENV=production`), or null. */
  prodOnly: string | null;
  global: boolean;
  /** Packages named on the command line (`npm install -g pm2`). */
  packages: string[];
}

export interface ScriptStep {
  ins: Instr;
  cwd: string;
  /** package.json script run (`build`), or null for a direct command (`npx tsc`, `node build.js`). */
  script: string | null;
  /** The command as words. */
  words: string[];
}

export interface NodeReplay extends StageState {
  installs: InstallStep[];
  scripts: ScriptStep[];
  prunes: { ins: Instr; manager: Manager }[];
  systemPackages: { ins: Instr; packages: string[] }[];
  outside: { ins: Instr; path: string }[];
  chowns: { ins: Instr; owner: string; path: string }[];
}

/** Commands that write where their path arguments point. */
const WRITERS = new Set(['mkdir', 'touch', 'cp', 'mv', 'ln', 'chown', 'chgrp', 'chmod', 'tee', 'tar', 'unzip', 'install', 'curl', 'wget', 'git', 'rsync', 'sed', 'useradd', 'adduser', 'groupadd', 'addgroup', 'echo', 'printf']);
/** Paths a build may touch without the runtime needing them (caches, package lists, temp). */
const SCRATCH_PREFIXES = ['/tmp', '/var/tmp', '/dev', '/proc', '/root', '/home/node/.npm', '/home/node/.cache', '/var/lib/apt', '/var/cache', '/var/log', '/usr/share/doc', '/usr/share/man', '/etc/apt', '/usr/local/lib/node_modules', '/usr/local/bin', '/usr/local/share/.cache', '/usr/local/share/.config'];
/** Ownership/user changes: the user database is not app data. */
const USER_DB = ['/etc/passwd', '/etc/group', '/etc/shadow', '/etc/gshadow'];

function within(p: string, dir: string): boolean {
  return p === dir || p.startsWith(dir === '/' ? '/' : dir + '/');
}

export function replayStage(file: ParsedDockerfile, stage: Stage, facts: NodeFacts): NodeReplay {
  const r = {
    installs: [], scripts: [], prunes: [], systemPackages: [], outside: [], chowns: [],
  } as Omit<NodeReplay, keyof StageState>;
  let state: StageState | null = null;
  const view = (): NodeReplay => ({ ...(state as StageState), ...r }) as NodeReplay;
  state = replayStageCommon(file, stage, {
    workdir: '/',
    env: [['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']],
    files: facts.files,
    onCommand: (c) => {
      // The command line as words, its own assignments first (they matter, e.g. NODE_ENV=…).
      const assigned = [...c.assignments].map(([n, v]) => `${n}=${v}`);
      replayCommand([...assigned, ...c.words.map((w) => w.value)], c.ins, { ...view(), env: c.env }, c.cwd);
    },
  });
  return view();
}

function replayCommand(all: string[], ins: Instr, r: NodeReplay, cwd: string): string {
  let k = 0;
  const local = new Map<string, string>();
  while (k < all.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(all[k])) {
    const eq = all[k].indexOf('=');
    local.set(all[k].slice(0, eq), all[k].slice(eq + 1));
    k++;
  }
  const words = all.slice(k);
  if (!words.length) return cwd;
  let prog = posix.basename(words[0]);
  const args = words.slice(1);
  const env = (name: string) => local.get(name) ?? r.env.get(name) ?? '';

  // Redirect targets are writes, whatever the command.
  for (let i = 0; i < words.length - 1; i++) {
    if (/^[0-9&]?>>?$/.test(words[i])) noteWrite(words[i + 1], ins, r, cwd);
  }
  if (prog === 'sudo' || prog === 'exec') return replayCommand(words.slice(1), ins, r, cwd);
  if ((prog === 'sh' || prog === 'bash') && args[0] === '-c' && args[1] !== undefined) {
    let c = cwd;
    for (const cmd of scanShell(args[1]).commands) c = replayCommand(cmd.words.map((w) => w.value), ins, r, c);
    return cwd;
  }
  if (prog === 'cd') {
    const target = args[0];
    return target && !target.includes('$') ? posix.resolve(cwd, target) : cwd;
  }
  if (prog === 'npx' && args[0] && !args[0].startsWith('-')) prog = 'npx';
  switch (prog) {
    case 'npm':
    case 'yarn':
    case 'yarnpkg':
    case 'pnpm':
      replayManager(prog === 'yarnpkg' ? 'yarn' : prog, args, ins, r, cwd, env);
      return cwd;
    case 'npx':
    case 'tsc':
    case 'node':
      r.scripts.push({ ins, cwd, script: null, words });
      return cwd;
    case 'corepack':
      return cwd;
    case 'apt-get':
    case 'apt':
    case 'apk':
    case 'aptitude': {
      const sub = args.find((a) => !a.startsWith('-'));
      if (sub === 'install' || sub === 'add') {
        const packages = args.slice(args.indexOf(sub) + 1).filter((a) => !a.startsWith('-') && !a.includes('$'));
        if (packages.length) r.systemPackages.push({ ins, packages });
      }
      return cwd;
    }
    default:
      break;
  }
  if (prog === 'chown' && args.includes('-R')) {
    const plain = args.filter((a) => !a.startsWith('-'));
    if (plain.length >= 2) {
      for (const p of plain.slice(1)) r.chowns.push({ ins, owner: plain[0], path: posix.resolve(cwd, p) });
    }
  }
  if (WRITERS.has(prog)) {
    const plain = args.filter((a) => !a.startsWith('-'));
    // echo/printf write only through redirects (noted above).
    if (prog !== 'echo' && prog !== 'printf') for (const a of plain) if (a.startsWith('/')) noteWrite(a, ins, r, cwd);
  }
  return cwd;
}

function noteWrite(target: string, ins: Instr, r: NodeReplay, cwd: string): void {
  if (!target.startsWith('/') || target.includes('$')) return;
  const p = posix.resolve(cwd, target);
  if (SCRATCH_PREFIXES.some((s) => within(p, s)) || USER_DB.includes(p)) return;
  r.outside.push({ ins, path: p });
}

const PROD_FLAGS = /^(--production|--prod|-P|--omit=dev|--only=prod(uction)?)$/;

function replayManager(manager: Manager, args: string[], ins: Instr, r: NodeReplay, cwd: string, env: (n: string) => string): void {
  const positional = args.filter((a) => !a.startsWith('-'));
  const flags = args.filter((a) => a.startsWith('-'));
  const global = flags.includes('-g') || flags.includes('--global') || (manager === 'yarn' && positional[0] === 'global');
  const sub = manager === 'yarn' && positional[0] === 'global' ? positional[1] ?? '' : positional[0] ?? '';
  const omitDev = args.some((a, i) => PROD_FLAGS.test(a) || (a === '--omit' && args[i + 1] === 'dev') || (a === '--only' && /^prod/.test(args[i + 1] ?? '')));
  const prodEnv = env('NODE_ENV') === 'production' && !args.includes('--production=false') && !args.includes('--include=dev');
  const prodOnly = omitDev ? args.find((a) => PROD_FLAGS.test(a)) ?? '--omit dev' : prodEnv ? 'NODE_ENV=production' : null;

  const installSubs = manager === 'npm' ? ['install', 'i', 'ci', 'add', 'isntall', 'clean-install', 'install-clean'] : manager === 'yarn' ? ['', 'install', 'add'] : ['install', 'i', 'add'];
  if (installSubs.includes(sub)) {
    const packages = positional.slice((manager === 'yarn' && positional[0] === 'global' ? 2 : 1));
    r.installs.push({ ins, manager, cwd, prodOnly, global, packages });
    return;
  }
  if (sub === 'prune') {
    r.prunes.push({ ins, manager });
    return;
  }
  if (sub === 'run' || sub === 'run-script') {
    if (positional[1]) r.scripts.push({ ins, cwd, script: positional[1], words: [manager, ...args] });
    return;
  }
  if (sub === 'exec' || sub === 'dlx' || sub === 'x') {
    r.scripts.push({ ins, cwd, script: null, words: [manager, ...args] });
    return;
  }
  // `yarn build`, `pnpm build`: a script by name; npm's own commands (cache, config, …) do nothing here.
  if (manager !== 'npm' && sub && !['cache', 'config', 'set', 'global', 'store', 'audit', 'info', 'why', 'list', 'ls', 'version', 'help', 'env', 'setup', 'fetch'].includes(sub)) {
    r.scripts.push({ ins, cwd, script: sub, words: [manager, ...args] });
  } else if (manager === 'npm' && ['test', 't', 'start', 'build', 'rebuild'].includes(sub)) {
    r.scripts.push({ ins, cwd, script: sub === 't' ? 'test' : sub, words: [manager, ...args] });
  }
}
