import * as fs from 'fs';
import * as path from 'path';
import { parseDockerfile } from '../../src/dockerfile';
import '../../transforms';
import { planCgoLibraries, systemDevInstalls } from '../../transforms/go/cgo-libs';
import type { CgoLibraryInput } from '../../transforms/go/cgo-libs';
import { alpineMapped, devBrings, devKnown, devProvides, libraryPackagesOf, MAPPED_DEBIAN_RELEASES, NATIVE_LIBS_DATE, runtimeLibraries } from '../../transforms/shared/native-libs';
import data from '../../transforms/shared/native-libs.json';

const body = (text: string) => parseDockerfile(text).stages[0].body;
const plan = (run: string, over: Partial<CgoLibraryInput> = {}) =>
  planCgoLibraries({ body: body(`FROM golang\n${run}\n`), tag: '1.22', debianRelease: 12, alpineVersion: null, runtime: undefined, programs: [], ...over });

describe('native library map (data)', () => {
  it('says where the Debian half comes from, when, and that the Alpine half is kept by hand', () => {
    expect(data.about.debian).toContain('scripts/native-libs/generate.js');
    expect(NATIVE_LIBS_DATE).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(data.about.alpine).toMatch(/by hand/);
    expect(fs.existsSync(path.join(__dirname, '..', '..', 'scripts', 'native-libs', 'generate.js'))).toBe(true);
    expect(MAPPED_DEBIAN_RELEASES).toEqual(expect.arrayContaining(['bookworm', 'trixie']));
  });

  it('maps every Debian development package to library packages, never to another development package', () => {
    for (const release of MAPPED_DEBIAN_RELEASES) {
      const table = (data.debian as Record<string, Record<string, string[]>>)[release];
      expect(Object.keys(table).length).toBeGreaterThan(150);
      for (const [dev, libs] of Object.entries(table)) {
        expect(dev).toMatch(/-dev(-compat)?$/);
        expect(libs.length).toBeGreaterThan(0);
        for (const l of libs) expect(l).not.toMatch(/-dev$|^gcc-|^libc6$/);
      }
    }
  });

  it('gives the library packages of each release', () => {
    expect(runtimeLibraries('apt', 'bookworm', ['libsqlite3-dev', 'libpcap-dev'])).toEqual({ libraries: ['libsqlite3-0', 'libpcap0.8'], unknown: [] });
    // Debian 13 renamed libraries whose ABI has time_t (the 64-bit time_t transition).
    expect(runtimeLibraries('apt', 'trixie', ['libpcap-dev', 'libssl-dev']).libraries).toEqual(['libpcap0.8t64', 'libssl3t64']);
    expect(runtimeLibraries('apt', 'bookworm', ['default-libmysqlclient-dev']).libraries).toEqual(['libmariadb3']);
    expect(runtimeLibraries('apk', null, ['sqlite-dev', 'openssl-dev']).libraries).toEqual(['sqlite-libs', 'libssl3', 'libcrypto3']);
  });

  it('reports what it does not know, and a release it does not cover as unknown', () => {
    expect(runtimeLibraries('apt', 'bookworm', ['libwidget-dev', 'zlib1g-dev'])).toEqual({ libraries: ['zlib1g'], unknown: ['libwidget-dev'] });
    expect(runtimeLibraries('apt', 'bullseye', ['libsqlite3-dev']).unknown).toEqual(['libsqlite3-dev']);
    expect(runtimeLibraries('apt', 'bookworm', ['constructor', 'toString']).unknown).toEqual(['constructor', 'toString']);
  });

  it('tells whether a development package brings a library package', () => {
    expect(devProvides('apt', 'bookworm', 'libpq-dev', 'libpq5')).toBe(true);
    expect(devProvides('apt', 'bookworm', 'libpq-dev', 'libsqlite3-0')).toBe(false);
    expect(devProvides('apk', null, 'postgresql-dev', 'libpq')).toBe(true);
  });

  it('holds for Alpine 3.17 and later', () => {
    expect(alpineMapped('3.19')).toBe(true);
    expect(alpineMapped('3.17')).toBe(true);
    expect(alpineMapped('3.16')).toBe(false);
    expect(alpineMapped('3.9')).toBe(false);
    expect(alpineMapped('3')).toBe(true);
  });
});

