// What the Rust transform reads from the build context: Cargo packages and their binary names,
// workspaces, the crates in Cargo.lock that link system libraries, and .cargo/config build
// settings (target triple, target dir).
import * as posix from 'path/posix';
import type { ContextFS } from '../../src/context';
import { parseTomlLite, str, table } from './toml-lite';

export interface CargoPackage {
  /** Context folder of the Cargo.toml ('' = the root). */
  dir: string;
  name: string;
  bins: string[];
}

export interface CargoWorkspace {
  dir: string;
  /** Member folders (globs expanded against the packages found). */
  members: string[];
  /** The root manifest is itself a package. */
  rootPackage: boolean;
}

export interface RustFacts {
  hasContext: boolean;
  truncated: boolean;
  files: string[];
  packages: CargoPackage[];
  workspaces: CargoWorkspace[];
  /** Crate names in the Cargo.lock files; null when the context has none. */
  lockCrates: string[] | null;
  /** Text of all manifests, for feature checks (`bundled`, `vendored`). */
  manifestFeatures: string[];
  /** `[build] target` / `target-dir` of .cargo/config(.toml) at the context root. */
  configTarget: string | null;
  configTargetDir: string | null;
  configRustflags: string;
}

const MAX_MANIFESTS = 200;

export function gatherRustFacts(ctx: ContextFS, hasContext: boolean): RustFacts {
  const { files, truncated } = ctx.listFiles();
  const manifests = files.filter((f) => posix.basename(f) === 'Cargo.toml' && !f.split('/').includes('target')).slice(0, MAX_MANIFESTS);
  const packages: CargoPackage[] = [];
  const workspaces: CargoWorkspace[] = [];
  const manifestFeatures: string[] = [];
  for (const m of manifests) {
    const text = ctx.readText(m);
    if (text === null) continue;
    const dir = posix.dirname(m) === '.' ? '' : posix.dirname(m);
    const parsed = parseManifest(text, dir, files);
    if (parsed.pkg) packages.push(parsed.pkg);
    if (parsed.members) workspaces.push({ dir, members: parsed.members, rootPackage: parsed.pkg !== null });
    for (const f of text.matchAll(/features\s*=\s*\[([^\]]*)\]/g)) manifestFeatures.push(...[...f[1].matchAll(/"([^"]+)"/g)].map((x) => x[1]));
  }
  for (const w of workspaces) w.members = expandMembers(w.dir, w.members, packages);
  let lockCrates: string[] | null = null;
  for (const l of files.filter((f) => posix.basename(f) === 'Cargo.lock').slice(0, 20)) {
    const text = ctx.readText(l, 8 << 20);
    if (text === null) continue;
    lockCrates = [...new Set([...(lockCrates ?? []), ...[...text.matchAll(/^name\s*=\s*"([^"]+)"/gm)].map((x) => x[1])])].sort();
  }
  const config = ctx.readText('.cargo/config.toml') ?? ctx.readText('.cargo/config');
  const build = config ? table(parseTomlLite(config), 'build') : undefined;
  const flags = build?.values.get('rustflags');
  return {
    hasContext, truncated, files, packages, workspaces, lockCrates, manifestFeatures,
    configTarget: str(build, 'target'), configTargetDir: str(build, 'target-dir'),
    configRustflags: Array.isArray(flags) ? flags.join(' ') : typeof flags === 'string' ? flags : '',
  };
}

/** A manifest's package (name and binary names) and workspace members. */
export function parseManifest(text: string, dir: string, files: readonly string[]): { pkg: CargoPackage | null; members: string[] | null } {
  const tables = parseTomlLite(text);
  const pkgTable = table(tables, 'package');
  const ws = table(tables, 'workspace');
  const membersVal = ws?.values.get('members');
  const members = ws ? (Array.isArray(membersVal) ? membersVal : []) : null;
  const name = str(pkgTable, 'name');
  if (!name) return { pkg: null, members };
  const at = (p: string) => (dir ? `${dir}/${p}` : p);
  const bins: string[] = [];
  const explicitPaths = new Set<string>();
  for (const t of tables.filter((x) => x.name === 'bin' && x.array)) {
    const n = str(t, 'name');
    if (n) bins.push(n);
    const p = str(t, 'path');
    explicitPaths.add(posix.normalize(p ?? (n === name ? 'src/main.rs' : `src/bin/${n}.rs`)));
  }
  const autobins = pkgTable?.values.get('autobins') !== false;
  if (autobins) {
    if (files.includes(at('src/main.rs')) && !explicitPaths.has('src/main.rs')) bins.push(name);
    const binDir = at('src/bin') + '/';
    for (const f of files) {
      if (!f.startsWith(binDir)) continue;
      const rest = f.slice(binDir.length);
      const single = /^([^/]+)\.rs$/.exec(rest);
      const nested = /^([^/]+)\/main\.rs$/.exec(rest);
      const rel = `src/bin/${rest}`;
      if (explicitPaths.has(rel)) continue;
      if (single) bins.push(single[1]);
      else if (nested) bins.push(nested[1]);
    }
  }
  return { pkg: { dir, name, bins: [...new Set(bins)] }, members };
}

function expandMembers(root: string, members: string[], packages: readonly CargoPackage[]): string[] {
  const out = new Set<string>();
  for (const m of members) {
    const full = posix.normalize(root ? `${root}/${m}` : m).replace(/\/+$/, '');
    if (/[*?[]/.test(full)) {
      const re = new RegExp('^' + full.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]') + '$');
      for (const p of packages) if (re.test(p.dir)) out.add(p.dir);
    } else out.add(full === '.' ? '' : full);
  }
  return [...out].sort();
}

/**
 * Crates that link a shared system library at run time, with the library. openssl-sys is
 * handled apart (distroless base/cc ship libssl3); the rest are in no minimal base.
 */
export const SYSTEM_LIBRARY_CRATES: Record<string, string> = {
  'pq-sys': 'libpq', 'mysqlclient-sys': 'libmysqlclient', 'libsqlite3-sys': 'libsqlite3', 'libdbus-sys': 'libdbus',
  'alsa-sys': 'libasound', 'libudev-sys': 'libudev', 'curl-sys': 'libcurl', 'zmq-sys': 'libzmq', 'libpulse-sys': 'libpulse',
  'gssapi-sys': 'libgssapi',
};

/** The crates' features that build the C library in (statically) instead of linking the system one. */
const BUNDLING_FEATURES: Record<string, string[]> = {
  'libsqlite3-sys': ['bundled', 'bundled-sqlcipher'], 'curl-sys': ['static-curl'], 'zmq-sys': ['vendored'],
  'mysqlclient-sys': ['bundled'], 'pq-sys': ['bundled'],
};

export interface NativeLinks {
  /** Links libssl/libcrypto dynamically. */
  openssl: boolean;
  /** Other system libraries: crate → library. */
  others: [string, string][];
}

export function nativeLinks(facts: RustFacts): NativeLinks | null {
  if (facts.lockCrates === null) return null;
  const crates = new Set(facts.lockCrates);
  // openssl-src in the lock means the `vendored` feature: OpenSSL is built in statically.
  const openssl = crates.has('openssl-sys') && !crates.has('openssl-src');
  const others: [string, string][] = [];
  for (const [crate, lib] of Object.entries(SYSTEM_LIBRARY_CRATES)) {
    if (!crates.has(crate)) continue;
    if ((BUNDLING_FEATURES[crate] ?? []).some((f) => facts.manifestFeatures.includes(f))) continue;
    others.push([crate, lib]);
  }
  return { openssl, others };
}
