// Which Java images this transform knows, and what their tags say: build tool, JDK or JRE,
// the Java major version, alpine, onbuild.
import { isOfficialImage } from '../../src/image-ref';
import type { ImageRef } from '../../src/image-ref';

export type JavaImageKind = 'maven' | 'gradle' | 'jdk' | 'jre';

export interface JavaImage {
  kind: JavaImageKind;
  /** The image's repository name (`maven`, `eclipse-temurin`, …). */
  family: string;
  /** Java major version, or null when the tag does not say. */
  major: number | null;
  alpine: boolean;
  onbuild: boolean;
  /** The JVM of the image (OpenJ9 for IBM Semeru and AdoptOpenJDK's openj9 tags). */
  jvm?: 'hotspot' | 'openj9';
  /** The tag as written, for families whose JRE image mirrors it (Semeru, Liberica). */
  tag?: string;
  /** Why the major version is not written in the tag: the tag it stood for when last published. */
  implied?: string;
}

const JDK_FAMILIES = ['openjdk', 'eclipse-temurin', 'amazoncorretto'];
/** JDK names inside maven tags: `3.9-eclipse-temurin-21`, `3-jdk-8`, `3.8-openjdk-17-slim`. */
const MAVEN_JDK = /(?:^|-)(?:jdk|openjdk|eclipse-temurin|temurin|amazoncorretto|adoptopenjdk|ibmjava|ibm-semeru|sapmachine|graalvm-ce|graalvm-community)-(\d+)(?=$|[-.])/;

export function javaImage(ref: ImageRef): JavaImage | null {
  const tag = ref.tag ?? 'latest';
  const alpine = /alpine/.test(tag);
  if (isOfficialImage(ref, 'maven')) {
    const onbuild = /(^|-)onbuild$/.test(tag);
    let major = numberOf(MAVEN_JDK.exec(tag)?.[1]);
    // The onbuild tags ended in 2017, when every maven tag without a JDK in it meant JDK 8.
    if (onbuild && major === null) major = 8;
    return { kind: 'maven', family: 'maven', major, alpine, onbuild };
  }
  if (isOfficialImage(ref, 'gradle')) {
    return { kind: 'gradle', family: 'gradle', major: numberOf(/(?:^|-)jdk-?(\d+)(?=$|[-.])/.exec(tag)?.[1]), alpine, onbuild: false };
  }
  for (const family of JDK_FAMILIES) {
    if (!isOfficialImage(ref, family)) continue;
    const jre = /(^|-)jre($|-)/.test(tag);
    let major = numberOf(/^(\d+)(?=$|[-._u])/.exec(tag)?.[1]);
    let implied: string | undefined;
    // openjdk's `latest` (and `jdk`, `jre`) last pointed at 18: docker-library/openjdk stopped
    // moving them when it published only early-access builds (generate-stackbrew-library.sh,
    // "the last non-ea was 18": `[18-jdk]='jdk latest'`, `[18-jre]='jre'`; PR #522, Feb 2023).
    if (family === 'openjdk' && major === null && ['latest', 'jdk', 'jre'].includes(tag)) {
      major = 18;
      implied = 'openjdk:18 (the last release its `latest` tag was published for, before the image was deprecated; docker-library/openjdk)';
    }
    return { kind: jre ? 'jre' : 'jdk', family, major, alpine, onbuild: false, ...(implied ? { implied } : {}) };
  }
  // The `java` image: OpenJDK on Debian, deprecated for `openjdk` at the end of 2016 (docker-library/docs
  // java/deprecated.md). Tags `8`, `8-jdk`, `8-jre-alpine`, `openjdk-8u111-jdk`, `7`; `latest`, `jdk`
  // and `jre` were 8 (its generate-stackbrew-library.sh: `[8-jdk]='jdk latest'`, `[8-jre]='jre'`).
  if (isOfficialImage(ref, 'java')) {
    const t = tag.replace(/^openjdk-/, '');
    let major = numberOf(/^(\d+)(?=$|[-._u])/.exec(t)?.[1]);
    let implied: string | undefined;
    if (major === null && /^(latest|jdk|jre|(jdk-|jre-)?alpine)$/.test(t)) {
      major = 8;
      implied = 'java:8 (what that tag stood for when the deprecated java image was last published)';
    }
    return { kind: /(^|-)jre($|-)/.test(t) ? 'jre' : 'jdk', family: 'java', major, alpine, onbuild: false, ...(implied ? { implied } : {}) };
  }
  // AdoptOpenJDK (deprecated for eclipse-temurin and ibm-semeru-runtimes): `11-jdk-hotspot`, `8-jre-openj9`.
  if (isOfficialImage(ref, 'adoptopenjdk')) {
    return {
      kind: /(^|-)jre($|-)/.test(tag) ? 'jre' : 'jdk', family: 'adoptopenjdk', major: numberOf(/^(\d+)(?=$|[-._u])/.exec(tag)?.[1]),
      alpine, onbuild: false, jvm: /openj9/.test(tag) ? 'openj9' : 'hotspot', tag,
    };
  }
  // IBM Semeru (OpenJ9): `open-17-jdk`, `open-8u392-b08-jdk-focal`, `open-17.0.9_9-jre-jammy`.
  if (isOfficialImage(ref, 'ibm-semeru-runtimes')) {
    return {
      kind: /-jre($|-)/.test(tag) ? 'jre' : 'jdk', family: 'ibm-semeru-runtimes', major: numberOf(/^(?:open|certified)-(\d+)(?=$|[-._u])/.exec(tag)?.[1]),
      alpine, onbuild: false, jvm: 'openj9', tag,
    };
  }
  // BellSoft Liberica: `bellsoft/liberica-openjdk-<distro>:<version>`, JREs in `liberica-openjre-<distro>`.
  const liberica = ref.registry === null ? /^bellsoft\/liberica-open(jdk|jre)-(debian|alpine|alpine-musl|centos)$/.exec(ref.repository) : null;
  if (liberica) {
    return {
      kind: liberica[1] === 'jre' ? 'jre' : 'jdk', family: `bellsoft/liberica-openjdk-${liberica[2]}`, major: numberOf(/^(\d+)(?=$|[-._u])/.exec(tag)?.[1]),
      alpine: liberica[2].startsWith('alpine'), onbuild: false, tag,
    };
  }
  return null;
}

function numberOf(s: string | undefined): number | null {
  if (s === undefined) return null;
  const n = Number(s);
  // `1.8` style versions are not used in these tags; anything below 6 is not a Java major.
  return Number.isInteger(n) && n >= 6 ? n : null;
}

/** The builder tag that replaces a maven onbuild tag (`3-jdk-8-onbuild` → `3-jdk-8`). */
export function mavenOnbuildBuilderTag(tag: string): string {
  const base = tag.replace(/-?onbuild$/, '');
  if (base === '') return '3-jdk-8';
  return MAVEN_JDK.test(base) ? base : `${base}-jdk-8`;
}

/** An example tag naming the JDK, for messages. */
export function exampleTag(img: JavaImage): string {
  if (img.family === 'maven') return 'maven:3.9-eclipse-temurin-21';
  if (img.family === 'gradle') return 'gradle:8-jdk21';
  if (img.family === 'ibm-semeru-runtimes') return 'ibm-semeru-runtimes:open-21-jdk';
  if (img.family === 'adoptopenjdk') return 'eclipse-temurin:21';
  if (img.family === 'java') return 'eclipse-temurin:8';
  return `${img.family}:21`;
}