describe('Go: libraries the builder installs for cgo', () => {
  it('reads the development packages each package manager installs, without the toolchain', () => {
    const b = body('FROM golang\nRUN apt-get update && apt-get install -y --no-install-recommends \\\n    libpcap-dev gcc libc6-dev && rm -rf /var/lib/apt/lists/*\nRUN apk add --no-cache musl-dev sqlite-dev\nRUN yum install -y sqlite-devel\n');
    expect(systemDevInstalls(b)).toEqual([
      { manager: 'apt', packages: ['libpcap-dev'] },
      { manager: 'apk', packages: ['sqlite-dev'] },
      { manager: 'rpm', packages: ['sqlite-devel'] },
    ]);
  });

  it('installs the library packages on Debian slim of the builder release, or alpine', () => {
    expect(plan('RUN apt-get update && apt-get install -y libsqlite3-dev')).toMatchObject({ kind: 'install', family: 'debian', libraries: ['libsqlite3-0'] });
    expect(plan('RUN apt-get install -y libpcap-dev', { debianRelease: 13 })).toMatchObject({ kind: 'install', libraries: ['libpcap0.8t64'] });
    expect(plan('RUN apk add sqlite-dev', { tag: '1.22-alpine3.19', alpineVersion: '3.19' })).toMatchObject({ kind: 'install', family: 'alpine', libraries: ['sqlite-libs'] });
    expect(plan('RUN apt-get install -y gcc libc6-dev')).toEqual({ kind: 'none' });
    // A runtime image the user names is trusted to have them.
    expect(plan('RUN apt-get install -y libwidget-dev', { runtime: 'example/runtime:1' })).toEqual({ kind: 'none' });
  });

  const refusal = (run: string, over: Partial<CgoLibraryInput> = {}) => {
    const p = plan(run, over);
    if (p.kind !== 'skip') throw new Error(`expected a refusal, got ${p.kind}`);
    expect(p.message.id).toBe('go/cgo-system-libs');
    return p.message.text;
  };

  it('leaves the file alone, naming the package and what would settle it', () => {
    const unknown = refusal('RUN apt-get install -y libwidget-dev libsqlite3-dev');
    expect(unknown).toContain('libraries of libwidget-dev');
    expect(unknown).toContain('pass --runtime');
    expect(refusal('RUN apt-get install -y libsqlite3-dev', { debianRelease: 11 })).toContain('the builder is Debian bullseye');
    expect(refusal('RUN apk add openssl-dev', { tag: '1.15-alpine3.12', alpineVersion: '3.12' })).toContain('older than 3.17');
    expect(refusal('RUN apk add openssl-dev', { tag: '1.15-alpine', alpineVersion: '3' })).toContain('older than 3.17');
    expect(refusal('RUN yum install -y sqlite-devel')).toContain('only Debian (apt) and Alpine (apk)');
    expect(refusal('RUN apk add sqlite-dev')).toContain('not its own apt');
    expect(refusal('RUN apt-get install -y libsqlite3-dev', { runtime: 'distroless' })).toContain('use --runtime debian');
    expect(refusal('RUN apt-get install -y libsqlite3-dev', { programs: ['/notes', 'wget'] })).toContain('wget, which Debian slim does not have');
  });
});

describe('Python and Ruby: libraries of source packages and gems', () => {
  it('gives the library packages of a release from its development packages, the oldest mapped release before it', () => {
    expect(libraryPackagesOf({ apt: 'libpq-dev', apk: 'libpq-dev' }, 12)).toEqual({ apt: ['libpq5'], apk: ['libpq'] });
    expect(libraryPackagesOf({ apt: 'default-libmysqlclient-dev', apk: 'mariadb-connector-c-dev' }, 13)).toEqual({ apt: ['libmariadb3'], apk: ['mariadb-connector-c'] });
    expect(libraryPackagesOf({ apt: 'libsqlite3-dev', apk: 'sqlite-dev' }, 10)).toEqual({ apt: ['libsqlite3-0'], apk: ['sqlite-libs'] });
    expect(() => libraryPackagesOf({ apt: 'libwidget-dev', apk: 'widget-dev' }, 12)).toThrow(/libwidget-dev/);
  });

  it('knows which development package brings which library', () => {
    expect(devKnown('apt', 'libpq-dev')).toBe(true);
    expect(devKnown('apt', 'libmysqlclient-dev')).toBe(false);
    expect(devBrings('apt', 'libmariadb-dev-compat', 'libmariadb3')).toBe(true);
    expect(devBrings('apt', 'libpq-dev', 'libmariadb3')).toBe(false);
    expect(devBrings('apt', 'libpcap-dev', 'libpcap0.8t64')).toBe(true);
  });
});
