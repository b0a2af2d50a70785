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
    const major = numberOf(/^(\d+)(?=$|[-._u])/.exec(tag)?.[1]);
    return { kind: jre ? 'jre' : 'jdk', family, major, alpine, onbuild: false };
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
  return `${img.family}:21`;
}
