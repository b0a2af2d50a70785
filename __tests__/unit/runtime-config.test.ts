import { parseDockerfile } from '../../src/dockerfile';
import { parseImageRef } from '../../src/image-ref';
import { carryInstructions } from '../../transforms/shared/carry';
import { imageConfigOf } from '../../transforms/shared/image-config';
import { builderImageRef, insideAny, planRuntimeConfig, substituteVars, writableDirs } from '../../transforms/shared/runtime-config';

const cfgOf = (image: string) => imageConfigOf(parseImageRef(image));

describe('imageConfigOf', () => {
  test.each([
    ['golang:1.6.3', '/go', 'GOPATH', '/go'],
    ['golang:1.22-alpine', '/go', 'GOTOOLCHAIN', 'local'],
    ['golang:1.7-onbuild', '/go/src/app', 'GOPATH', '/go'],
    ['gradle:8-jdk17', '/home/gradle', 'GRADLE_HOME', '/opt/gradle'],
    ['rust:1.75', '/', 'CARGO_HOME', '/usr/local/cargo'],
    ['ruby:3.1', '/', 'GEM_HOME', '/usr/local/bundle'],
    ['maven:3-jdk-8', '/', 'JAVA_HOME', '/usr/local/openjdk-8'],
    ['maven:3.9-eclipse-temurin-17', '/', 'JAVA_HOME', '/opt/java/openjdk'],
    ['openjdk:11-jdk-slim', '/', 'JAVA_HOME', '/usr/local/openjdk-11'],
    ['openjdk:17', '/', 'JAVA_HOME', '/usr/java/openjdk-17'],
    ['amazoncorretto:17', '/', 'JAVA_HOME', '/usr/lib/jvm/java-17-amazon-corretto'],
    ['mcr.microsoft.com/dotnet/sdk:8.0', '/', 'ASPNETCORE_HTTP_PORTS', '8080'],
    ['mcr.microsoft.com/dotnet/sdk:6.0', '/', 'ASPNETCORE_URLS', 'http://+:80'],
  ])('%s: WORKDIR %s, %s=%s', (image, workdir, name, value) => {
    const cfg = cfgOf(image);
    expect(cfg?.workdir).toBe(workdir);
    expect(new Map(cfg?.env).get(name)).toBe(value);
  });

  test('golang before 1.21 has no GOTOOLCHAIN; python 3.13 has no LANG', () => {
    expect(new Map(cfgOf('golang:1.20')?.env).has('GOTOOLCHAIN')).toBe(false);
    expect(new Map(cfgOf('python:3.12')?.env).get('LANG')).toBe('C.UTF-8');
    expect(new Map(cfgOf('python:3.13')?.env).has('LANG')).toBe(false);
  });

  test('unknown images have no config', () => {
    expect(cfgOf('acme/builder:1')).toBeNull();
    expect(cfgOf('debian:bookworm')).toBeNull();
  });
});

describe('substituteVars', () => {
  const values = new Map([['GOPATH', '/go'], ['EMPTY', '']]);
  test.each([
    ['WORKDIR $GOPATH/src/x', 'WORKDIR /go/src/x'],
    ['WORKDIR ${GOPATH}/src/x', 'WORKDIR /go/src/x'],
    ['WORKDIR ${GOPATH:-/other}/src', 'WORKDIR /go/src'],
    ['WORKDIR ${EMPTY:-/fallback}', 'WORKDIR /fallback'],
    ['ENV PATH=$GOPATH/bin:$PATH', 'ENV PATH=/go/bin:$PATH'],
    ['LABEL a=\\$GOPATH', 'LABEL a=\\$GOPATH'],
    ['WORKDIR $GOPATHX', 'WORKDIR $GOPATHX'],
    ['WORKDIR ${OTHER:-$GOPATH}', 'WORKDIR ${OTHER:-/go}'],
  ])('%s → %s', (input, output) => {
    expect(substituteVars(input, values)).toBe(output);
  });

  test('a backtick escape directive escapes dollars with a backtick', () => {
    expect(substituteVars('WORKDIR `$GOPATH/$GOPATH', values, '`')).toBe('WORKDIR `$GOPATH//go');
  });
});

