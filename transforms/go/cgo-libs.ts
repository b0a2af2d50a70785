// A cgo binary built against C libraries the builder installs (`apt-get install libsqlite3-dev`,
// `apk add sqlite-dev`) loads them at run time: the runtime is Debian slim or alpine of the
// builder's release with the libraries' own packages installed, as the builder installed them.
import * as posix from 'path/posix';
import type { Instr } from '../../src/dockerfile';
import { msg } from '../../src/messages';
import type { Message } from '../../src/types';
import { isPreset, RELEASE_NAMES } from '../shared/runtime-bases';
import type { RuntimeBase } from '../shared/runtime-bases';
import { alpineMapped, MAPPED_DEBIAN_RELEASES, NATIVE_LIBS_DATE, OLDEST_MAPPED_ALPINE, runtimeLibraries } from '../shared/native-libs';
import { installLine } from '../shared/tools';
import type { DistroFamily } from '../shared/tools';

/** Toolchain packages that bring no shared library the binary would load at run time. */
const TOOLCHAIN_DEV = new Set(['libc6-dev', 'libc-dev', 'musl-dev', 'linux-headers', 'linux-libc-dev', 'libgcc-dev', 'libstdc++-dev', 'build-base']);

const OTHER_RUNTIME = 'pass --runtime with an image that has those libraries, or link them statically';

/** Busybox applets Debian slim does not have (procps and network tools are not installed). */
const NOT_IN_DEBIAN_SLIM = new Set(['wget', 'nc', 'pgrep', 'ps']);

export type Manager = 'apt' | 'apk' | 'rpm';

export interface DevInstall {
  manager: Manager;
  packages: string[];
}

/** Development packages of C libraries the builder installs, by package manager (apt, apk, yum/dnf). */
export function systemDevInstalls(body: readonly Instr[]): DevInstall[] {
  const out: DevInstall[] = [];
  for (const ins of body) {
    if (ins.keyword !== 'RUN') continue;
    for (const m of ins.argsText.matchAll(/\b(apt-get|apt|apk|yum|dnf|microdnf)\b[^&;|]*?\b(?:install|add)\b([^&;|]*)/g)) {
      const manager: Manager = m[1] === 'apk' ? 'apk' : m[1].startsWith('apt') ? 'apt' : 'rpm';
      const packages: string[] = [];
      for (const w of m[2].split(/[\s\\]+/)) {
        if (/^[a-z0-9][a-z0-9.+-]*-(dev|devel)$/.test(w) && !TOOLCHAIN_DEV.has(w) && !packages.includes(w)) packages.push(w);
      }
      if (packages.length) out.push({ manager, packages });
    }
  }
  return out;
}

export type CgoLibraries =
  | { kind: 'none' }
  | { kind: 'install'; family: DistroFamily; dev: string[]; libraries: string[]; source: string }
  | { kind: 'skip'; message: Message };

export interface CgoLibraryInput {
  body: readonly Instr[];
  /** The golang image's tag (null = latest). */
  tag: string | null;
  /** The builder's Debian release (12 = bookworm) and Alpine version (`3.19`, `3`), from its tag. */
  debianRelease: number;
  alpineVersion: string | null;
  /** The --runtime option: only unset, or the preset of the builder's family, can install packages. */
  runtime: string | undefined;
  /** Programs the commands start besides the built ones, and those the Go code starts by name. */
  programs: readonly string[];
}

