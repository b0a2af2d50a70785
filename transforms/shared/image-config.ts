// What the official builder images set before the user's first line: WORKDIR, ENV and USER, per
// family and version. A rewrite that moves instructions out of the builder must not lose what
// they relied on implicitly (`WORKDIR $GOPATH/src/x`, `./main` in the golang image's /go).
//
// Sources: the images' own Dockerfiles in the docker-library repositories (golang, node, python,
// ruby, rust, maven, gradle, openjdk, eclipse-temurin, amazoncorretto) and Microsoft's dotnet-docker
// (sdk images), and the image histories published in docker-library/repo-info. Version-specific
// values carry the version from which they hold. Only values a Dockerfile can depend on are kept
// (paths and switches); checksums and download keys are left out.
import type { ImageRef } from '../../src/image-ref';
import { isOfficialImage } from '../../src/image-ref';

export const STD_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export interface ImageConfig {
  /** The image family the values come from (`golang`, `gradle`, …). */
  family: string;
  /** WORKDIR of the image ('/' when it sets none). */
  workdir: string;
  /** ENV of the image, in order. */
  env: ReadonlyArray<[string, string]>;
  /** USER of the image (null: root). */
  user: string | null;
}

/** `major.minor` of a tag (`1.10.3-alpine` → [1, 10]), or null for `latest`, `alpine`, codenames. */
function versionOf(tag: string | null): [number, number] | null {
  const m = /^(\d+)(?:\.(\d+))?/.exec(tag ?? '');
  return m ? [Number(m[1]), Number(m[2] ?? 0)] : null;
}

function atLeast(v: [number, number] | null, major: number, minor = 0): boolean {
  if (!v) return true; // untagged / latest: today's image
  return v[0] > major || (v[0] === major && v[1] >= minor);
}

/** JAVA_HOME of a JDK image family by its tag. */
function javaHome(ref: ImageRef, family: string): string {
  const tag = ref.tag ?? '';
  if (family === 'amazoncorretto') {
    const v = versionOf(tag);
    return `/usr/lib/jvm/java-${v ? v[0] : 21}-amazon-corretto`;
  }
  if (family === 'openjdk') {
    // Debian variants since 2019 unpack the JDK under /usr/local/openjdk-<n>; Oracle Linux variants
    // (the default from 17 on) under /usr/java/openjdk-<n>.
    const v = versionOf(tag);
    const n = v ? v[0] : 22;
    if (n >= 12 && !/buster|bullseye|bookworm|slim/.test(tag)) return `/usr/java/openjdk-${n}`;
    return `/usr/local/openjdk-${n}`;
  }
  if (family === 'maven') {
    // maven:<v>-jdk-<n> (before 2021) sat on openjdk:<n>; the eclipse-temurin variants after.
    const m = /-(?:open)?jdk-(\d+)/.exec(tag);
    if (m && !/temurin/.test(tag)) return `/usr/local/openjdk-${m[1]}`;
    return '/opt/java/openjdk';
  }
  return '/opt/java/openjdk'; // eclipse-temurin, adoptopenjdk, gradle, maven on temurin
}

function javaEnv(ref: ImageRef, family: string): [string, string][] {
  const home = javaHome(ref, family);
  return [['JAVA_HOME', home], ['PATH', `${home}/bin:${STD_PATH}`]];
}

/** The config of an official builder image, or null when stageify does not know the image. */
export function imageConfigOf(ref: ImageRef): ImageConfig | null {
  const v = versionOf(ref.tag);
  const cfg = (family: string, env: [string, string][], workdir = '/', user: string | null = null): ImageConfig => ({ family, workdir, env, user });
  if (isOfficialImage(ref, 'golang')) {
    const env: [string, string][] = [['GOPATH', '/go'], ['PATH', `/go/bin:/usr/local/go/bin:${STD_PATH}`]];
    if (atLeast(v, 1, 21)) env.push(['GOTOOLCHAIN', 'local']);
    // The onbuild variants add `WORKDIR /go/src/app` (written out with their triggers).
    return cfg('golang', env, /onbuild/.test(ref.tag ?? '') ? '/go/src/app' : '/go');
  }
  if (isOfficialImage(ref, 'node')) return cfg('node', [['PATH', STD_PATH]]);
  if (isOfficialImage(ref, 'python')) {
    const env: [string, string][] = [['PATH', `/usr/local/bin:${STD_PATH}`]];
    if (!atLeast(v, 3, 13)) env.push(['LANG', 'C.UTF-8']);
    return cfg('python', env);
  }
  if (isOfficialImage(ref, 'ruby')) {
    return cfg('ruby', [
      ['LANG', 'C.UTF-8'], ['GEM_HOME', '/usr/local/bundle'], ['BUNDLE_SILENCE_ROOT_WARNING', '1'],
      ['BUNDLE_APP_CONFIG', '/usr/local/bundle'], ['PATH', `/usr/local/bundle/bin:${STD_PATH}`],
    ]);
  }
  if (isOfficialImage(ref, 'rust')) {
    return cfg('rust', [['RUSTUP_HOME', '/usr/local/rustup'], ['CARGO_HOME', '/usr/local/cargo'], ['PATH', `/usr/local/cargo/bin:${STD_PATH}`]]);
  }
  if (isOfficialImage(ref, 'maven')) {
    return cfg('maven', [...javaEnv(ref, 'maven'), ['MAVEN_HOME', '/usr/share/maven'], ['MAVEN_CONFIG', '/root/.m2']]);
  }
  if (isOfficialImage(ref, 'gradle')) {
    return cfg('gradle', [...javaEnv(ref, 'gradle'), ['GRADLE_HOME', '/opt/gradle']], '/home/gradle');
  }
  for (const family of ['openjdk', 'eclipse-temurin', 'amazoncorretto', 'adoptopenjdk']) {
    if (isOfficialImage(ref, family)) return cfg(family, javaEnv(ref, family));
  }
  if (/(^|\/)dotnet\/(core\/)?sdk$/.test(ref.repository) || /(^|\/)microsoft\/dotnet$/.test(ref.repository)) {
    const env: [string, string][] = [['DOTNET_RUNNING_IN_CONTAINER', 'true'], ['DOTNET_USE_POLLING_FILE_WATCHER', 'true'], ['NUGET_XMLDOC_MODE', 'skip']];
    if (atLeast(v, 8)) env.push(['ASPNETCORE_HTTP_PORTS', '8080']);
    else env.push(['ASPNETCORE_URLS', 'http://+:80']);
    return cfg('dotnet', env);
  }
  return null;
}

/** The config of an official image by family and tag (`officialConfig('golang', '1.10')`). */
export function officialConfig(family: string, tag: string | null): ImageConfig {
  const cfg = imageConfigOf({ registry: null, repository: family, name: family, tag, digest: null });
  if (!cfg) throw new Error(`no image config for ${family}`);
  return cfg;
}

/** Variables of the config whose meaning does not carry to another image (PATH is the runtime's own). */
export function portableVars(cfg: ImageConfig): Map<string, string> {
  return new Map(cfg.env.filter(([n]) => n !== 'PATH'));
}
