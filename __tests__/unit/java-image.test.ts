import { parseImageRef } from '../../src/image-ref';
import { exampleTag, javaImage, mavenOnbuildBuilderTag } from '../../transforms/java/java-image';
import { chooseJavaRuntime } from '../../transforms/java/runtime';

const img = (ref: string) => javaImage(parseImageRef(ref));

describe('javaImage', () => {
  test.each([
    ['maven:3.9-eclipse-temurin-21', 'maven', 21, false, false],
    ['maven:3-jdk-8-onbuild', 'maven', 8, false, true],
    ['maven:onbuild', 'maven', 8, false, true],
    ['maven:3.8.6-openjdk-18-slim', 'maven', 18, false, false],
    ['maven:3.9.6-eclipse-temurin-17-alpine', 'maven', 17, true, false],
    ['maven:3-amazoncorretto-11', 'maven', 11, false, false],
    ['maven:3.9', 'maven', null, false, false],
    ['gradle:8.5-jdk17', 'gradle', 17, false, false],
    ['gradle:jdk21-alpine', 'gradle', 21, true, false],
    ['gradle:latest', 'gradle', null, false, false],
    ['openjdk:17', 'jdk', 17, false, false],
    ['openjdk:8u342-jdk', 'jdk', 8, false, false],
    ['openjdk:11.0.15-jdk-slim', 'jdk', 11, false, false],
    ['eclipse-temurin:17.0.9_9-jdk-jammy', 'jdk', 17, false, false],
    ['eclipse-temurin:21-jdk-alpine', 'jdk', 21, true, false],
    ['amazoncorretto:17-al2023', 'jdk', 17, false, false],
    ['docker.io/library/openjdk:latest', 'jdk', 18, false, false],
    ['openjdk', 'jdk', 18, false, false],
    ['openjdk:jre', 'jre', 18, false, false],
    ['java:8', 'jdk', 8, false, false],
    ['java:latest', 'jdk', 8, false, false],
    ['java:openjdk-8u111-jdk-alpine', 'jdk', 8, true, false],
    ['java:8-jre', 'jre', 8, false, false],
    ['java:7', 'jdk', 7, false, false],
    ['adoptopenjdk:11-jdk-hotspot', 'jdk', 11, false, false],
    ['adoptopenjdk:8-jre-openj9', 'jre', 8, false, false],
    ['ibm-semeru-runtimes:open-8u392-b08-jdk-focal', 'jdk', 8, false, false],
    ['ibm-semeru-runtimes:open-17.0.9_9-jre-jammy', 'jre', 17, false, false],
    ['bellsoft/liberica-openjdk-alpine:17', 'jdk', 17, true, false],
    ['bellsoft/liberica-openjre-debian:21-cds', 'jre', 21, false, false],
    ['bellsoft/liberica-openjdk-debian:latest', 'jdk', null, false, false],
    ['eclipse-temurin:17-jre', 'jre', 17, false, false],
    ['openjdk:8-jre-alpine', 'jre', 8, true, false],
  ])('%s', (ref, kind, major, alpine, onbuild) => {
    expect(img(ref)).toMatchObject({ kind, major, alpine, onbuild });
  });

  test('a version the tag implies is said, with where it comes from', () => {
    expect(img('openjdk')?.implied).toMatch(/openjdk:18/);
    expect(img('java:jdk')?.implied).toMatch(/java:8/);
    expect(img('openjdk:17')?.implied).toBeUndefined();
  });

  test('other images are not Java images', () => {
    expect(img('golang:1.22')).toBeNull();
    expect(img('acme/liberica-openjdk-debian:17')).toBeNull();
    expect(img('registry.local/bellsoft/liberica-openjdk-debian:17')).toBeNull();
    expect(img('acme/maven-tools:1')).toBeNull();
  });

  test('onbuild builder tags', () => {
    expect(mavenOnbuildBuilderTag('3-jdk-8-onbuild')).toBe('3-jdk-8');
    expect(mavenOnbuildBuilderTag('3.5.0-jdk-7-onbuild')).toBe('3.5.0-jdk-7');
    expect(mavenOnbuildBuilderTag('onbuild')).toBe('3-jdk-8');
    expect(mavenOnbuildBuilderTag('3-onbuild')).toBe('3-jdk-8');
  });

  test('example tags name a JDK', () => {
    expect(exampleTag(img('maven:3') as NonNullable<ReturnType<typeof img>>)).toMatch(/temurin-21/);
  });
});