function planOf(text: string, toolchain: string[] = []) {
  const file = parseDockerfile(text);
  const stage = file.stages[0];
  const carried = carryInstructions(stage.body, file.text, new Set(toolchain));
  return { file, cfg: planRuntimeConfig(file, stage, builderImageRef(file, stage, undefined), carried) };
}

describe('planRuntimeConfig', () => {
  test('the golang image works in /go when the stage sets no WORKDIR', () => {
    const { cfg } = planOf('FROM golang:1.19\nCOPY . .\nRUN go build main.go\nENTRYPOINT ["./main"]\n');
    expect(cfg.implicitWorkdir).toBe('/go');
    expect(cfg.workdir).toBe('/go');
  });

  test('a relative first WORKDIR resolves against the image WORKDIR', () => {
    const { cfg } = planOf('FROM golang:1.19\nWORKDIR app\nCMD ["./x"]\n');
    expect(cfg.implicitWorkdir).toBe('/go');
    expect(cfg.workdir).toBe('/go/app');
  });

  test('an absolute WORKDIR needs no implicit one; image variables in it are resolved', () => {
    const { file, cfg } = planOf('FROM golang:1.10\nWORKDIR $GOPATH/src/x\nCMD ["./app"]\n');
    expect(cfg.implicitWorkdir).toBeNull();
    expect(cfg.workdir).toBe('/go/src/x');
    expect([...cfg.texts.values()]).toEqual(['WORKDIR /go/src/x']);
    expect(cfg.resolved.get('GOPATH')).toBe('/go');
    expect(file.text).toContain('$GOPATH');
  });

  test('a variable set by a carried ENV stays a reference; one only the builder sets is resolved', () => {
    const { cfg } = planOf('FROM golang:1.22\nENV APP_HOME=/srv/app GOBIN=/srv/bin\nENV GOFLAGS=-mod=vendor\nWORKDIR $APP_HOME\nVOLUME $APP_HOME/data ${GOFLAGS}\n', ['GOFLAGS']);
    expect(cfg.workdir).toBe('/srv/app');
    expect([...cfg.texts.values()]).toEqual(['VOLUME $APP_HOME/data -mod=vendor']);
    expect(cfg.volumes).toEqual(['/srv/app/data', '/srv/app/-mod=vendor']);
  });

  test('a shell-form start command reading an image variable gets it as ENV; exec form is not expanded by Docker', () => {
    expect(planOf('FROM rust:1.75\nWORKDIR /app\nCMD ./server --home $CARGO_HOME\n').cfg.env).toEqual([['CARGO_HOME', '/usr/local/cargo']]);
    expect(planOf('FROM rust:1.75\nWORKDIR /app\nCMD ["./server", "$CARGO_HOME"]\n').cfg.env).toEqual([]);
    expect(planOf('FROM rust:1.75\nWORKDIR /app\nHEALTHCHECK --interval=5s CMD ./server -check $CARGO_HOME\n').cfg.env).toEqual([['CARGO_HOME', '/usr/local/cargo']]);
  });

  test('volumes in JSON form, and the folders the runtime user must own', () => {
    const { cfg } = planOf('FROM golang:1.21\nWORKDIR /srv/x\nVOLUME ["/srv/x/certs", "/tmp", "/var/lib/x"]\n');
    expect(cfg.volumes).toEqual(['/srv/x/certs', '/tmp', '/var/lib/x']);
    expect(writableDirs(cfg)).toEqual(['/srv/x', '/srv/x/certs', '/var/lib/x']);
  });

  test('no folder to own when the program runs in /', () => {
    const { cfg } = planOf('FROM node:20\nCOPY . /app\nCMD ["node", "/app/server.js"]\n');
    expect(cfg.implicitWorkdir).toBeNull();
    expect(writableDirs(cfg)).toEqual([]);
  });

  test('builder image with ARGs before FROM', () => {
    const file = parseDockerfile('ARG GO=1.10\nFROM golang:${GO}\nCMD ["x"]\n');
    expect(builderImageRef(file, file.stages[0], undefined)?.tag).toBe('1.10');
    expect(builderImageRef(file, file.stages[0], 'rust:1')?.name).toBe('rust');
  });
});

test('insideAny', () => {
  expect(insideAny('/app/x', ['/app'])).toBe(true);
  expect(insideAny('/app', ['/app'])).toBe(true);
  expect(insideAny('/apple', ['/app'])).toBe(false);
});