/** What the runtime needs for the libraries the builder installs for cgo. */
export function planCgoLibraries(input: CgoLibraryInput): CgoLibraries {
  const installs = systemDevInstalls(input.body);
  const all = [...new Set(installs.flatMap((i) => i.packages))].sort();
  if (!all.length) return { kind: 'none' };
  const leave = (reason: string, fix = OTHER_RUNTIME): CgoLibraries => ({ kind: 'skip', message: msg('go/cgo-system-libs', { packages: all.join(', '), reason, fix }) });
  const managers = new Set(installs.map((i) => i.manager));
  if (managers.has('rpm')) return leave('stageify maps only Debian (apt) and Alpine (apk) packages to their runtime libraries');
  const family: DistroFamily = input.alpineVersion ? 'alpine' : 'debian';
  if (managers.size > 1 || [...managers][0] !== (family === 'alpine' ? 'apk' : 'apt')) {
    return leave(`the builder installs them with ${[...managers].join(' and ')}, not its own ${family === 'alpine' ? 'apk' : 'apt'}`);
  }
  const custom = input.runtime !== undefined && !isPreset(input.runtime);
  if (custom) return { kind: 'none' };
  if (input.runtime !== undefined && input.runtime !== family) {
    return leave(`--runtime ${input.runtime} cannot install their runtime packages`, `use --runtime ${family}, or an image that has those libraries`);
  }
  let release: string | null = null;
  let source: string;
  if (family === 'debian') {
    release = RELEASE_NAMES[input.debianRelease] ?? null;
    if (release === null || !MAPPED_DEBIAN_RELEASES.includes(release)) {
      return leave(`stageify knows their runtime packages on Debian ${MAPPED_DEBIAN_RELEASES.join(' and ')} only, and the builder is Debian ${release ?? input.debianRelease}`,
        `build on a ${MAPPED_DEBIAN_RELEASES.join(' or ')} tag (golang:<version>-${MAPPED_DEBIAN_RELEASES[0]}), or ${OTHER_RUNTIME}`);
    }
    source = `Debian ${release} package metadata of ${NATIVE_LIBS_DATE}`;
  } else {
    const version = input.alpineVersion as string;
    if (!alpineMapped(version) || (version === '3' && goBefore(input.tag, 1, 20))) {
      return leave(`the builder's Alpine release may be older than ${OLDEST_MAPPED_ALPINE}, the oldest whose runtime packages stageify knows`,
        `build on golang:<version>-alpine${OLDEST_MAPPED_ALPINE} or later, or ${OTHER_RUNTIME}`);
    }
    source = `Alpine ${OLDEST_MAPPED_ALPINE}+ package facts`;
  }
  if (family === 'debian') {
    const missing = input.programs.filter((p) => NOT_IN_DEBIAN_SLIM.has(posix.basename(p)));
    const tools = [...new Set(missing.map((p) => posix.basename(p)))].join(', ');
    if (missing.length) return leave(`the commands also call ${tools}, which Debian slim does not have`, `pass --runtime with an image that has those libraries and ${tools}`);
  }
  const r = runtimeLibraries(family === 'alpine' ? 'apk' : 'apt', release, all);
  if (r.unknown.length) {
    return leave(`stageify does not know which runtime packages hold the libraries of ${r.unknown.join(', ')}`, 'pass --runtime with an image that has those libraries (a Debian slim or alpine image that installs their library packages), or link them statically');
  }
  return { kind: 'install', family, dev: all, libraries: r.libraries, source };
}

/** The runtime with the libraries installed right after its FROM. */
export function withLibraries(base: RuntimeBase, plan: Extract<CgoLibraries, { kind: 'install' }>, tools: boolean): RuntimeBase {
  const libs = `the libraries of ${plan.dev.join(', ')}`;
  const why = tools ? `${base.why}, and ${libs}` : `needs ${base.libc} and ${libs}`;
  return { ...base, preamble: [...base.preamble, installLine(plan.family, plan.libraries)], why };
}

/** The message saying which packages the runtime installs and why. */
export function librariesMessage(plan: Extract<CgoLibraries, { kind: 'install' }>, image: string): Message {
  return msg('go/cgo-runtime-libs', { dev: plan.dev.join(', '), image, libraries: plan.libraries.join(' '), source: plan.source });
}

function goBefore(tag: string | null, major: number, minor: number): boolean {
  const m = /^(\d+)\.(\d+)/.exec(tag ?? '');
  if (!m) return false;
  return Number(m[1]) < major || (Number(m[1]) === major && Number(m[2]) < minor);
}