describe('chooseJavaRuntime', () => {
  const needs = { shell: false, user: 'nonroot' as const, explicitUser: false };
  const pick = (ref: string, runtime?: string, extra = {}) => chooseJavaRuntime(img(ref) as NonNullable<ReturnType<typeof img>>, { ...needs, ...extra }, runtime);

  test('a Temurin JRE of the builder major by default, alpine for alpine builders', () => {
    expect(pick('maven:3.9-eclipse-temurin-21')).toMatchObject({ ok: true, base: { image: 'eclipse-temurin:21-jre', shell: '/bin/sh' } });
    expect(pick('gradle:jdk17-alpine')).toMatchObject({ ok: true, base: { image: 'eclipse-temurin:17-jre-alpine', libc: 'musl' } });
    expect(pick('maven:3-jdk-8')).toMatchObject({ ok: true, base: { image: 'eclipse-temurin:8-jre' } });
  });

  test('no Temurin JRE for majors it never shipped', () => {
    expect(pick('openjdk:14')).toMatchObject({ ok: false, reason: 'version' });
  });

  test('distroless: java17/21, nonroot tag, no shell', () => {
    expect(pick('openjdk:17', 'distroless')).toMatchObject({ ok: true, distroless: true, base: { image: 'gcr.io/distroless/java17-debian12:nonroot', shell: null, nonrootByDefault: true } });
    expect(pick('openjdk:21', 'distroless', { user: 'root' })).toMatchObject({ ok: true, base: { image: 'gcr.io/distroless/java21-debian12:latest' } });
    expect(pick('openjdk:11', 'distroless')).toMatchObject({ ok: false, reason: 'version' });
    expect(pick('openjdk:17', 'distroless', { shell: true })).toMatchObject({ ok: false, reason: 'shell' });
  });

  test('the JRE of the builder image family', () => {
    expect(pick('openjdk:latest')).toMatchObject({ ok: true, base: { image: 'eclipse-temurin:18-jre' } });
    expect(pick('java:8')).toMatchObject({ ok: true, base: { image: 'eclipse-temurin:8-jre' } });
    expect(pick('java:8-jdk-alpine')).toMatchObject({ ok: true, base: { image: 'eclipse-temurin:8-jre-alpine', libc: 'musl' } });
    expect(pick('java:7')).toMatchObject({ ok: false, reason: 'version' });
    expect(pick('adoptopenjdk:11-jdk-hotspot')).toMatchObject({ ok: true, base: { image: 'eclipse-temurin:11-jre' } });
    expect(pick('adoptopenjdk:11-jdk-openj9')).toMatchObject({ ok: true, base: { image: 'ibm-semeru-runtimes:open-11-jre' } });
    expect(pick('adoptopenjdk:11-jdk-openj9-alpine')).toMatchObject({ ok: false, reason: 'version' });
    expect(pick('ibm-semeru-runtimes:open-17-jdk-jammy')).toMatchObject({ ok: true, base: { image: 'ibm-semeru-runtimes:open-17-jre-jammy' } });
    expect(pick('ibm-semeru-runtimes:open-14-jdk')).toMatchObject({ ok: false, reason: 'version' });
    expect(pick('amazoncorretto:21-al2023')).toMatchObject({ ok: true, base: { image: 'eclipse-temurin:21-jre' } });
    expect(pick('bellsoft/liberica-openjdk-debian:17.0.9')).toMatchObject({ ok: true, base: { image: 'bellsoft/liberica-openjre-debian:17.0.9', libc: 'glibc' } });
    expect(pick('bellsoft/liberica-openjdk-alpine-musl:21')).toMatchObject({ ok: true, base: { image: 'bellsoft/liberica-openjre-alpine-musl:21', libc: 'musl' } });
    expect(pick('bellsoft/liberica-openjdk-debian:21', 'alpine')).toMatchObject({ ok: true, base: { image: 'bellsoft/liberica-openjre-alpine:21' } });
  });

  test('presets without a JRE are refused; images are taken as given', () => {
    expect(pick('openjdk:17', 'scratch')).toMatchObject({ ok: false, reason: 'preset' });
    expect(pick('maven:3.9', 'registry.local/jre:17')).toMatchObject({ ok: true, base: { image: 'registry.local/jre:17', custom: true } });
  });
});
