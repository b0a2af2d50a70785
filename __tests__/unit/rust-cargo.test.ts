import { hostTriple, linkageOf, parseCargoArgs, profileDir } from '../../transforms/rust/cargo-command';
import { nativeLinks, parseManifest } from '../../transforms/rust/facts';
import type { RustFacts } from '../../transforms/rust/facts';
import { rustDefaultRelease } from '../../transforms/rust';
import { parseTomlLite, str, table } from '../../transforms/rust/toml-lite';
import { isRustBuildOnly } from '../../transforms/rust/runtime-files';

describe('parseCargoArgs', () => {
  test('build flags with values, repeated --bin, aliases', () => {
    const a = parseCargoArgs(['build', '-r', '--bin', 'a', '--bin=b', '-p', 'pkg', '--target', 'x86_64-unknown-linux-musl'])!;
    expect(a.sub).toBe('build');
    expect(a.flags.has('--release')).toBe(true);
    expect(a.multi.get('--bin')).toEqual(['a', 'b']);
    expect(a.multi.get('--package')).toEqual(['pkg']);
    expect(a.flags.get('--target')).toBe('x86_64-unknown-linux-musl');
  });
  test('toolchain and global flags before the subcommand', () => {
    expect(parseCargoArgs(['+nightly', '--locked', 'b', '--release'])?.sub).toBe('build');
    expect(parseCargoArgs(['--config', 'build.jobs=1', 'install', '--path', '.'])?.flags.get('--path')).toBe('.');
  });
  test('run: program arguments after --', () => {
    const a = parseCargoArgs(['run', '--release', '--', '--port', '80'])!;
    expect(a.programArgs).toEqual(['--port', '80']);
    expect(a.buildWords).toEqual(['--release']);
  });
  test('install positional crates', () => {
    expect(parseCargoArgs(['install', 'cargo-watch', '--locked'])?.positional).toEqual(['cargo-watch']);
  });
});

describe('profileDir / linkage', () => {
  test('profiles', () => {
    expect(profileDir(parseCargoArgs(['build'])!)).toBe('debug');
    expect(profileDir(parseCargoArgs(['build', '--release'])!)).toBe('release');
    expect(profileDir(parseCargoArgs(['build', '--profile', 'dist'])!)).toBe('dist');
    expect(profileDir(parseCargoArgs(['build', '--profile=dev'])!)).toBe('debug');
    expect(profileDir(parseCargoArgs(['install', '--path', '.'])!)).toBe('release');
  });
  test('linkage from triple and RUSTFLAGS', () => {
    expect(linkageOf('x86_64-unknown-linux-gnu', '')).toBe('glibc');
    expect(linkageOf('x86_64-unknown-linux-musl', '')).toBe('none');
    expect(linkageOf('x86_64-unknown-linux-musl', '-C target-feature=-crt-static')).toBe('musl');
    expect(linkageOf('x86_64-unknown-linux-gnu', '-C target-feature=+crt-static')).toBe('none');
    expect(hostTriple('1.78-alpine3.19')).toMatch(/musl/);
    expect(hostTriple('1.78-bookworm')).toMatch(/gnu/);
  });
});

describe('manifests', () => {
  const toml = `[package]
name = "svc" # the service
version = "0.1.0"
autobins = true

[[bin]]
name = "admin"
path = "src/admin.rs"

[workspace]
members = [
  "crates/*", # all of them
]
`;
  test('toml-lite reads tables, arrays of tables and multi-line arrays', () => {
    const t = parseTomlLite(toml);
    expect(str(table(t, 'package'), 'name')).toBe('svc');
    expect(t.filter((x) => x.name === 'bin' && x.array)).toHaveLength(1);
    expect(table(t, 'workspace')?.values.get('members')).toEqual(['crates/*']);
  });
  test('binary names: [[bin]], src/main.rs, src/bin/*', () => {
    const files = ['src/main.rs', 'src/admin.rs', 'src/bin/worker.rs', 'src/bin/tool/main.rs', 'src/bin/tool/util.rs'];
    const { pkg, members } = parseManifest(toml, '', files);
    expect(pkg?.bins.sort()).toEqual(['admin', 'svc', 'tool', 'worker']);
    expect(members).toEqual(['crates/*']);
  });
  test('a library has no binaries', () => {
    expect(parseManifest('[package]\nname = "lib"\n', 'x', ['x/src/lib.rs']).pkg?.bins).toEqual([]);
  });
});

describe('native libraries', () => {
  const facts = (lock: string[] | null, features: string[] = []): RustFacts => ({
    hasContext: true, truncated: false, files: [], packages: [], workspaces: [], lockCrates: lock, manifestFeatures: features,
    configTarget: null, configTargetDir: null, configRustflags: '',
  });
  test('openssl-sys links libssl unless vendored', () => {
    expect(nativeLinks(facts(['openssl-sys']))?.openssl).toBe(true);
    expect(nativeLinks(facts(['openssl-sys', 'openssl-src']))?.openssl).toBe(false);
  });
  test('system libraries, and bundled builds', () => {
    expect(nativeLinks(facts(['pq-sys']))?.others).toEqual([['pq-sys', 'libpq']]);
    expect(nativeLinks(facts(['libsqlite3-sys'], ['bundled']))?.others).toEqual([]);
    expect(nativeLinks(facts(null))).toBeNull();
  });
});

test('Debian release of rust tags without a codename', () => {
  expect(rustDefaultRelease('1.63')).toBe(11);
  expect(rustDefaultRelease('1.75.0')).toBe(12);
  expect(rustDefaultRelease('1.93')).toBe(13);
  expect(rustDefaultRelease(null)).toBe(13);
  expect(rustDefaultRelease('slim')).toBe(13);
});

test('build-only context files', () => {
  expect(isRustBuildOnly('src/main.rs')).toBe(true);
  expect(isRustBuildOnly('src/templates/a.html')).toBe(true);
  expect(isRustBuildOnly('Cargo.lock')).toBe(true);
  expect(isRustBuildOnly('config/app.toml')).toBe(false);
  expect(isRustBuildOnly('static/index.html')).toBe(false);
});
