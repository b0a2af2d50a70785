// The runtime base for a Java program: a JRE of the builder's major version. Eclipse Temurin by
// default (it has a shell), its alpine variant, distroless java (no shell, ENTRYPOINT java -jar),
// or an image the user names.
import type { RuntimeBase } from '../shared/runtime-bases';
import type { UserPolicy } from '../../src/types';
import type { JavaImage } from './java-image';

/** Majors Eclipse Temurin publishes JRE images for. */
const TEMURIN_JRE = (major: number) => major === 8 || major === 11 || major >= 17;
/** distroless java images on Debian 12. */
const DISTROLESS_JAVA = new Set([17, 21]);
/** Users of the Ubuntu/Debian based JRE images. */
const DEBIAN_USERS = new Set(['root', 'daemon', 'bin', 'sys', 'sync', 'games', 'man', 'lp', 'mail', 'news', 'uucp', 'proxy', 'www-data', 'backup', 'list', 'irc', 'nobody', '0', '65534']);
const ALPINE_USERS = new Set(['root', 'bin', 'daemon', 'adm', 'lp', 'sync', 'shutdown', 'halt', 'mail', 'news', 'uucp', 'operator', 'man', 'postmaster', 'cron', 'ftp', 'sshd', 'at', 'squid', 'xfs', 'games', 'cyrus', 'vpopmail', 'ntp', 'smmsp', 'guest', 'nobody', '0', '65534']);
const DISTROLESS_USERS = new Set(['root', 'nonroot', 'nobody', '0', '65532', '65534']);

export interface JavaRuntimeNeeds {
  shell: boolean;
  user: UserPolicy;
  explicitUser: boolean;
}

export type JavaRuntimeChoice =
  | { ok: true; base: RuntimeBase; distroless: boolean }
  | { ok: false; reason: 'version'; what: string }
  | { ok: false; reason: 'preset'; preset: string }
  | { ok: false; reason: 'shell'; image: string };

export function chooseJavaRuntime(img: JavaImage, needs: JavaRuntimeNeeds, override: string | undefined): JavaRuntimeChoice {
  const major = img.major;
  const base = (b: Partial<RuntimeBase> & { image: string; why: string }): RuntimeBase => ({
    libc: 'glibc', shell: '/bin/sh', preamble: [], hasEntrypoint: false, users: DEBIAN_USERS, nonrootByDefault: false,
    hasCerts: true, hasTzdata: true, busybox: false, custom: false, ...b,
  });
  switch (override) {
    case undefined:
    case 'debian':
    case 'alpine': {
      const alpine = override === 'alpine' || (override === undefined && img.alpine);
      const vendor = vendorJre(img, override, alpine);
      if (vendor) return vendor.image === null ? { ok: false, reason: 'version', what: vendor.what } : { ok: true, distroless: false, base: base(vendor as Partial<RuntimeBase> & { image: string; why: string }) };
      if (major === null || !TEMURIN_JRE(major)) return { ok: false, reason: 'version', what: 'Eclipse Temurin JRE image' };
      const image = `eclipse-temurin:${major}-jre${alpine ? '-alpine' : ''}`;
      return {
        ok: true, distroless: false,
        base: base({
          image, libc: alpine ? 'musl' : 'glibc', users: alpine ? ALPINE_USERS : DEBIAN_USERS, busybox: alpine,
          why: `Java ${major} JRE${alpine ? ' on alpine, like the builder' : ''}, with a shell`,
        }),
      };
    }
    case 'distroless': {
      if (major === null || !DISTROLESS_JAVA.has(major)) return { ok: false, reason: 'version', what: 'distroless java image' };
      const nonroot = needs.user === 'nonroot' && !needs.explicitUser;
      const image = `gcr.io/distroless/java${major}-debian12:${nonroot ? 'nonroot' : 'latest'}`;
      if (needs.shell) return { ok: false, reason: 'shell', image };
      return {
        ok: true, distroless: true,
        base: base({
          image, shell: null, users: DISTROLESS_USERS, nonrootByDefault: nonroot,
          why: `Java ${major} JRE without a shell (--runtime distroless)${nonroot ? ', non-root' : ''}`,
        }),
      };
    }
    case 'scratch':
    case 'chainguard':
      return { ok: false, reason: 'preset', preset: override };
    default:
      return {
        ok: true, distroless: false,
        base: base({ image: override, users: null, custom: true, why: 'given by --runtime' }),
      };
  }
}

/** Majors IBM Semeru publishes JRE images for. */
const SEMERU_JRE = (major: number) => major === 8 || major === 11 || major >= 16;
const UBUNTU_RELEASES = /-(focal|jammy|noble)$/;

/**
 * The JRE of the builder's own vendor where its JVM differs from Temurin's HotSpot or the vendor
 * publishes one: IBM Semeru (OpenJ9, also AdoptOpenJDK's openj9 tags) and BellSoft Liberica.
 * Null for the OpenJDK builds whose JRE is Eclipse Temurin's (openjdk, java, amazoncorretto, which
 * has JRE tags only for 8, AdoptOpenJDK's hotspot tags, whose builds Temurin continues).
 */
function vendorJre(img: JavaImage, override: string | undefined, alpine: boolean): (Omit<Partial<RuntimeBase>, 'image'> & { image: string | null; why: string; what: string }) | null {
  const major = img.major;
  if (img.jvm === 'openj9') {
    const what = 'IBM Semeru (OpenJ9) JRE image' + (alpine ? ' on alpine' : '');
    if (major === null || !SEMERU_JRE(major) || alpine) return { image: null, why: '', what };
    const distro = img.family === 'ibm-semeru-runtimes' ? UBUNTU_RELEASES.exec(img.tag ?? '')?.[0] ?? '' : '';
    return {
      image: `ibm-semeru-runtimes:open-${major}-jre${distro}`, what,
      why: `Java ${major} JRE with the builder's OpenJ9 JVM (its options and shared classes mean the same), with a shell`,
    };
  }
  const liberica = /^bellsoft\/liberica-openjdk-(.+)$/.exec(img.family);
  if (liberica) {
    const distro = override === 'alpine' ? (liberica[1].startsWith('alpine') ? liberica[1] : 'alpine') : override === 'debian' ? 'debian' : liberica[1];
    const musl = distro.startsWith('alpine');
    return {
      image: `bellsoft/liberica-openjre-${distro}:${img.tag ?? 'latest'}`, what: 'Liberica JRE image',
      libc: musl ? 'musl' : 'glibc', users: distro === 'debian' ? DEBIAN_USERS : musl ? ALPINE_USERS : null, busybox: musl,
      why: `the Liberica JRE of the same tag and distribution as the builder (${distro}), with a shell`,
    };
  }
  return null;
}
