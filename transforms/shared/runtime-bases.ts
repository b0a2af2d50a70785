// Facts about runtime base images, and the choice of one by what the program needs.
// Sizes are approximate compressed-on-disk figures used for reports, not for decisions.
import { parseImageRef } from '../../src/image-ref';
import type { ImageRef } from '../../src/image-ref';
import type { UserPolicy } from '../../src/types';

export type Libc = 'none' | 'glibc' | 'musl';

export interface RuntimeBase {
  image: string;
  /** The C library the image has ('none' = static binaries only). */
  libc: Libc;
  /** Path of the shell, or null when there is none. */
  shell: string | null;
  /** Extra lines right after FROM to make shell-form commands work (busybox debug images). */
  preamble: string[];
  /** The image has an ENTRYPOINT of its own that must be cleared when the program sets none. */
  hasEntrypoint: boolean;
  /** User names /etc/passwd knows. null: unknown image, assume it has what it needs. */
  users: ReadonlySet<string> | null;
  /** Runs as non-root by default. */
  nonrootByDefault: boolean;
  /** The image's own non-root user (`node` in node images); default 65532:65532. */
  nonrootUser?: string;
  hasCerts: boolean;
  hasTzdata: boolean;
  /** Busybox applets available (debug images, alpine). */
  busybox: boolean;
  /** Given by the user: stageify cannot check it. */
  custom: boolean;
  why: string;
}

export interface RuntimeNeeds {
  /** Program needs a C library (cgo). */
  libc: Libc;
  /** Shell-form commands that need a shell. */
  shell: boolean;
  /** Programs other than the artifacts (e.g. wget in a HEALTHCHECK): busybox applets only. */
  busybox: boolean;
  user: UserPolicy;
  /** An explicit USER in the original (then the base's default user does not matter). */
  explicitUser: boolean;
  /** Debian release of the builder, when known, for glibc compatibility (12 = bookworm). */
  debianRelease: number;
  /** Alpine version of a musl builder (`3.19`), when known. */
  alpineVersion: string | null;
  /** C++ runtime needed (libstdc++). */
  cxx: boolean;
}

export const PRESETS = ['distroless', 'scratch', 'alpine', 'chainguard', 'debian'] as const;

/** Whether a --runtime value names a preset rather than an image. */
export function isPreset(runtime: string): boolean {
  return (PRESETS as readonly string[]).includes(runtime);
}

const DISTROLESS_USERS = new Set(['root', 'nonroot', 'nobody', '0', '65532', '65534']);
export const ALPINE_USERS = new Set(['root', 'nobody', 'daemon', 'bin', 'operator', 'guest']);
export const DEBIAN_USERS = new Set(['root', 'nobody', 'daemon', 'bin', 'sys', 'www-data', 'games', 'man', 'mail', 'news', 'proxy', 'backup', 'list', 'irc']);

export const DEBIAN_RELEASES: Record<string, number> = { buster: 10, bullseye: 11, bookworm: 12, trixie: 13 };
const DEBIAN_RELEASE_LIST = Object.entries(DEBIAN_RELEASES);
export const RELEASE_NAMES: Record<number, string> = { 10: 'buster', 11: 'bullseye', 12: 'bookworm', 13: 'trixie' };

export type Choice = { ok: true; base: RuntimeBase } | { ok: false; reason: 'libc' | 'shell'; image: string; libc?: Libc };

