// A glibc binary that links system libraries (-sys crates without their bundling feature) runs on
// Debian slim of the builder's release with the libraries' own packages installed; the packages
// come from the native library map by the libraries' Debian development packages.
import type { RuntimeBase } from '../shared/runtime-bases';
import { RELEASE_NAMES } from '../shared/runtime-bases';
import { MAPPED_DEBIAN_RELEASES, NATIVE_LIBS_DATE, runtimeLibraries } from '../shared/native-libs';
import { installLine } from '../shared/tools';
import type { NativeLinks } from './facts';

/** The Debian development package of each system-library crate's library (the rust images have them). */
export const CRATE_DEV_PACKAGES: Record<string, string> = {
  'pq-sys': 'libpq-dev', 'mysqlclient-sys': 'default-libmysqlclient-dev', 'libsqlite3-sys': 'libsqlite3-dev', 'libdbus-sys': 'libdbus-1-dev',
  'alsa-sys': 'libasound2-dev', 'libudev-sys': 'libudev-dev', 'curl-sys': 'libcurl4-openssl-dev', 'zmq-sys': 'libzmq3-dev',
  'libpulse-sys': 'libpulse-dev', 'gssapi-sys': 'libkrb5-dev',
};
const OPENSSL_DEV = 'libssl-dev';

export type RustLibraries =
  | { kind: 'install'; crates: string[]; dev: string[]; libraries: string[]; source: string }
  /** Why the libraries cannot be installed. */
  | { kind: 'refused'; reason: string };

/**
 * The packages a Debian slim runtime installs for the crates' libraries (and OpenSSL's when the
 * binary links it too), for the builder's Debian release (12 = bookworm).
 */
export function planRustLibraries(links: NativeLinks, debianRelease: number): RustLibraries {
  const name = RELEASE_NAMES[debianRelease];
  if (!name || !MAPPED_DEBIAN_RELEASES.includes(name)) {
    return { kind: 'refused', reason: `stageify knows their runtime packages on Debian ${MAPPED_DEBIAN_RELEASES.join(' and ')} only, and the builder is Debian ${name ?? debianRelease}` };
  }
  const crates = links.others.map(([crate]) => crate);
  const unmapped = crates.filter((c) => !(c in CRATE_DEV_PACKAGES));
  if (unmapped.length) return { kind: 'refused', reason: `stageify does not know the library packages of ${unmapped.join(', ')}` };
  const dev = [...new Set([...crates.map((c) => CRATE_DEV_PACKAGES[c]), ...(links.openssl ? [OPENSSL_DEV] : [])])];
  const r = runtimeLibraries('apt', name, dev);
  if (r.unknown.length) return { kind: 'refused', reason: `stageify does not know the library packages of ${r.unknown.join(', ')}` };
  return { kind: 'install', crates: links.openssl ? [...crates, 'openssl-sys'] : crates, dev, libraries: r.libraries, source: `Debian ${name} package metadata of ${NATIVE_LIBS_DATE}` };
}

/** The runtime with the libraries installed right after its FROM. */
export function withRustLibraries(base: RuntimeBase, plan: Extract<RustLibraries, { kind: 'install' }>): RuntimeBase {
  return { ...base, preamble: [...base.preamble, installLine('debian', plan.libraries)], why: `needs glibc and the libraries of ${plan.dev.join(', ')}` };
}
