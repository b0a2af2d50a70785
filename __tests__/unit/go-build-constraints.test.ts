import { constraintsHold, evalGoBuild, fileConstraints, fileNameHolds, tagHolds } from '../../transforms/go/build-constraints';
import type { BuildEnv } from '../../transforms/go/build-constraints';

const env = (over: Partial<BuildEnv> = {}): BuildEnv => ({ goos: 'linux', goarch: null, goMinor: 10, tags: new Set(), cgo: null, ...over });

describe('fileConstraints', () => {
  test('`// +build` lines count only when a blank line separates them from the package clause', () => {
    expect(fileConstraints('// +build ignore\n\npackage main\n')).toEqual({ goBuild: null, plusBuild: ['ignore'] });
    expect(fileConstraints('// +build ignore\npackage main\n')).toEqual({ goBuild: null, plusBuild: null });
    expect(fileConstraints('// Copyright\n\n// +build linux,amd64 darwin\n// +build !cgo\n\n// Package doc.\npackage x\n'))
      .toEqual({ goBuild: null, plusBuild: ['linux,amd64 darwin', '!cgo'] });
  });

  test('`//go:build` anywhere in the leading comments; none after the package clause or inside a block comment', () => {
    expect(fileConstraints('//go:build ignore\n// +build ignore\n\npackage main\n')).toEqual({ goBuild: 'ignore', plusBuild: ['ignore'] });
    expect(fileConstraints('//go:build tools\npackage tools\n').goBuild).toBe('tools');
    expect(fileConstraints('package main\n\n//go:build ignore\n').goBuild).toBeNull();
    expect(fileConstraints('/*\n//go:build ignore\n*/\npackage main\n').goBuild).toBeNull();
    expect(fileConstraints('package main\n// +build ignore\n')).toEqual({ goBuild: null, plusBuild: null });
  });

  test('a file without constraint lines', () => {
    expect(fileConstraints('package main\n\nfunc main() {}\n')).toEqual({ goBuild: null, plusBuild: null });
  });
});

describe('constraintsHold', () => {
  test('`ignore` and other tags nobody sets exclude the file; -tags includes it', () => {
    expect(constraintsHold({ goBuild: null, plusBuild: ['ignore'] }, env())).toBe(false);
    expect(constraintsHold({ goBuild: 'integration', plusBuild: null }, env({ goMinor: 21 }))).toBe(false);
    expect(constraintsHold({ goBuild: 'integration', plusBuild: null }, env({ goMinor: 21, tags: new Set(['integration']) }))).toBe(true);
  });

  test('Go 1.17 and later prefer `//go:build`; older releases read only `// +build`', () => {
    const onlyGoBuild = { goBuild: 'ignore', plusBuild: null };
    expect(constraintsHold(onlyGoBuild, env({ goMinor: 16 }))).toBe(true);
    expect(constraintsHold(onlyGoBuild, env({ goMinor: 17 }))).toBe(false);
    expect(constraintsHold(onlyGoBuild, env({ goMinor: null }))).toBe(false);
    expect(constraintsHold({ goBuild: 'linux', plusBuild: ['ignore'] }, env({ goMinor: 21 }))).toBe(true);
  });

  test('`// +build` lines: spaces are OR, commas AND, several lines AND', () => {
    expect(constraintsHold({ goBuild: null, plusBuild: ['linux darwin'] }, env())).toBe(true);
    expect(constraintsHold({ goBuild: null, plusBuild: ['darwin,!ignore windows'] }, env())).toBe(false);
    expect(constraintsHold({ goBuild: null, plusBuild: ['linux', 'ignore'] }, env())).toBe(false);
  });

  test('what depends on the builder CPU or cgo is undecided unless the build sets it', () => {
    expect(constraintsHold({ goBuild: null, plusBuild: ['amd64'] }, env())).toBeNull();
    expect(constraintsHold({ goBuild: null, plusBuild: ['amd64'] }, env({ goarch: 'arm64' }))).toBe(false);
    expect(constraintsHold({ goBuild: null, plusBuild: ['cgo'] }, env())).toBeNull();
    expect(constraintsHold({ goBuild: null, plusBuild: ['!cgo'] }, env({ cgo: false }))).toBe(true);
    // A false term decides an AND whatever the undecided one is.
    expect(constraintsHold({ goBuild: null, plusBuild: ['amd64,windows'] }, env())).toBe(false);
  });
});

describe('evalGoBuild', () => {
  test('operators, parentheses and malformed expressions', () => {
    expect(evalGoBuild('linux && !ignore', env({ goMinor: 21 }))).toBe(true);
    expect(evalGoBuild('(darwin || windows) && !ignore', env({ goMinor: 21 }))).toBe(false);
    expect(evalGoBuild('!(linux || ignore)', env({ goMinor: 21 }))).toBe(false);
    expect(evalGoBuild('linux &&', env({ goMinor: 21 }))).toBeNull();
    expect(evalGoBuild('(linux', env({ goMinor: 21 }))).toBeNull();
  });
});

describe('tagHolds', () => {
  test('release tags follow the builder version', () => {
    expect(tagHolds('go1.9', env({ goMinor: 10 }))).toBe(true);
    expect(tagHolds('go1.11', env({ goMinor: 10 }))).toBe(false);
    expect(tagHolds('go1.18', env({ goMinor: null }))).toBe(true);
    expect(tagHolds('go1.40', env({ goMinor: null }))).toBeNull();
  });

  test('`unix` exists from Go 1.19; other systems are false on linux', () => {
    expect(tagHolds('unix', env({ goMinor: 19 }))).toBe(true);
    expect(tagHolds('unix', env({ goMinor: 18 }))).toBe(false);
    expect(tagHolds('windows', env())).toBe(false);
    expect(tagHolds('gc', env())).toBe(true);
    expect(tagHolds('goexperiment.loopvar', env())).toBeNull();
  });
});

describe('fileNameHolds', () => {
  test.each([
    ['main.go', true], ['main_linux.go', true], ['main_windows.go', false], ['main_linux_amd64.go', null], ['_gen.go', false],
    ['.hidden.go', false], ['main_test.go', false], ['linux.go', true], ['server_unix.go', true], ['x_windows_amd64.go', false],
  ])('%s → %s', (name, expected) => expect(fileNameHolds(name, env())).toBe(expected));

  test('a GOOS suffix Go did not know yet is no constraint', () => {
    expect(fileNameHolds('x_wasip1.go', env({ goMinor: 20 }))).toBe(true);
    expect(fileNameHolds('x_wasip1.go', env({ goMinor: 21 }))).toBe(false);
  });
});