/** Chooses the runtime base for a native binary (Go, Rust, …). */
export function chooseNativeRuntime(needs: RuntimeNeeds, override: string | undefined): Choice {
  const preset = override ?? 'distroless';
  const nonrootTag = needs.user === 'nonroot' && !needs.explicitUser;
  switch (preset) {
    case 'distroless': {
      if (needs.libc === 'musl') {
        // A musl binary needs a musl runtime: alpine of the builder's version.
        return chooseNativeRuntime(needs, 'alpine');
      }
      const release = needs.libc === 'glibc' ? Math.min(Math.max(needs.debianRelease, 12), 13) : 12;
      const flavour = needs.libc === 'none' ? 'static' : needs.cxx ? 'cc' : 'base';
      const debug = needs.shell || needs.busybox;
      const tag = debug ? (nonrootTag ? 'debug-nonroot' : 'debug') : nonrootTag ? 'nonroot' : 'latest';
      const image = `gcr.io/distroless/${flavour}-debian${release}:${tag}`;
      return {
        ok: true,
        base: {
          image, libc: needs.libc === 'none' ? 'none' : 'glibc', shell: debug ? '/busybox/sh' : null,
          preamble: debug ? ['SHELL ["/busybox/sh", "-c"]'] : [], hasEntrypoint: debug, users: DISTROLESS_USERS, nonrootByDefault: nonrootTag,
          hasCerts: true, hasTzdata: true, busybox: debug, custom: false,
          why: `${needs.libc === 'none' ? 'static binary' : needs.cxx ? 'needs glibc and libstdc++' : 'needs glibc'}${debug ? ', and a shell (busybox debug variant)' : ', no shell needed'}${nonrootTag ? ', non-root' : ''}`,
        },
      };
    }
    case 'scratch': {
      if (needs.libc !== 'none') return { ok: false, reason: 'libc', image: 'scratch', libc: 'none' };
      if (needs.shell || needs.busybox) return { ok: false, reason: 'shell', image: 'scratch' };
      return {
        ok: true,
        base: {
          image: 'scratch', libc: 'none', shell: null, preamble: [], hasEntrypoint: false, users: new Set(['0']), nonrootByDefault: false,
          hasCerts: false, hasTzdata: false, busybox: false, custom: false, why: 'static binary on an empty image (--runtime scratch)',
        },
      };
    }
    case 'alpine': {
      if (needs.libc === 'glibc') return { ok: false, reason: 'libc', image: 'alpine', libc: 'musl' };
      const image = `alpine:${needs.alpineVersion ?? '3.20'}`;
      return {
        ok: true,
        base: {
          image, libc: 'musl', shell: '/bin/sh', preamble: [], hasEntrypoint: false, users: ALPINE_USERS, nonrootByDefault: false,
          hasCerts: true, hasTzdata: false, busybox: true, custom: false,
          why: needs.libc === 'musl' ? 'the builder links against musl: a musl runtime' : 'small image with a shell (busybox)',
        },
      };
    }
    case 'chainguard': {
      if (needs.shell || needs.busybox) return { ok: false, reason: 'shell', image: 'cgr.dev/chainguard/static' };
      if (needs.libc === 'musl') return { ok: false, reason: 'libc', image: 'cgr.dev/chainguard/glibc-dynamic', libc: 'glibc' };
      const image = needs.libc === 'none' ? 'cgr.dev/chainguard/static:latest' : 'cgr.dev/chainguard/glibc-dynamic:latest';
      return {
        ok: true,
        base: {
          image, libc: needs.libc === 'none' ? 'none' : 'glibc', shell: null, preamble: [], hasEntrypoint: false, users: DISTROLESS_USERS,
          nonrootByDefault: true, hasCerts: true, hasTzdata: true, busybox: false, custom: false,
          why: needs.libc === 'none' ? 'static binary (--runtime chainguard)' : 'needs glibc (--runtime chainguard)',
        },
      };
    }
    case 'debian': {
      if (needs.libc === 'musl') return { ok: false, reason: 'libc', image: 'debian', libc: 'glibc' };
      const release = RELEASE_NAMES[Math.min(Math.max(needs.debianRelease, 12), 13)];
      return {
        ok: true,
        base: {
          image: `debian:${release}-slim`, libc: 'glibc', shell: '/bin/sh', preamble: [], hasEntrypoint: false, users: DEBIAN_USERS,
          // tzdata is a required package up to bookworm, optional (absent) from trixie on.
          nonrootByDefault: false, hasCerts: false, hasTzdata: release === 'bookworm', busybox: false, custom: false,
          why: 'minimal Debian with a shell (--runtime debian)',
        },
      };
    }
    default:
      return {
        ok: true,
        base: {
          image: override as string, libc: needs.libc, shell: needs.shell ? '/bin/sh' : null, preamble: [], hasEntrypoint: false, users: null,
          nonrootByDefault: false, hasCerts: true, hasTzdata: true, busybox: needs.busybox, custom: true,
          why: 'given by --runtime',
        },
      };
  }
}

/** Debian release of an image from its tag (`1.22-bookworm` → 12), or the fallback. */
export function debianReleaseOfTag(tag: string | null, fallback: number): number {
  if (tag) for (const [name, n] of DEBIAN_RELEASE_LIST) if (tag.includes(name)) return n;
  return fallback;
}

/** Alpine version in a tag (`1.22-alpine3.19` → `3.19`; `-alpine` → `3`), or null when not alpine. */
export function alpineOfTag(tag: string | null): string | null {
  if (!tag) return null;
  const m = /alpine(\d+\.\d+)?/.exec(tag);
  if (!m) return null;
  return m[1] ?? '3';
}

/** Images already minimal: a single-stage file on one of these is left alone. */
export function isMinimalBase(ref: ImageRef): boolean {
  const repo = ref.repository;
  if (repo === 'scratch') return true;
  if (repo.startsWith('distroless/') || (ref.registry === 'gcr.io' && repo.startsWith('distroless/'))) return true;
  if (ref.registry === 'cgr.dev' && /^chainguard\/(static|glibc-dynamic)$/.test(repo)) return true;
  if (ref.name === 'alpine' || ref.name === 'busybox') return true;
  if (/-slim/.test(ref.tag ?? '') && ['debian', 'ubuntu'].includes(ref.name)) return true;
  return false;
}

/** Approximate sizes (MB) of known bases, for reports. */
export function approxSizeMb(image: string): number | null {
  const ref = parseImageRef(image);
  const n = ref.repository;
  const tag = ref.tag ?? 'latest';
  if (n === 'scratch') return 0;
  if (/distroless\/static/.test(n)) return tag.includes('debug') ? 3 : 2;
  if (/distroless\/base/.test(n)) return tag.includes('debug') ? 21 : 20;
  if (/distroless\/cc/.test(n)) return 25;
  if (/chainguard\/static/.test(n)) return 2;
  if (/chainguard\/glibc-dynamic/.test(n)) return 10;
  if (ref.name === 'alpine') return 7;
  if (ref.name === 'debian') return tag.includes('slim') ? 75 : 120;
  if (ref.name === 'golang') return tag.includes('alpine') ? 250 : tag.includes('onbuild') ? 750 : 850;
  return null;
}
