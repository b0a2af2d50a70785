// Development packages of C libraries (libsqlite3-dev, sqlite-dev) → the shared-library packages a
// runtime stage installs in their place (libsqlite3-0, sqlite-libs). The Debian half is generated
// from Debian's package metadata by scripts/native-libs/generate.js; the Alpine half is kept by hand
// (see the `about` of native-libs.json).
import data from './native-libs.json';
import { RELEASE_NAMES as RELEASE_CODENAMES } from './runtime-bases';

export type NativeManager = 'apt' | 'apk';

const DEBIAN: Record<string, Record<string, string[]>> = data.debian;
const ALPINE: Record<string, string[]> = data.alpine;

/** Debian releases the map covers (codenames), and the oldest Alpine release its Alpine half holds for. */
export const MAPPED_DEBIAN_RELEASES: readonly string[] = Object.keys(DEBIAN);
export const OLDEST_MAPPED_ALPINE = '3.17';
/** When the Debian half was generated (YYYY-MM-DD). */
export const NATIVE_LIBS_DATE: string = data.about.generated;

export interface RuntimeLibraries {
  /** Library packages to install, in first-seen order. */
  libraries: string[];
  /** Development packages the map does not know. */
  unknown: string[];
}

/**
 * The library packages for `devPackages` on Debian `release` (codename) or on Alpine. A Debian
 * release the map does not cover makes every package unknown.
 */
export function runtimeLibraries(manager: NativeManager, release: string | null, devPackages: readonly string[]): RuntimeLibraries {
  const table = manager === 'apk' ? ALPINE : release !== null ? DEBIAN[release] : undefined;
  const libraries: string[] = [];
  const unknown: string[] = [];
  for (const dev of devPackages) {
    const libs = table && Object.prototype.hasOwnProperty.call(table, dev) ? table[dev] : null;
    if (!libs) {
      unknown.push(dev);
      continue;
    }
    for (const l of libs) if (!libraries.includes(l)) libraries.push(l);
  }
  return { libraries, unknown };
}

/** Whether installing `dev` (a development package) already installs the library package `lib`. */
export function devProvides(manager: NativeManager, release: string | null, dev: string, lib: string): boolean {
  const r = runtimeLibraries(manager, release, [dev]);
  return r.libraries.includes(lib);
}

/** Whether an Alpine version (`3.19`, or `3` for an unversioned tag) is one the Alpine half holds for. */
export function alpineMapped(version: string): boolean {
  const [maj, min] = version.split('.').map(Number);
  const [omaj, omin] = OLDEST_MAPPED_ALPINE.split('.').map(Number);
  if (min === undefined || Number.isNaN(min)) return maj >= omaj;
  return maj > omaj || (maj === omaj && min >= omin);
}

/** Whether the map knows a development package (in any Debian release it covers, or on Alpine). */
export function devKnown(manager: NativeManager, dev: string): boolean {
  if (manager === 'apk') return Object.prototype.hasOwnProperty.call(ALPINE, dev);
  return MAPPED_DEBIAN_RELEASES.some((r) => Object.prototype.hasOwnProperty.call(DEBIAN[r], dev));
}

/** Whether installing `dev` brings the library package `lib` in some release the map covers. */
export function devBrings(manager: NativeManager, dev: string, lib: string): boolean {
  if (manager === 'apk') return devProvides('apk', null, dev, lib);
  return MAPPED_DEBIAN_RELEASES.some((r) => devProvides('apt', r, dev, lib));
}

/**
 * The library packages of one library, given by its development packages, for a Debian release
 * (12 = bookworm) and for Alpine. A release the map does not cover (older ones) gets the names of
 * the oldest release it covers.
 */
export function libraryPackagesOf(dev: { apt: string; apk: string }, debianRelease: number): { apt: string[]; apk: string[] } {
  const name = RELEASE_CODENAMES[debianRelease];
  const release = name && MAPPED_DEBIAN_RELEASES.includes(name) ? name : MAPPED_DEBIAN_RELEASES[0];
  const apt = runtimeLibraries('apt', release, [dev.apt]);
  const apk = runtimeLibraries('apk', null, [dev.apk]);
  if (apt.unknown.length || apk.unknown.length) throw new Error(`native-libs.json does not map ${[...apt.unknown, ...apk.unknown].join(', ')}`);
  return { apt: apt.libraries, apk: apk.libraries };
}
