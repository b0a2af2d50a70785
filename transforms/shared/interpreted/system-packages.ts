// System packages a stage installs (apt-get / apt / apk), split into build tools the runtime does
// not need and packages it may need at run time: programs the app starts (postgresql-client,
// nodejs, gettext) and shared libraries compiled extensions link against (libpq via libpq-dev).
// The runtime stage installs the second list again with the same package manager, so the runtime
// has the same packages as far as the program can tell; the original build already used it.
import { packageInstallLine } from '../tools';
import type { StageCommand } from './stage-walk';
import { programName } from './stage-walk';

export type PackageManager = 'apt' | 'apk';

export interface SystemInstall {
  manager: PackageManager;
  packages: string[];
  line: number;
}

/** Compilers and build helpers: nothing a running program needs. */
const BUILD_ONLY = new Set([
  'gcc', 'g++', 'cpp', 'make', 'build-essential', 'build-base', 'musl-dev', 'libc-dev', 'libc6-dev', 'linux-headers',
  'linux-libc-dev', 'pkg-config', 'pkgconf', 'pkgconfig', 'autoconf', 'automake', 'libtool', 'cmake', 'ninja-build',
  'python3-dev', 'python-dev', 'python2-dev', 'python2.7-dev', 'ruby-dev', 'ruby-full', 'patch', 'bison', 'flex', 'gfortran', 'clang',
  'cargo', 'rustc', 'swig',
]);

/** Versioned compilers (`gcc-12`, `g++-10`). */
function isBuildOnly(pkg: string): boolean {
  return BUILD_ONLY.has(pkg) || /^(gcc|g\+\+|cpp|clang)-\d+(\.\d+)?$/.test(pkg);
}

/** apt-get/apt/apk install commands of a stage, with their package names (options dropped). */
export function systemInstalls(commands: readonly StageCommand[]): SystemInstall[] {
  const out: SystemInstall[] = [];
  for (const c of commands) {
    const prog = programName(c.argv);
    const args = c.argv.slice(1);
    if (prog === 'apt-get' || prog === 'apt' || prog === 'aptitude') {
      const sub = args.findIndex((a) => !a.startsWith('-'));
      if (sub < 0 || args[sub] !== 'install') continue;
      out.push({ manager: 'apt', packages: packageWords(args.slice(sub + 1), ['-o', '-t', '--target-release', '-c']), line: c.ins.line });
    } else if (prog === 'apk') {
      const sub = args.findIndex((a) => !a.startsWith('-'));
      if (sub < 0 || args[sub] !== 'add') continue;
      out.push({ manager: 'apk', packages: packageWords(args.slice(sub + 1), ['-t', '--virtual', '-X', '--repository', '-p', '--root']), line: c.ins.line });
    }
  }
  return out;
}

function packageWords(args: readonly string[], withValue: readonly string[]): string[] {
  const pkgs: string[] = [];
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (a.startsWith('-')) {
      if (withValue.includes(a)) k++;
      continue;
    }
    pkgs.push(a);
  }
  return pkgs;
}

export interface PackageSplit {
  manager: PackageManager | null;
  /** Packages the runtime stage installs again, in first-seen order. */
  runtime: string[];
  /** Build tools left in the builder. */
  dropped: string[];
  /** apk --virtual groups deleted again in the same stage (`apk del .build-deps`): nothing to repeat. */
  mixed: boolean;
}

export function splitPackages(installs: readonly SystemInstall[], removed: ReadonlySet<string> = new Set()): PackageSplit {
  const runtime: string[] = [];
  const dropped: string[] = [];
  const managers = new Set(installs.map((i) => i.manager));
  for (const i of installs) {
    for (const p of i.packages) {
      if (removed.has(p)) continue;
      const list = isBuildOnly(p) ? dropped : runtime;
      if (!list.includes(p)) list.push(p);
    }
  }
  return { manager: installs[0]?.manager ?? null, runtime, dropped, mixed: managers.size > 1 };
}

/** Packages removed again in the stage (`apt-get purge gcc`, `apk del .build-deps`). */
export function removedPackages(commands: readonly StageCommand[]): Set<string> {
  const out = new Set<string>();
  for (const c of commands) {
    const prog = programName(c.argv);
    const args = c.argv.slice(1);
    const sub = args.findIndex((a) => !a.startsWith('-'));
    if (sub < 0) continue;
    const verb = args[sub];
    if (((prog === 'apt-get' || prog === 'apt') && (verb === 'purge' || verb === 'remove')) || (prog === 'apk' && verb === 'del')) {
      for (const p of packageWords(args.slice(sub + 1), [])) out.add(p);
    }
  }
  // `apk add --virtual .build-deps gcc …` then `apk del .build-deps`: the group's packages go too.
  for (const c of commands) {
    if (programName(c.argv) !== 'apk') continue;
    const v = c.argv.findIndex((a) => a === '--virtual' || a === '-t');
    if (v < 0 || !out.has(c.argv[v + 1] ?? '')) continue;
    for (const p of packageWords(c.argv.slice(v + 2), [])) out.add(p);
  }
  return out;
}

/** The runtime line that installs `packages` again. */
export function installLine(manager: PackageManager, packages: readonly string[]): string {
  return packageInstallLine(manager === 'apk' ? 'alpine' : 'debian', packages);
}
